using System.Text.Json.Nodes;
using Descent.Preprocessing;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="DateFeaturesModel"/> step: <c>{"columns": ["signup", ...]}</c>.</summary>
internal sealed class DateFeaturesModelFormat : IModelFormat
{
    public string Kind => "date-features";

    public Type ModelType => typeof(DateFeaturesModel);

    public JsonObject Write(object model) => new() { ["columns"] = JsonFormat.Strings(((DateFeaturesModel)model).InputColumns) };

    public object Read(ModelJsonReader reader, JsonObject json) => new DateFeaturesModel(reader.Strings(json, "columns", "preprocessing"));
}
