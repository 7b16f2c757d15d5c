using System.Text.Json.Nodes;
using Descent.Numerics;

namespace Descent.Persistence.Formats;

/// <summary>Reading and writing the pieces the model formats share: class labels, weight matrices, integer arrays.</summary>
internal static class FormatFields
{
    /// <summary>Class labels as written in the training data, at least <paramref name="minimum"/> of them, none repeated.</summary>
    public static Label[] Classes(ModelJsonReader reader, JsonObject json, string path, int minimum)
    {
        var texts = reader.Strings(json, "classes", path);
        if (texts.Length < minimum)
            throw reader.Invalid($"{path}.classes", $"must list at least {minimum} class{(minimum == 1 ? "" : "es")}");
        var labels = texts.Select(t => new Label(t)).ToArray();
        for (int k = 0; k < labels.Length; k++)
            if (ClassLabels.IndexOf(new ArraySegment<Label>(labels, 0, k), labels[k]) >= 0)
                throw reader.Invalid($"{path}.classes", $"lists the class '{labels[k].Text}' twice");
        return labels;
    }

    /// <summary>A matrix as an array of rows.</summary>
    public static JsonArray Matrix(Matrix<double> matrix)
    {
        var rows = new JsonArray();
        for (int i = 0; i < matrix.Rows; i++)
            rows.Add(JsonFormat.Numbers(matrix.Row(i).ToArray()));
        return rows;
    }

    /// <summary>A rows × columns matrix written by <see cref="Matrix(Matrix{double})"/>, with at least one column.</summary>
    public static Matrix<double> ReadMatrix(ModelJsonReader reader, JsonObject json, string name, string path, int rows)
    {
        var values = reader.NumberRows(json, name, path, rows);
        if (values.Length == 0 || values[0].Length == 0)
            throw reader.Invalid($"{path}.{name}", "must hold at least one row and one column");
        return Numerics.Matrix.FromRows(values);
    }

    /// <summary>A JSON array of integers.</summary>
    public static JsonArray Integers(IEnumerable<int> values)
    {
        var array = new JsonArray();
        foreach (int v in values)
            array.Add(v);
        return array;
    }

    /// <summary>An array of integers in [<paramref name="min"/>, <paramref name="max"/>] (a JSON array or an encoded one), optionally of an exact length.</summary>
    public static int[] ReadIntegers(ModelJsonReader reader, JsonObject json, string name, string path, int min, int max, int? length = null)
    {
        string where = $"{path}.{name}";
        return reader.Encoded(json, name, path, length) is { } packed
            ? reader.Integers(packed, where, min, max)
            : reader.Integers(reader.Numbers(json, name, path, length), where, min, max);
    }

    /// <summary>An integer field that must be at least <paramref name="min"/>.</summary>
    public static int ReadCount(ModelJsonReader reader, JsonObject json, string name, string path, int min)
    {
        int value = reader.Integer(json, name, path);
        if (value < min)
            throw reader.Invalid($"{path}.{name}", $"must be at least {min}");
        return value;
    }

    /// <summary>
    /// The stop reason of an iterative model read back: files record only whether it <c>converged</c>, which reads as
    /// <see cref="StopReason.Converged"/> or <see cref="StopReason.MaxIterations"/>.
    /// </summary>
    public static StopReason ReadStopReason(ModelJsonReader reader, JsonObject json, string path) =>
        reader.Boolean(json, "converged", path) ? StopReason.Converged : StopReason.MaxIterations;
}
