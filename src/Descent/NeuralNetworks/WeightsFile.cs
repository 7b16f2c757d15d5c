using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Descent.Autograd;

namespace Descent.NeuralNetworks;

/// <summary>
/// Writes and reads a module's named parameters (its "state dict") in the two <see cref="WeightsFormat"/>s. Loading
/// checks everything (format, names, shapes, sizes, finite values) before it changes any parameter, so a bad file
/// leaves the network as it was; writes are atomic.
/// </summary>
internal static class WeightsFile
{
    public const string FormatName = "descent-weights";
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "DSCW"u8.ToArray();

    public static void Save<T>(Module<T> module, string path, WeightsFormat format) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parameters = module.NamedParameters().ToArray();
        if (format == WeightsFormat.Json)
            AtomicFile.Write(path, stream => WriteJson(stream, parameters));
        else
            AtomicFile.Write(path, stream => WriteBinary(stream, parameters));
    }

    public static void Load<T>(Module<T> module, string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DescentDataException($"{path}: cannot read the weights file ({e.Message}).", path, innerException: e);
        }
        var expected = module.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        var values = bytes.AsSpan().StartsWith(Magic) ? ReadBinary(bytes, path, expected) : ReadJson(bytes, path, expected);
        var missing = expected.Keys.Where(name => !values.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
            throw new DescentDataException(
                $"{path}: the file has no values for {string.Join(", ", missing.Select(n => $"'{n}'"))} of {module}; it was saved from another network.",
                path);
        using (Tensor.NoGrad())
            foreach (var (name, data) in values)
                expected[name].CopyFrom(Descent.Numerics.Matrix.Wrap(data.Select(T.CreateTruncating).ToArray(),
                    expected[name].Data.Rows, expected[name].Data.Columns));
    }

    private static void WriteJson<T>((string Name, Tensor<T> Parameter)[] parameters, Utf8JsonWriter json) where T : unmanaged, IFloatingPointIeee754<T>
    {
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("formatVersion", FormatVersion);
        json.WriteString("dtype", typeof(T) == typeof(float) ? "float32" : "float64");
        json.WriteStartArray("parameters");
        foreach (var (name, parameter) in parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteStartArray("shape");
            foreach (int size in Sizes(parameter))
                json.WriteNumberValue(size);
            json.WriteEndArray();
            json.WritePropertyName("values");
            var data = parameter.Data;
            if (parameter.Rank == 2)
                json.WriteStartArray();
            for (int i = 0; i < data.Rows; i++)
            {
                if (parameter.Rank > 0)
                    json.WriteStartArray();
                for (int j = 0; j < data.Columns; j++)
                {
                    if (typeof(T) == typeof(float))
                        json.WriteNumberValue(float.CreateTruncating(data[i, j]));
                    else
                        json.WriteNumberValue(double.CreateTruncating(data[i, j]));
                }
                if (parameter.Rank > 0)
                    json.WriteEndArray();
            }
            if (parameter.Rank == 2)
                json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteJson<T>(Stream stream, (string Name, Tensor<T> Parameter)[] parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        WriteJson(parameters, json);
    }

    private static void WriteBinary<T>(Stream stream, (string Name, Tensor<T> Parameter)[] parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);   // BinaryWriter is little-endian
        writer.Write(Magic);
        writer.Write((uint)FormatVersion);
        writer.Write((byte)Marshal.SizeOf<T>());
        writer.Write((uint)parameters.Length);
        foreach (var (name, parameter) in parameters)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(name);
            writer.Write((ushort)utf8.Length);
            writer.Write(utf8);
            writer.Write((byte)parameter.Rank);
            foreach (int size in Sizes(parameter))
                writer.Write((uint)size);
            var values = parameter.Data.ToContiguous().AsSpan();
            if (!BitConverter.IsLittleEndian)
                throw new PlatformNotSupportedException("Weights files are little-endian; this machine is big-endian.");
            writer.Write(MemoryMarshal.AsBytes(values));
        }
    }

    /// <summary>Reads the JSON format: each named parameter's values, checked against the network's.</summary>
    private static Dictionary<string, double[]> ReadJson<T>(byte[] bytes, string path, Dictionary<string, Tensor<T>> expected)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new DescentDataException(
                $"{path}: not a Descent weights file: neither the binary format (it would start with \"DSCW\") nor valid JSON " +
                $"(line {e.LineNumber + 1}: {e.Message}).", path, e.LineNumber + 1, innerException: e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                || format.GetString() != FormatName)
                throw new DescentDataException($"{path}: not a Descent weights file (\"format\" is not \"{FormatName}\").", path);
            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out int v) || v != FormatVersion)
                throw new DescentDataException(
                    $"{path}: weights format version {(version.ValueKind == JsonValueKind.Undefined ? "(missing)" : version.GetRawText())} " +
                    $"is not one this version of Descent reads ({FormatVersion}).", path);
            if (!root.TryGetProperty("parameters", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new DescentDataException($"{path}: \"parameters\" must be an array of {{name, shape, values}}.", path);
            var result = new Dictionary<string, double[]>();
            int index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                string where = $"parameters[{index++}]";
                string name = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                    ? n.GetString()!
                    : throw new DescentDataException($"{path}: {where} has no \"name\" string.", path);
                var parameter = Expect(expected, name, path, result);
                int[] shape = entry.TryGetProperty("shape", out var s) && s.ValueKind == JsonValueKind.Array
                    && s.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int size) && size >= 0)
                    ? s.EnumerateArray().Select(e => e.GetInt32()).ToArray()
                    : throw new DescentDataException($"{path}: {where} ('{name}') has no \"shape\" array of sizes.", path);
                CheckShape(path, name, shape, parameter);
                var values = new double[parameter.Length];
                int count = 0;
                if (!entry.TryGetProperty("values", out var data))
                    throw new DescentDataException($"{path}: {where} ('{name}') has no \"values\".", path);
                Flatten(data, values, ref count, parameter.Rank, path, name);
                if (count != values.Length)
                    throw new DescentDataException($"{path}: '{name}' has {count} values but its shape {Show(shape)} needs {values.Length}.", path);
                result[name] = values;
            }
            return result;
        }
    }

    /// <summary>Copies nested arrays of depth <paramref name="depth"/> (a number at depth 0) into <paramref name="values"/>.</summary>
    private static void Flatten(JsonElement e, double[] values, ref int count, int depth, string path, string name)
    {
        if (depth == 0)
        {
            if (e.ValueKind != JsonValueKind.Number || !double.IsFinite(e.GetDouble()))
                throw new DescentDataException($"{path}: '{name}' holds {e.GetRawText()} where a finite number belongs.", path);
            if (count < values.Length)
                values[count] = e.GetDouble();
            count++;
            return;
        }
        if (e.ValueKind != JsonValueKind.Array)
            throw new DescentDataException($"{path}: '{name}' values must be nested {depth} deep (rows of numbers for a matrix), found {e.ValueKind}.", path);
        foreach (var item in e.EnumerateArray())
            Flatten(item, values, ref count, depth - 1, path, name);
    }

    /// <summary>Reads the binary format, checking each size against the network before reading the values.</summary>
    private static Dictionary<string, double[]> ReadBinary<T>(byte[] bytes, string path, Dictionary<string, Tensor<T>> expected)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var reader = new SpanCursor(bytes, path, Magic.Length);
        uint version = reader.UInt32("format version");
        if (version != FormatVersion)
            throw new DescentDataException($"{path}: weights format version {version} is not one this version of Descent reads ({FormatVersion}).", path);
        int elementSize = reader.Byte("element size");
        if (elementSize is not (4 or 8))
            throw new DescentDataException($"{path}: element size {elementSize} is neither 4 (float32) nor 8 (float64).", path);
        uint count = reader.UInt32("parameter count");
        var result = new Dictionary<string, double[]>();
        for (uint p = 0; p < count; p++)
        {
            int nameLength = reader.UInt16("name length");
            string name = Encoding.UTF8.GetString(reader.Bytes(nameLength, "name"));
            var parameter = Expect(expected, name, path, result);
            int rank = reader.Byte("rank");
            if (rank > 2)
                throw new DescentDataException($"{path}: '{name}' has rank {rank}; parameters have rank 0, 1 or 2.", path);
            var shape = new int[rank];
            for (int k = 0; k < rank; k++)
                shape[k] = (int)Math.Min(reader.UInt32("size"), int.MaxValue);
            CheckShape(path, name, shape, parameter);
            var raw = reader.Bytes(checked(parameter.Length * elementSize), $"values of '{name}'");
            var values = new double[parameter.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = elementSize == 4
                    ? BinaryPrimitives.ReadSingleLittleEndian(raw.Slice(4 * i))
                    : BinaryPrimitives.ReadDoubleLittleEndian(raw.Slice(8 * i));
                if (!double.IsFinite(values[i]))
                    throw new DescentDataException($"{path}: '{name}' holds {values[i]} at element {i}; weights must be finite.", path);
            }
            result[name] = values;
        }
        if (reader.Remaining > 0)
            throw new DescentDataException($"{path}: {reader.Remaining} bytes follow the last parameter; the file is damaged.", path);
        return result;
    }

    private static Tensor<T> Expect<T>(Dictionary<string, Tensor<T>> expected, string name, string path, Dictionary<string, double[]> seen)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!expected.TryGetValue(name, out var parameter))
            throw new DescentDataException(
                $"{path}: the file has a parameter '{name}' that this network does not have (it has {string.Join(", ", expected.Keys.Select(k => $"'{k}'"))}).",
                path);
        if (seen.ContainsKey(name))
            throw new DescentDataException($"{path}: parameter '{name}' appears twice.", path);
        return parameter;
    }

    private static void CheckShape<T>(string path, string name, int[] shape, Tensor<T> parameter) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sizes = Sizes(parameter);
        if (!shape.SequenceEqual(sizes))
            throw new DescentDataException(
                $"{path}: '{name}' has shape {Show(shape)} in the file but {Show(sizes)} in the network; the file was saved from a network of another size.",
                path);
    }

    private static int[] Sizes<T>(Tensor<T> t) where T : unmanaged, IFloatingPointIeee754<T> => t.Rank switch
    {
        0 => [],
        1 => [t.Data.Columns],
        _ => [t.Data.Rows, t.Data.Columns],
    };

    private static string Show(int[] shape) => "[" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <summary>Reads little-endian fields from a byte array, with an error naming the field when the file ends early.</summary>
    private ref struct SpanCursor(byte[] bytes, string path, int start)
    {
        private int _position = start;

        public readonly int Remaining => bytes.Length - _position;

        public ReadOnlySpan<byte> Bytes(int count, string what)
        {
            if (count < 0 || count > Remaining)
                throw new DescentDataException(
                    $"{path}: the file ends at byte {bytes.Length} while reading the {what} ({count} bytes needed at byte {_position}); it is truncated.", path);
            var span = bytes.AsSpan(_position, count);
            _position += count;
            return span;
        }

        public byte Byte(string what) => Bytes(1, what)[0];

        public ushort UInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2, what));

        public uint UInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4, what));
    }
}
