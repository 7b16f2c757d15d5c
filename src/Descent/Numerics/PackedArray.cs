using System.Buffers;
using System.IO.Compression;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Descent.Numerics;

/// <summary>
/// An immutable array of numbers kept small: the little-endian bytes of its narrowest exact element type (float64,
/// float32, or int32/int16/int8 when every value is a whole number that fits), compressed with zlib (RFC 1950, with
/// its Adler-32 checksum) when that makes them at least an eighth smaller. Unpacking gives the values back bit for bit. Used for what
/// a model keeps but rarely reads (a tree's node statistics) and, in base64, for the big arrays of model files.
/// Uncompressed values are stored in an array of their type, which unpacking to that type hands out without a copy.
/// </summary>
internal sealed class PackedArray
{
    /// <summary>zlib's largest possible expansion (deflate's 258-byte runs in about 2 bits): a larger claimed size is false.</summary>
    public const int MaxCompressionRatio = 1032;

    /// <summary>The zlib bytes (a byte[]) when compressed; else the values in an array of their type (double[], float[], int[], short[], sbyte[]).</summary>
    private readonly Array _storage;

    private PackedArray(string type, int count, bool isCompressed, Array storage)
    {
        Type = type;
        Count = count;
        IsCompressed = isCompressed;
        _storage = storage;
    }

    /// <summary>The element type: "float64", "float32", "int32", "int16" or "int8".</summary>
    public string Type { get; }

    /// <summary>Number of values.</summary>
    public int Count { get; }

    /// <summary>True when <see cref="Bytes"/> are zlib-compressed.</summary>
    public bool IsCompressed { get; }

    /// <summary>The stored bytes: the zlib data, or the values' little-endian bytes.</summary>
    public ReadOnlySpan<byte> Bytes => StoredBytes;

