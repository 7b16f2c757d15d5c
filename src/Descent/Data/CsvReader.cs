using System.Text;
using Descent.Data.Parsing;
using Descent.Numerics;

namespace Descent.Data;

/// <summary>
/// Reads a numeric table with a header row from a CSV file into a <see cref="Dataset"/>: comma-separated (or
/// <see cref="CsvReadOptions.Delimiter"/>), '.' decimals, UTF-8 with or without a byte-order mark, LF or CRLF
/// line ends, RFC 4180 quoted fields ("1.5" is the number 1.5), blank lines skipped, spaces around unquoted
/// fields ignored. Feature columns must be finite numbers; the target may be numbers or class labels, kept exactly
/// as written. Columns that are neither feature nor target are skipped without being parsed.
/// The file is streamed in 1 MB blocks and parsed straight from bytes to doubles (correctly rounded, as
/// <see cref="double.Parse(string)"/>), so its text is never held in memory.
/// </summary>
public static class CsvReader
{
    /// <summary>
    /// An all-numeric target with more distinct values than this is a regression target: its text labels are
    /// not kept (<see cref="Dataset.TargetLabels"/> is null).
    /// </summary>
    public const int MaxDistinctNumericLabels = 65_536;

    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <exception cref="DescentDataException">The file is empty, has no data rows, duplicate or missing columns,
    /// a ragged row, or a feature cell that is not a finite number; the message names the file, line and column.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static Dataset Read(string path, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path, options);
    }

    /// <summary>Reads CSV from <paramref name="stream"/> (disposed when done); <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DescentDataException">As <see cref="Read(string, CsvReadOptions?)"/>.</exception>
    public static Dataset Read(Stream stream, string source, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        bool large = stream.CanSeek && stream.Length >= ParallelThreshold && Parallelism.MaxThreads > 1;
        return Read(stream, source, options, large ? ParallelCsvParser.BlockSize : null);
    }

    /// <summary>
    /// Streams at least this long are parsed by <see cref="Parallelism.MaxThreads"/> threads in blocks; the result
    /// (and any error) is the same as a sequential read.
    /// </summary>
    private const long ParallelThreshold = 16L << 20;

    /// <summary>Reads CSV, in parallel blocks of <paramref name="parallelBlockSize"/> bytes when it is given.</summary>
    internal static Dataset Read(Stream stream, string source, CsvReadOptions? options, int? parallelBlockSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new CsvReadOptions();
        using var reader = new CsvRecordReader(stream, source, options.Delimiter, Math.Min(parallelBlockSize ?? int.MaxValue, 1 << 20));
        if (!reader.Read())
            throw CsvErrors.Empty(source);
        string[] header = ReadHeader(reader, source);
        int targetIndex = ResolveTarget(header, options.Target, options.LastColumnIsTarget, source);
        int[] featureIndices = ResolveFeatures(header, options.Features, targetIndex, source);

        Matrix<double> features;
        CsvRowParser[] blocks;
        if (parallelBlockSize is int blockSize)
        {
            (features, blocks) = ParallelCsvParser.Parse(reader, stream, source, options.Delimiter, header, featureIndices,
                targetIndex, Parallelism.MaxThreads, blockSize);
        }
        else
        {
            var parser = new CsvRowParser(source, header, featureIndices, targetIndex);
            parser.ParseAll(reader);
            features = parser.Rows.ToMatrix();
            blocks = [parser];
        }
        if (features.Rows == 0)
            throw CsvErrors.HeaderOnly(source, header.Length);

        string[] names = Array.ConvertAll(featureIndices, j => header[j]);
        if (targetIndex < 0)
            return new Dataset(features, names, null, null, null, source, null);
        var (numbers, labels, firstNonNumeric) = TargetColumnBuilder.Merge(blocks.Select(b => b.Target!).ToArray());
        return new Dataset(features, names, header[targetIndex], numbers, labels, source, firstNonNumeric);
    }

    /// <summary>The column names of the CSV file at <paramref name="path"/> (its header row).</summary>
    /// <exception cref="DescentDataException">The file is empty or its header is invalid.</exception>
    public static IReadOnlyList<string> ReadHeader(string path, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new CsvRecordReader(File.OpenRead(path), path, delimiter);
        if (!reader.Read())
            throw CsvErrors.Empty(path);
        return ReadHeader(reader, path);
    }

    internal static string[] ReadHeader(CsvRecordReader reader, string source)
    {
        var header = new string[reader.FieldCount];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < header.Length; j++)
        {
            if (!System.Text.Unicode.Utf8.IsValid(reader.Field(j)))
                throw CsvErrors.NotUtf8(source, 1, j, null, reader.Field(j));
            header[j] = Encoding.UTF8.GetString(reader.Field(j));
            if (header[j].Length == 0)
                throw CsvErrors.EmptyColumnName(source, j);
            if (!seen.TryAdd(header[j], j))
                throw CsvErrors.DuplicateColumn(source, header[j], seen[header[j]], j);
        }
        return header;
    }

    internal static int ResolveTarget(string[] header, string? target, bool lastColumnIsTarget, string source)
    {
        if (target is null)
            return lastColumnIsTarget ? header.Length - 1 : -1;
        int index = Array.IndexOf(header, target);
        if (index < 0)
            throw CsvErrors.MissingColumn(source, target, "target", header);
        return index;
    }

    internal static int[] ResolveFeatures(string[] header, IReadOnlyList<string>? features, int targetIndex, string source)
    {
        string? targetName = targetIndex < 0 ? null : header[targetIndex];
        int[] indices;
        if (features is null)
        {
            indices = Enumerable.Range(0, header.Length).Where(j => j != targetIndex).ToArray();
        }
        else
        {
            indices = new int[features.Count];
            var chosen = new HashSet<string>(StringComparer.Ordinal);
            for (int k = 0; k < indices.Length; k++)
            {
                string name = features[k];
                indices[k] = Array.IndexOf(header, name);
                if (indices[k] < 0)
                    throw CsvErrors.MissingColumn(source, name, "feature", header);
                if (indices[k] == targetIndex)
                    throw CsvErrors.TargetIsFeature(source, name);
                if (!chosen.Add(name))
                    throw CsvErrors.DuplicateFeature(source, name);
            }
        }
        if (indices.Length == 0)
            throw CsvErrors.NoFeatures(source, targetName);
        return indices;
    }
}
