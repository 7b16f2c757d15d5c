using System.Text.Json.Nodes;
using Descent.Numerics;

namespace Descent.Persistence;

/// <summary>Writers for the JSON pieces that several formats share (number arrays, labels, training history).</summary>
public static class JsonFormat
{
    /// <summary>A JSON array of numbers (System.Text.Json writes doubles in shortest round-trip form).</summary>
    public static JsonArray Numbers(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = new JsonArray();
        foreach (double v in values)
            array.Add(v);
        return array;
    }

    /// <summary>
    /// <paramref name="values"/> in the compact encoding of format version 2 (little-endian bytes, zlib-compressed
    /// when that saves an eighth, in base64; the narrowest exact type: see the model-file format in docs/CLI.md), for the big arrays
    /// of a model. The node shares the array; it is encoded when the document is written. Read it back with
    /// <see cref="ModelJsonReader.Numbers(JsonObject, string, string, int?)"/>. Only formats whose <see cref="IModelFormat.FormatVersion"/> is 2 or more may use it.
    /// </summary>
    public static JsonNode Encoded(double[] values) => Node(new EncodedArray(values));

    /// <summary>Float32 <paramref name="values"/> in the compact encoding, written as float32 (see <see cref="Encoded(double[])"/>).</summary>
    public static JsonNode Encoded(float[] values) => Node(new EncodedArray(values));

    /// <summary>Integer <paramref name="values"/> in the compact encoding, as the narrowest of int8, int16 and int32 (see <see cref="Encoded(double[])"/>).</summary>
    public static JsonNode Encoded(int[] values) => Node(new EncodedArray(values));

    /// <summary>A tree's node features, written as <see cref="Encoded(int[])"/> writes ints.</summary>
    internal static JsonNode Encoded(Trees.NodeFeatures features) => Node(new EncodedArray(features));

    /// <summary>
    /// <paramref name="count"/> doubles that <paramref name="fill"/> writes, into a pooled buffer, only as the document
    /// is written (a tree's thresholds and values, which it stores in another layout), encoded as <see cref="Encoded(double[])"/>.
    /// </summary>
    internal static JsonNode Encoded(int count, EncodedArray.FillDoubles fill) => Node(new EncodedArray(count, fill));

    /// <summary>An array already packed (a tree's statistics), written as it is.</summary>
    internal static JsonNode Encoded(PackedArray packed) => Node(new EncodedArray(packed));

    private static JsonNode Node(EncodedArray array) => JsonValue.Create(array, ArrayEncoding.TypeInfo)!;

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = new JsonArray();
        foreach (string v in values)
            array.Add(v);
        return array;
    }

    /// <summary>A JSON array of number arrays (a matrix, row by row).</summary>
    public static JsonArray NumberRows(IEnumerable<IEnumerable<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var array = new JsonArray();
        foreach (var row in rows)
            array.Add(Numbers(row));
        return array;
    }

    /// <summary>Class labels as the strings they were written as.</summary>
    public static JsonArray Labels(IEnumerable<Label> labels) => Strings(labels.Select(l => l.Text));

    /// <summary>The cost history (and parameter path and validation scores, when recorded) of an iterative fit.</summary>
    public static JsonObject History(FitHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var json = new JsonObject { ["costs"] = Numbers(history.Costs.Where(double.IsFinite)) };
        if (history.ParameterPath is { } path)
            json["parameterPath"] = NumberRows(path);
        if (history.ValidationScores.Count > 0)
            json["validationScores"] = Numbers(history.ValidationScores);
        return json;
    }

    /// <summary>Reads a history written by <see cref="History"/>; an absent history is an empty one.</summary>
    public static FitHistory ReadHistory(ModelJsonReader reader, JsonObject json, string path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(json);
        if (!json.ContainsKey("history"))
            return FitHistory.Empty;
        var history = reader.Object(json, "history", path);
        var costs = reader.Numbers(history, "costs", $"{path}.history");
        var parameterPath = history.ContainsKey("parameterPath")
            ? reader.NumberRows(history, "parameterPath", $"{path}.history")
            : null;
        var validationScores = history.ContainsKey("validationScores")
            ? reader.Numbers(history, "validationScores", $"{path}.history")
            : null;
        return new FitHistory(costs, parameterPath, validationScores);
    }
}
