using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Descent.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST, gzipped or not (detected from the gzip magic bytes):
/// a big-endian header 0x00 0x00 type ndims (type 0x08 = unsigned byte), one big-endian int32 per dimension,
/// then the values. Labels are magic 0x00000801 (one dimension), images 0x00000803 (count × rows × columns).
/// </summary>
public static class IdxReader
{
    /// <summary>The magic number of an IDX file of unsigned-byte labels (one dimension).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>The magic number of an IDX file of unsigned-byte images (three dimensions).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Reads a label file (magic 0x801).</summary>
    /// <exception cref="DescentDataException">The file is not an IDX label file or is truncated.</exception>
    public static IdxArray ReadLabels(string path) => Read(path, LabelsMagic);

    /// <summary>Reads an image file (magic 0x803).</summary>
    /// <exception cref="DescentDataException">The file is not an IDX image file or is truncated.</exception>
    public static IdxArray ReadImages(string path) => Read(path, ImagesMagic);

    /// <summary>Reads an unsigned-byte IDX file whose magic number must be <paramref name="expectedMagic"/>.</summary>
    /// <exception cref="DescentDataException">The magic number differs, a dimension is negative, or the file ends early or has bytes after the data.</exception>
    public static IdxArray Read(string path, int expectedMagic)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(file, path, expectedMagic);
    }

    /// <summary>Reads an unsigned-byte IDX stream; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DescentDataException">As <see cref="Read(string, int)"/>.</exception>
    public static IdxArray Read(Stream stream, string source, int expectedMagic)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        Stream input = IsGzip(stream, out Stream rewound) ? new GZipStream(rewound, CompressionMode.Decompress) : rewound;
        try
        {
            Span<byte> magicBytes = stackalloc byte[4];
            ReadExactly(input, magicBytes, source, "the 4-byte magic number");
            int magic = BinaryPrimitives.ReadInt32BigEndian(magicBytes);
            if (magic != expectedMagic)
                throw new DescentDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: the IDX magic number is 0x{magic:X8}, expected 0x{expectedMagic:X8} ") +
                    $"({Describe(expectedMagic)}); is this the right file?", source);
            int rank = magic & 0xFF;
            var dimensions = new int[rank];
            Span<byte> dimensionBytes = stackalloc byte[4];
            long total = 1;
            for (int d = 0; d < rank; d++)
            {
                ReadExactly(input, dimensionBytes, source, $"dimension {d + 1} of {rank} in the header");
                dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(dimensionBytes);
                if (dimensions[d] < 0)
                    throw new DescentDataException($"{source}: IDX dimension {d + 1} is {dimensions[d]}; sizes must be >= 0.", source);
                total *= dimensions[d];
            }
            if (total > Array.MaxLength)
                throw new DescentDataException($"{source}: the IDX header promises {total} values, more than one array can hold.", source);
            var values = new byte[total];
            int read = input.ReadAtLeast(values, values.Length, throwOnEndOfStream: false);
            if (read < values.Length)
                throw new DescentDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{source} is truncated: its header promises {string.Join("×", dimensions)} = {total} bytes of data, but only {read} follow."),
                    source);
            if (input.ReadByte() >= 0)
                throw new DescentDataException(
                    $"{source}: there are bytes after the {string.Join("×", dimensions)} values its header promises; the file is not a valid IDX file.",
                    source);
            return new IdxArray(dimensions, values);
        }
        catch (InvalidDataException e)
        {
            throw new DescentDataException($"{source}: the gzip data is corrupt ({e.Message}).", source, innerException: e);
        }
        finally
        {
            input.Dispose();
        }
    }

    private static string Describe(int magic) => magic switch
    {
        LabelsMagic => "an IDX file of unsigned-byte labels",
        ImagesMagic => "an IDX file of unsigned-byte images",
        _ => "an IDX file",
    };

    private static void ReadExactly(Stream input, Span<byte> buffer, string source, string what)
    {
        if (input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
            throw new DescentDataException($"{source} is truncated: it ends inside {what}.", source);
    }

    private static bool IsGzip(Stream stream, out Stream rewound)
    {
        rewound = stream;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            stream.Dispose();
            copy.Position = 0;
            rewound = copy;
        }
        long start = rewound.Position;
        int first = rewound.ReadByte(), second = rewound.ReadByte();
        rewound.Position = start;
        return first == 0x1F && second == 0x8B;
    }
}
