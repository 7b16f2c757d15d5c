using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Descent.Numerics;

namespace Descent.Persistence;

/// <summary>
/// Reads required fields from a model file's JSON and refuses anything missing, mistyped or non-finite with a message
/// that names the file and the field ("model.json: field 'model.coefficients' must be an array of finite numbers").
/// An array of numbers may be written as a JSON array or in the compact encoding of format version 2
/// (<see cref="JsonFormat.Encoded(double[])"/>); the readers of arrays accept both.
/// </summary>
public sealed class ModelJsonReader
{
    /// <summary>A reader whose errors name <paramref name="file"/>, for a file of format version <paramref name="formatVersion"/>.</summary>
    public ModelJsonReader(string file, int formatVersion = ModelFile.FormatVersion)
    {
        File = file;
        FormatVersion = formatVersion;
    }

    /// <summary>The file being read (used in messages).</summary>
    public string File { get; }

    /// <summary>The format version the file declares (formats whose layout changed read each version's layout).</summary>
    public int FormatVersion { get; }

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
            && value.TryGetValue(out double number) && number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue)
            return (int)number;
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

    /// <summary>The array of finite numbers stored in <paramref name="name"/> (a JSON array or an encoded one), optionally of an exact length.</summary>
    public double[] Numbers(JsonObject parent, string name, string path, int? length = null)
    {
        string where = Join(path, name);
        if (Encoded(parent, name, path, length) is { } encoded)
            return Numbers(encoded, where);
        var array = Array(parent, name, path);
        if (length is int n && array.Count != n)
            throw Invalid(where, $"must hold {n} numbers, but holds {array.Count}");
        var result = new double[array.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = ToNumber(array[i], $"{where}[{i}]");
        return result;
    }

    /// <summary>
    /// The array of finite float32 numbers stored in <paramref name="name"/> (encoded as float32, or any numbers that
    /// a float32 holds exactly), optionally of an exact length.
    /// </summary>
    public float[] Floats(JsonObject parent, string name, string path, int? length = null)
    {
        string where = Join(path, name);
        PackedArray? encoded = Encoded(parent, name, path, length);
        float[] floats;
        if (encoded is { Type: "float32" })
        {
            floats = Unpack(encoded, where, e => e.ToFloats());
        }
        else
        {
            double[] numbers = encoded is null ? Numbers(parent, name, path, length) : Numbers(encoded, where);
            floats = new float[numbers.Length];
            for (int i = 0; i < numbers.Length; i++)
            {
                floats[i] = (float)numbers[i];
                if (floats[i] != numbers[i])
                    throw Invalid($"{where}[{i}]", "must be a float32 number");
            }
        }
        for (int i = 0; i < floats.Length; i++)
            if (!float.IsFinite(floats[i]))
                throw Invalid($"{where}[{i}]", "must be a finite number");
        return floats;
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

    /// <summary>
    /// The encoded array stored in <paramref name="name"/> (checked to hold <paramref name="length"/> values when
    /// given), or null when the field holds something else, such as a JSON array. The field is read once: the node
    /// gives its packed array up, so that the bytes can be freed once unpacked.
    /// </summary>
    internal PackedArray? Encoded(JsonObject parent, string name, string path, int? length = null)
    {
        if (Field(parent, name, path) is not JsonValue value || !value.TryGetValue(out EncodedArray? encoded))
            return null;
        PackedArray packed = encoded.Take();
        if (length is int n && packed.Count != n)
            throw Invalid(Join(path, name), $"must hold {n} numbers, but holds {packed.Count}");
        return packed;
    }

    /// <summary>The values of an encoded array, which must all be finite; <paramref name="where"/> names it in errors.</summary>
    internal double[] Numbers(PackedArray packed, string where)
    {
        double[] values = Unpack(packed, where, p => p.ToDoubles());
        RequireFinite(values, where);
        return values;
    }

    /// <summary>The values of an encoded array, which must all be whole numbers in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal int[] Integers(PackedArray packed, string where, int min, int max)
    {
        if (!packed.IsInteger)
            return Integers(Numbers(packed, where), where, min, max);
        int[] values = Unpack(packed, where, p => p.ToIntegers());
        RequireRange(values, where, min, max);
        return values;
    }

    /// <summary>
    /// Checks an encoded array that is kept packed (a tree's statistics): finite numbers, or with
    /// <paramref name="integers"/> whole numbers of an integer type in [<paramref name="min"/>, <paramref name="max"/>];
    /// it is unpacked into a pooled buffer, so checking a big model allocates nothing per array.
    /// </summary>
    internal void Check(PackedArray packed, string where, bool integers = false, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!integers)
        {
            double[] buffer = ArrayPool<double>.Shared.Rent(packed.Count);
            try
            {
                Unpack(packed, where, p => { p.CopyTo(buffer); return true; });
                RequireFinite(buffer.AsSpan(0, packed.Count), where);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(buffer);
            }
            return;
        }
        int[] values = ArrayPool<int>.Shared.Rent(packed.Count);
        try
        {
            Unpack(packed, where, p => { p.CopyTo(values); return true; });
            RequireRange(values.AsSpan(0, packed.Count), where, min, max);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(values);
        }
    }

    private void RequireFinite(ReadOnlySpan<double> values, string where)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw Invalid($"{where}[{i}]", "must be a finite number");
    }

    private void RequireRange(ReadOnlySpan<int> values, string where, int min, int max)
    {
        for (int i = 0; i < values.Length; i++)
            if (values[i] < min || values[i] > max)
                throw Invalid($"{where}[{i}]", $"must be a whole number in [{min}, {max}]");
    }

    /// <summary><paramref name="numbers"/> as integers, each of which must be a whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal int[] Integers(double[] numbers, string where, int min, int max)
    {
        var result = new int[numbers.Length];
        for (int i = 0; i < numbers.Length; i++)
        {
            double v = numbers[i];
            if (v != Math.Floor(v) || v < min || v > max)
                throw Invalid($"{where}[{i}]", $"must be a whole number in [{min}, {max}]");
            result[i] = (int)v;
        }
        return result;
    }

    /// <summary>Unpacks an encoded array, turning damaged or mistyped bytes into an error naming <paramref name="where"/>.</summary>
    internal T Unpack<T>(PackedArray packed, string where, Func<PackedArray, T> unpack)
    {
        try
        {
            return unpack(packed);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(where, e.Message);
        }
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