    private Span<byte> StoredBytes => MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(_storage),
        IsCompressed ? _storage.Length : Count * Width(Type));

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

    /// <summary>What is done with an array's packed form: its type, count, whether compressed, and its stored bytes (valid only during the call).</summary>
    public delegate T PackedBytes<T>(string type, int count, bool isCompressed, ReadOnlySpan<byte> bytes);

    /// <summary>Packs doubles: as the narrowest integer type when all are whole numbers in the int32 range (and none is -0), else as float64.</summary>
    public static PackedArray Pack(ReadOnlySpan<double> values) => Pack(values, FromStored);

    /// <summary>Packs float32 values as float32.</summary>
    public static PackedArray Pack(ReadOnlySpan<float> values) => Pack(values, FromStored);

    /// <summary>Packs integers as the narrowest of int8, int16 and int32 that holds them all.</summary>
    public static PackedArray Pack(ReadOnlySpan<int> values) => Pack(values, FromStored);

    /// <summary>
    /// Packs doubles as <see cref="Pack(ReadOnlySpan{double})"/> does and hands the packed form to
    /// <paramref name="use"/> (writing it to a file, say) without keeping it: the work buffers are pooled.
    /// </summary>
    public static T Pack<T>(ReadOnlySpan<double> values, PackedBytes<T> use)
    {
        if (!AllWhole(values))
            return Store("float64", values.Length, MemoryMarshal.AsBytes(values), use);
        int[] integers = ArrayPool<int>.Shared.Rent(values.Length);
        try
        {
            for (int i = 0; i < values.Length; i++)
                integers[i] = (int)values[i];
            return Pack(integers.AsSpan(0, values.Length), use);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(integers);
        }
    }

    /// <summary>Packs float32 values and hands the packed form to <paramref name="use"/>.</summary>
    public static T Pack<T>(ReadOnlySpan<float> values, PackedBytes<T> use) =>
        Store("float32", values.Length, MemoryMarshal.AsBytes(values), use);

    /// <summary>Packs integers as the narrowest type that holds them and hands the packed form to <paramref name="use"/>.</summary>
    public static T Pack<T>(ReadOnlySpan<int> values, PackedBytes<T> use)
    {
        int min = 0, max = 0;
        foreach (int v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min < short.MinValue || max > short.MaxValue)
            return Store("int32", values.Length, MemoryMarshal.AsBytes(values), use);
        bool bytes = min >= sbyte.MinValue && max <= sbyte.MaxValue;
        int width = bytes ? 1 : 2;
        byte[] narrow = ArrayPool<byte>.Shared.Rent(values.Length * width);
        try
        {
            Span<byte> target = narrow.AsSpan(0, values.Length * width);
            if (bytes)
            {
                Span<sbyte> small = MemoryMarshal.Cast<byte, sbyte>(target);
                for (int i = 0; i < values.Length; i++)
                    small[i] = (sbyte)values[i];
            }
            else
            {
                Span<short> shorts = MemoryMarshal.Cast<byte, short>(target);
                for (int i = 0; i < values.Length; i++)
                    shorts[i] = (short)values[i];
            }
            return Store(bytes ? "int8" : "int16", values.Length, target, use);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(narrow);
        }
    }

    /// <summary>
    /// An array of <paramref name="count"/> values of <paramref name="type"/> whose <paramref name="storedLength"/>
    /// stored bytes are then written into <see cref="BytesToLoad"/>, checking before anything of the declared size is
    /// allocated that the bytes can hold them: exactly count × width bytes uncompressed, or at most zlib's ratio less.
    /// </summary>
    /// <exception cref="InvalidDataException">The type is unknown or the sizes disagree; the message says which.</exception>
    public static PackedArray ForLoading(string type, int count, bool isCompressed, int storedLength)
    {
        int width = Width(type);
        if (width == 0)
            throw new InvalidDataException($"has the type '{type}'; the types are {TypeNames}");
        long needed = (long)count * width;
        if (!isCompressed && storedLength != needed)
            throw new InvalidDataException(storedLength < needed
                ? $"is cut short: it holds {storedLength} bytes, but {count} {type} values need {needed}"
                : $"holds {storedLength} bytes, more than the {needed} that {count} {type} values need");
        if (isCompressed && needed > MaxCompressionRatio * (storedLength + 8L))
            throw new InvalidDataException($"declares {count} values, more than its {storedLength} bytes of zlib data can hold");
        Array storage = isCompressed ? new byte[storedLength] : type switch
        {
            "float64" => new double[count],
            "float32" => new float[count],
            "int32" => new int[count],
            "int16" => new short[count],
            _ => new sbyte[count],
        };
        return new PackedArray(type, count, isCompressed, storage);
    }

    /// <summary>Where the stored bytes of an array made by <see cref="ForLoading"/> are written (once, before any other use).</summary>
    public Span<byte> BytesToLoad => StoredBytes;

    /// <summary>An array of stored bytes (a copy of <paramref name="bytes"/>), checked as <see cref="ForLoading"/> does.</summary>
    /// <exception cref="InvalidDataException">The type is unknown or the sizes disagree.</exception>
    public static PackedArray FromStored(string type, int count, bool isCompressed, ReadOnlySpan<byte> bytes)
    {
        PackedArray packed = ForLoading(type, count, isCompressed, bytes.Length);
        bytes.CopyTo(packed.BytesToLoad);
        return packed;
    }

    /// <summary>
    /// The values as doubles (every type widens exactly). Uncompressed float64 values are the storage itself: treat
    /// the array as read-only while this packed array is in use.
    /// </summary>
    /// <exception cref="InvalidDataException">Compressed bytes are damaged or cut short.</exception>
    public double[] ToDoubles()
    {
        if (!IsCompressed && _storage is double[] stored)
            return stored;
        var result = new double[Count];
        CopyTo(result);
        return result;
    }

    /// <summary>The values of an integer-typed array (uncompressed int32 values are the storage itself, as in <see cref="ToDoubles"/>).</summary>
    /// <exception cref="InvalidDataException">The array holds floats, or compressed bytes are damaged or cut short.</exception>
    public int[] ToIntegers()
    {
        if (!IsCompressed && _storage is int[] stored)
            return stored;
        var result = new int[Count];
        CopyTo(result);
        return result;
    }

    /// <summary>The values of a float32 array (uncompressed, the storage itself, as in <see cref="ToDoubles"/>).</summary>
    /// <exception cref="InvalidDataException">The array is of another type, or compressed bytes are damaged or cut short.</exception>
    public float[] ToFloats()
    {
        if (Type != "float32")
            throw new InvalidDataException($"holds {Type} values where float32 values are expected");
        if (!IsCompressed && _storage is float[] stored)
            return stored;
        var result = new float[Count];
        byte[]? inflated = Inflate();
        try
        {
            MemoryMarshal.Cast<byte, float>(Raw(inflated)).CopyTo(result);
        }
        finally
        {
            Return(inflated);
        }
        return result;
    }

    /// <summary>Writes the values, as doubles, into <paramref name="destination"/> (<see cref="Count"/> long), through pooled buffers only.</summary>
    /// <exception cref="InvalidDataException">Compressed bytes are damaged or cut short.</exception>
    public void CopyTo(Span<double> destination) => Widen(destination);

    /// <summary>Writes the values of an integer-typed array into <paramref name="destination"/> (<see cref="Count"/> long), through pooled buffers only.</summary>
    /// <exception cref="InvalidDataException">The array holds floats, or compressed bytes are damaged or cut short.</exception>
    public void CopyTo(Span<int> destination)
    {
        if (!IsInteger)
            throw new InvalidDataException($"holds {Type} values where whole numbers (int8, int16 or int32) are expected");
        Widen(destination);
    }

    /// <summary>The stored values converted into <paramref name="destination"/>: exact, since T is at least as wide as the stored type.</summary>
    private void Widen<T>(Span<T> destination) where T : INumberBase<T>
    {
        destination = destination[..Count];
        byte[]? inflated = Inflate();
        try
        {
            ReadOnlySpan<byte> raw = Raw(inflated);
            switch (Type)
            {
                case "float64":
                    TensorPrimitives.ConvertChecked<double, T>(MemoryMarshal.Cast<byte, double>(raw), destination);
                    break;
                case "float32":
                    TensorPrimitives.ConvertChecked<float, T>(MemoryMarshal.Cast<byte, float>(raw), destination);
                    break;
                case "int32":
                    TensorPrimitives.ConvertChecked<int, T>(MemoryMarshal.Cast<byte, int>(raw), destination);
                    break;
                case "int16":
                    TensorPrimitives.ConvertChecked<short, T>(MemoryMarshal.Cast<byte, short>(raw), destination);
                    break;
                default:
                    TensorPrimitives.ConvertChecked<sbyte, T>(MemoryMarshal.Cast<byte, sbyte>(raw), destination);
                    break;
            }
        }
        finally
        {
            Return(inflated);
        }
    }

    /// <summary>The uncompressed little-endian bytes: the storage, or the first bytes of <paramref name="inflated"/>.</summary>
    private ReadOnlySpan<byte> Raw(byte[]? inflated) => inflated is null ? StoredBytes : inflated.AsSpan(0, Count * Width(Type));

    /// <summary>Inflates compressed bytes into a pooled buffer (to be given back with <see cref="Return"/>); null when uncompressed.</summary>
    private byte[]? Inflate()
    {
        RequireLittleEndian();
        if (!IsCompressed)
            return null;
        int length = Count * Width(Type);
        byte[] raw = ArrayPool<byte>.Shared.Rent(length);
        int filled;
        bool more;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream((byte[])_storage, writable: false), CompressionMode.Decompress);
            filled = zlib.ReadAtLeast(raw.AsSpan(0, length), length, throwOnEndOfStream: false);
            more = zlib.ReadByte() >= 0;
        }
        catch (InvalidDataException e)
        {
            ArrayPool<byte>.Shared.Return(raw);
            throw new InvalidDataException($"is not valid zlib data ({e.Message.TrimEnd('.')})", e);
        }
        if (filled < length || more)
        {
            ArrayPool<byte>.Shared.Return(raw);
            throw new InvalidDataException(filled < length
                ? $"is cut short: its zlib data holds {filled} bytes, but {Count} {Type} values need {length}"
                : $"holds more zlib data than the {length} bytes that {Count} {Type} values need");
        }
        return raw;
    }

    private static void Return(byte[]? inflated)
    {
        if (inflated is not null)
            ArrayPool<byte>.Shared.Return(inflated);
    }

    /// <summary>
    /// Hands <paramref name="raw"/> (count values' bytes) to <paramref name="use"/>, compressed when that saves at
    /// least an eighth (less is not worth inflating for: uncompressed values load straight into their array).
    /// </summary>
    private static T Store<T>(string type, int count, ReadOnlySpan<byte> raw, PackedBytes<T> use)
    {
        RequireLittleEndian();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(raw.Length + raw.Length / 1000 + 64);
        try
        {
            var packed = new MemoryStream(buffer, 0, buffer.Length, writable: true);
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw);
            return packed.Position <= raw.Length - raw.Length / 8
                ? use(type, count, true, buffer.AsSpan(0, (int)packed.Position))
                : use(type, count, false, raw);
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
