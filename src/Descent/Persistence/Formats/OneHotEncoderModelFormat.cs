using System.Text.Json.Nodes;
using Descent.Preprocessing;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="OneHotEncoderModel"/> step: <c>{"columns": [{"name", "categories": [...]}]}</c>, categories in output order.</summary>
internal sealed class OneHotEncoderModelFormat : IModelFormat
{
    public string Kind => "one-hot-encoder";

    public Type ModelType => typeof(OneHotEncoderModel);

    public JsonObject Write(object model)
    {
        var columns = new JsonArray();
        foreach (var (column, categories) in ((OneHotEncoderModel)model).Categories)
            columns.Add(new JsonObject { ["name"] = column, ["categories"] = JsonFormat.Strings(categories) });
        return new JsonObject { ["columns"] = columns };
    }

    public object Read(ModelJsonReader reader, JsonObject json) =>
        new OneHotEncoderModel(TableStepFields.Objects(reader, json, "columns", "preprocessing")
            .Select(c => (reader.String(c.Json, "name", c.Path), (IReadOnlyList<string>)reader.Strings(c.Json, "categories", c.Path)))
            .ToArray());
}
