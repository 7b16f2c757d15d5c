using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Descent.Numerics;

/// <summary>
/// An immutable array of numbers kept small: the little-endian bytes of its narrowest exact element type (float64,
/// float32, or int32/int16/int8 when every value is a whole number that fits), compressed with zlib (RFC 1950, with
/// its Adler-32 checksum) when that makes them smaller. Unpacking gives the values back bit for bit. Used for what
/// a model keeps but rarely reads (a tree's node statistics) and, in base64, for the big arrays of model files.
/// </summary>
internal sealed class PackedArray
{
    /// <summary>zlib's largest possible expansion (deflate's 258-byte runs in about 2 bits): a larger claimed size is false.</summary>
    public const int MaxCompressionRatio = 1032;

    private PackedArray(string type, int count, bool isCompressed, byte[] bytes)
    {
        Type = type;
        Count = count;
        IsCompressed = isCompressed;
        Bytes = bytes;
    }

    /// <summary>The element type: "float64", "float32", "int32", "int16" or "int8".</summary>
    public string Type { get; }

    /// <summary>Number of values.</summary>
    public int Count { get; }

    /// <summary>True when <see cref="Bytes"/> are zlib-compressed.</summary>
    public bool IsCompressed { get; }

    /// <summary>The stored bytes (shared: never modify them).</summary>
    public byte[] Bytes { get; }

    /// <summary>True for the integer types.</summary>
    public bool IsInteger => Type is "int32" or "int16" or "int8";

    /// <summary>The element type names, for messages.</summary>
    public static string TypeNames => "float64, float32, int32, int16, int8";

    /// <summary>Bytes per value of <paramref name="type"/>, or 0 when it is not an element type.</summary>
    public static int Width(string type) => type switch
    {
        "float64" => 8,
        "float32" or "int32" => 4,
        "int16" => 2,
        "int8" => 1,
        _ => 0,
    };

    /// <summary>Packs doubles: as the narrowest integer type when all are whole numbers in the int32 range (and none is -0), else as float64.</summary>
    public static PackedArray Pack(ReadOnlySpan<double> values)
    {
        if (AllWhole(values))
        {
            var integers = new int[values.Length];
            for (int i = 0; i < integers.Length; i++)
                integers[i] = (int)values[i];
            return Pack(integers);
        }
        return Store("float64", values.Length, MemoryMarshal.AsBytes(values), 8);
    }

    /// <summary>Packs float32 values as float32.</summary>
    public static PackedArray Pack(ReadOnlySpan<float> values) => Store("float32", values.Length, MemoryMarshal.AsBytes(values), 4);

    /// <summary>Packs integers as the narrowest of int8, int16 and int32 that holds them all.</summary>
    public static PackedArray Pack(ReadOnlySpan<int> values)
    {
        int min = 0, max = 0;
        foreach (int v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min < short.MinValue || max > short.MaxValue)
            return Store("int32", values.Length, MemoryMarshal.AsBytes(values), 4);
        if (min >= sbyte.MinValue && max <= sbyte.MaxValue)
        {
            var narrow = new sbyte[values.Length];
            for (int i = 0; i < narrow.Length; i++)
                narrow[i] = (sbyte)values[i];
            return Store("int8", values.Length, MemoryMarshal.AsBytes(narrow.AsSpan()), 1);
        }
        var shorts = new short[values.Length];
        for (int i = 0; i < shorts.Length; i++)
            shorts[i] = (short)values[i];
        return Store("int16", values.Length, MemoryMarshal.AsBytes(shorts.AsSpan()), 2);
    }

    /// <summary>
    /// Wraps bytes read from a file, checking before anything of the declared size is allocated that they can hold
    /// <paramref name="count"/> values: exactly count × width bytes uncompressed, or at most zlib's ratio less compressed.
    /// </summary>
    /// <exception cref="InvalidDataException">The type is unknown or the sizes disagree; the message says which.</exception>
    public static PackedArray FromStored(string type, int count, bool isCompressed, byte[] bytes)
    {
        int width = Width(type);
        if (width == 0)
            throw new InvalidDataException($"has the type '{type}'; the types are {TypeNames}");
        long needed = (long)count * width;
        if (!isCompressed && bytes.Length != needed)
            throw new InvalidDataException(bytes.Length < needed
                ? $"is cut short: it holds {bytes.Length} bytes, but {count} {type} values need {needed}"
                : $"holds {bytes.Length} bytes, more than the {needed} that {count} {type} values need");
        if (isCompressed && needed > MaxCompressionRatio * (bytes.Length + 8L))
            throw new InvalidDataException($"declares {count} values, more than its {bytes.Length} bytes of zlib data can hold");
        return new PackedArray(type, count, isCompressed, bytes);
    }

