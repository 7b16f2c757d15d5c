using System.Text.Json.Nodes;
using Descent.Data;

namespace Descent.Persistence.Formats;

/// <summary>Reading and writing what the table steps' formats share: column kinds and arrays of column objects.</summary>
internal static class TableStepFields
{
    public static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.Number => "number",
        ColumnKind.Category => "category",
        _ => "date",
    };

    public static ColumnKind ReadKind(ModelJsonReader reader, JsonObject json, string path) =>
        reader.String(json, "kind", path) switch
        {
            "number" => ColumnKind.Number,
            "category" => ColumnKind.Category,
            "date" => ColumnKind.Date,
            _ => throw reader.Invalid($"{path}.kind", "must be \"number\", \"category\" or \"date\""),
        };

    /// <summary>The objects of the array <paramref name="name"/>, with their paths.</summary>
    public static IEnumerable<(JsonObject Json, string Path)> Objects(ModelJsonReader reader, JsonObject json, string name, string path)
    {
        var array = reader.Array(json, name, path);
        for (int i = 0; i < array.Count; i++)
            yield return (array[i] as JsonObject ?? throw reader.Invalid($"{path}.{name}[{i}]", "must be a JSON object"), $"{path}.{name}[{i}]");
    }
}
