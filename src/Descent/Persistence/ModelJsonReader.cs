using System.Text.Json;
using System.Text.Json.Nodes;

namespace Descent.Persistence;

/// <summary>
/// Reads required fields from a model file's JSON and refuses anything missing, mistyped or non-finite with a message
/// that names the file and the field ("model.json: field 'model.coefficients' must be an array of finite numbers").
/// </summary>
public sealed class ModelJsonReader
{
    /// <summary>A reader whose errors name <paramref name="file"/>.</summary>
    public ModelJsonReader(string file) => File = file;

    /// <summary>The file being read (used in messages).</summary>
    public string File { get; }

    /// <summary>The error for a field that is present but wrong.</summary>
    public DescentDataException Invalid(string path, string requirement) =>
        new($"{File}: field '{path}' {requirement}. The file may be truncated or edited; fit the model again.", File);

    /// <summary>The object stored in <paramref name="name"/>.</summary>
    public JsonObject Object(JsonObject parent, string name, string path) =>
        Field(parent, name, path) as JsonObject ?? throw Invalid(Join(path, name), "must be a JSON object");

    /// <summary>The array stored in <paramref name="name"/>.</summary>
    public JsonArray Array(JsonObject parent, string name, string path) =>
        Field(parent, name, path) as JsonArray ?? throw Invalid(Join(path, name), "must be a JSON array");

    /// <summary>The finite number stored in <paramref name="name"/>.</summary>
    public double Number(JsonObject parent, string name, string path) =>
        ToNumber(Field(parent, name, path), Join(path, name));

    /// <summary>The integer stored in <paramref name="name"/>.</summary>
    public int Integer(JsonObject parent, string name, string path)
    {
        string where = Join(path, name);
        if (Field(parent, name, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && value.TryGetValue(out int result))
            return result;
        throw Invalid(where, "must be an integer");
    }

    /// <summary>The string stored in <paramref name="name"/>.</summary>
    public string String(JsonObject parent, string name, string path)
    {
        if (Field(parent, name, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            return value.GetValue<string>();
        throw Invalid(Join(path, name), "must be a string");
    }

    /// <summary>The boolean stored in <paramref name="name"/>.</summary>
    public bool Boolean(JsonObject parent, string name, string path)
    {
        if (Field(parent, name, path) is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return value.GetValue<bool>();
        throw Invalid(Join(path, name), "must be true or false");
    }

    /// <summary>The array of finite numbers stored in <paramref name="name"/>, optionally of an exact length.</summary>
    public double[] Numbers(JsonObject parent, string name, string path, int? length = null)
    {
        var array = Array(parent, name, path);
        string where = Join(path, name);
        if (length is int n && array.Count != n)
            throw Invalid(where, $"must hold {n} numbers, but holds {array.Count}");
        var result = new double[array.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = ToNumber(array[i], $"{where}[{i}]");
        return result;
    }

    /// <summary>The array of strings stored in <paramref name="name"/>.</summary>
    public string[] Strings(JsonObject parent, string name, string path)
    {
        var array = Array(parent, name, path);
        var result = new string[array.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw Invalid($"{Join(path, name)}[{i}]", "must be a string");
        return result;
    }

    /// <summary>A rows × columns matrix stored as an array of equal-length number arrays.</summary>
    public double[][] NumberRows(JsonObject parent, string name, string path, int? rows = null, int? columns = null)
    {
        var array = Array(parent, name, path);
        string where = Join(path, name);
        if (rows is int r && array.Count != r)
            throw Invalid(where, $"must hold {r} rows, but holds {array.Count}");
        var result = new double[array.Count][];
        for (int i = 0; i < result.Length; i++)
        {
            if (array[i] is not JsonArray row)
                throw Invalid($"{where}[{i}]", "must be an array of numbers");
            int expected = columns ?? (i == 0 ? row.Count : result[0].Length);
            if (row.Count != expected)
                throw Invalid($"{where}[{i}]", $"must hold {expected} numbers, but holds {row.Count}");
            result[i] = new double[row.Count];
            for (int j = 0; j < row.Count; j++)
                result[i][j] = ToNumber(row[j], $"{where}[{i}][{j}]");
        }
        return result;
    }

    private JsonNode Field(JsonObject parent, string name, string path) =>
        parent.TryGetPropertyValue(name, out var node) && node is not null
            ? node
            : throw new DescentDataException(
                $"{File}: required field '{Join(path, name)}' is missing. The file may be truncated or edited; fit the model again.", File);

    private double ToNumber(JsonNode? node, string where)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && value.TryGetValue(out double result) && double.IsFinite(result))
            return result;
        throw Invalid(where, "must be a finite number");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
