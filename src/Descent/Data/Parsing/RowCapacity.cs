namespace Descent.Data.Parsing;

/// <summary>
/// How many rows to make room for while a table is read, so that its column arrays are allocated once at about their
/// final length instead of doubled and copied as they fill. When the stream's length is known, an array that fills up
/// grows to the rows the whole stream should hold at the bytes per row read so far,
/// R̂ = r · L / c · (1 + <see cref="Slack"/>) (r rows read in the first c of L bytes), and at least by a quarter (so a
/// poor estimate still grows geometrically). Until <see cref="SampleBytes"/> have been read (too few rows for a fair
/// estimate), or when the length is unknown (a pipe), an array doubles, from 16 rows (a wide file of few rows then
/// allocates little). When reading ends, an array with little room left over is kept as it is (the column uses its
/// first rows), one that the estimate made much too long is trimmed.
/// </summary>
internal sealed class RowCapacity
{
    /// <summary>The bytes read before the bytes per row so far are taken as the whole stream's.</summary>
    public const int SampleBytes = 1 << 16;

    /// <summary>The room added to an estimate, as a fraction of it: rows a little longer later on still fit.</summary>
    public const double Slack = 0.03;

    private readonly CsvRecordReader _reader;
    private readonly long _streamBytes;

    /// <summary>Capacities for the records of <paramref name="reader"/>, whose stream holds <paramref name="streamBytes"/> bytes (-1: unknown).</summary>
    public RowCapacity(CsvRecordReader reader, long streamBytes)
    {
        _reader = reader;
        _streamBytes = streamBytes;
    }

    /// <summary>The length of an array that must hold more than the <paramref name="rows"/> rows read so far.</summary>
    public int After(int rows)
    {
        long consumed = _reader.BytesConsumed;
        long capacity = _streamBytes > consumed && consumed >= SampleBytes && rows > 0
            ? Math.Max(rows + rows / 4, (long)Math.Ceiling(rows * ((double)_streamBytes / consumed) * (1 + Slack)))
            : Math.Max(16, 2L * rows);
        return (int)Math.Min(capacity, Array.MaxLength);
    }

    /// <summary>
    /// <paramref name="array"/> when its <paramref name="rows"/> used entries leave at most 1/16 of it unused (the
    /// column then holds the array as it is), otherwise a copy of exactly those entries.
    /// </summary>
    public static T[] Trimmed<T>(T[] array, int rows) =>
        array.Length - rows <= array.Length / 16 ? array : array.AsSpan(0, rows).ToArray();

    /// <summary>A new array of <paramref name="capacity"/> entries holding the first <paramref name="rows"/> of <paramref name="array"/> (the rest uninitialised).</summary>
    public static T[] Grown<T>(T[] array, int rows, int capacity) where T : unmanaged
    {
        var grown = GC.AllocateUninitializedArray<T>(capacity);
        array.AsSpan(0, rows).CopyTo(grown);
        return grown;
    }
}