    /// <summary>The values as doubles (every type widens exactly).</summary>
    /// <exception cref="InvalidDataException">Compressed bytes are damaged or cut short.</exception>
    public double[] ToDoubles()
    {
        var result = new double[Count];
        Unpack(raw =>
        {
            switch (Type)
            {
                case "float64":
                    MemoryMarshal.Cast<byte, double>(raw).CopyTo(result);
                    break;
                case "float32":
                    ReadOnlySpan<float> floats = MemoryMarshal.Cast<byte, float>(raw);
                    for (int i = 0; i < result.Length; i++)
                        result[i] = floats[i];
                    break;
                default:
                    var integers = new int[Count];
                    ReadIntegers(raw, integers);
                    for (int i = 0; i < result.Length; i++)
                        result[i] = integers[i];
                    break;
            }
        });
        return result;
    }

    /// <summary>The values of an integer-typed array.</summary>
    /// <exception cref="InvalidDataException">The array holds floats, or compressed bytes are damaged or cut short.</exception>
    public int[] ToIntegers()
    {
        if (!IsInteger)
            throw new InvalidDataException($"holds {Type} values where whole numbers (int8, int16 or int32) are expected");
        var result = new int[Count];
        Unpack(raw => ReadIntegers(raw, result));
        return result;
    }

    /// <summary>The values of a float32 array.</summary>
    /// <exception cref="InvalidDataException">The array is of another type, or compressed bytes are damaged or cut short.</exception>
    public float[] ToFloats()
    {
        if (Type != "float32")
            throw new InvalidDataException($"holds {Type} values where float32 values are expected");
        var result = new float[Count];
        Unpack(raw => MemoryMarshal.Cast<byte, float>(raw).CopyTo(result));
        return result;
    }

    private void ReadIntegers(ReadOnlySpan<byte> raw, int[] target)
    {
        switch (Type)
        {
            case "int32":
                MemoryMarshal.Cast<byte, int>(raw).CopyTo(target);
                break;
            case "int16":
                ReadOnlySpan<short> shorts = MemoryMarshal.Cast<byte, short>(raw);
                for (int i = 0; i < target.Length; i++)
                    target[i] = shorts[i];
                break;
            default:
                ReadOnlySpan<sbyte> bytes = MemoryMarshal.Cast<byte, sbyte>(raw);
                for (int i = 0; i < target.Length; i++)
                    target[i] = bytes[i];
                break;
        }
    }

    /// <summary>Hands <paramref name="read"/> the uncompressed little-endian bytes (inflated into a pooled buffer).</summary>
    private void Unpack(SpanAction read)
    {
        RequireLittleEndian();
        int length = Count * Width(Type);
        if (!IsCompressed)
        {
            read(Bytes);
            return;
        }
        byte[] raw = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int filled;
            bool more;
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(Bytes, writable: false), CompressionMode.Decompress);
                filled = zlib.ReadAtLeast(raw.AsSpan(0, length), length, throwOnEndOfStream: false);
                more = zlib.ReadByte() >= 0;
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"is not valid zlib data ({e.Message.TrimEnd('.')})", e);
            }
            if (filled < length)
                throw new InvalidDataException($"is cut short: its zlib data holds {filled} bytes, but {Count} {Type} values need {length}");
            if (more)
                throw new InvalidDataException($"holds more zlib data than the {length} bytes that {Count} {Type} values need");
            read(raw.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    private delegate void SpanAction(ReadOnlySpan<byte> raw);

    /// <summary>Stores <paramref name="raw"/> (count values of <paramref name="width"/> bytes), compressed when that is smaller.</summary>
    private static PackedArray Store(string type, int count, ReadOnlySpan<byte> raw, int width)
    {
        RequireLittleEndian();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(raw.Length + raw.Length / 1000 + 64);
        try
        {
            var packed = new MemoryStream(buffer, 0, buffer.Length, writable: true);
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw);
            return packed.Position < raw.Length
                ? new PackedArray(type, count, true, buffer.AsSpan(0, (int)packed.Position).ToArray())
                : new PackedArray(type, count, false, raw.ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>True when every value is a whole number in the int32 range and none is -0 (whose sign an integer would lose).</summary>
    private static bool AllWhole(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!(v >= int.MinValue && v <= int.MaxValue) || v != Math.Floor(v) || (v == 0 && double.IsNegative(v)))
                return false;
        }
        return true;
    }

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Packed arrays are stored little-endian; this machine is big-endian.");
    }
}
