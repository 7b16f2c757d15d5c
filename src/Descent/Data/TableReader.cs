using Descent.Data.Parsing;

namespace Descent.Data;

/// <summary>
/// Reads a user's CSV file as it is into a <see cref="Table"/>: the delimiter detected from the header line (or given),
/// '.' or ',' decimals, an optional thousands separator, missing cells (empty, NA, N/A, NaN, null, ?), numeric,
/// categorical and ISO-date columns (see <see cref="TableReadOptions.CategoricalColumns"/>), and a target kept as in
/// <see cref="CsvReader"/>. It never guesses silently: text among numbers, a thousands separator or a decimal comma
/// that was not declared, a date that does not parse, are errors naming file, line and column (or, with
/// <see cref="TableReadOptions.CollectIssues"/>, each column's first such problem is recorded in <see cref="Table.Issues"/>).
/// The file is streamed; the same CSV rules as <see cref="CsvReader"/> apply (quotes, CRLF, byte-order mark, blank lines).
/// </summary>
public static class TableReader
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <exception cref="DescentDataException">The file is empty or malformed, a column is missing, or a cell is refused (see the class summary).</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static Table Read(string path, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path, options);
    }

    /// <summary>Reads CSV from <paramref name="stream"/> (disposed when done); <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DescentDataException">As <see cref="Read(string, TableReadOptions?)"/>.</exception>
    public static Table Read(Stream stream, string source, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new TableReadOptions();
        if (options.Decimal is not ('.' or ','))
            throw new ArgumentOutOfRangeException(nameof(options), options.Decimal, "TableReader: Decimal must be '.' or ','.");
        if (options.Features is not null && options.Exclude is not null)
            throw new ArgumentException("TableReader: give the feature columns (Features) or the columns to leave out (Exclude), not both.", nameof(options));
        long streamBytes = stream.CanSeek ? stream.Length - stream.Position : -1;
        using var reader = new CsvRecordReader(stream, source, ',');
        var capacity = new RowCapacity(reader, streamBytes);
        var issues = new List<TableIssue>();
        reader.Delimiter = options.Delimiter ?? Detect(reader.PeekFirstLine(), options.Decimal);
        if (!reader.Read())
            throw CsvErrors.Empty(source);
        string[] header = CsvReader.ReadHeader(reader, source);
        CheckDelimiter(header, reader.Delimiter, source, options, issues);
        int targetIndex = CsvReader.ResolveTarget(header, options.Target, options.LastColumnIsTarget, source);
        int[] featureIndices = CsvReader.ResolveFeatures(header, options.Features ?? Complement(header, options.Exclude, targetIndex, source),
            targetIndex, source);
        var categorical = ResolveCategorical(header, options.CategoricalColumns, source);

        var builders = featureIndices.Select(j => new TableColumnBuilder(source, header[j], j, categorical.Contains(j),
            options.CategoricalColumns is null, options.Decimal, options.Thousands, options.CollectIssues, capacity)).ToArray();
        var target = targetIndex < 0 ? null : new TargetColumnBuilder(source, header[targetIndex], targetIndex, options.Decimal, options.Thousands);
        long[] lines = [];
        int rows = 0;
        while (reader.Read())
        {
            if (reader.FieldCount != header.Length)
                throw CsvErrors.Ragged(source, reader.Line, reader.FieldCount, header);
            for (int k = 0; k < builders.Length; k++)
                builders[k].Add(reader.Field(featureIndices[k]), reader.Line);
            target?.Add(reader.Field(targetIndex), reader.Line);
            if (rows == lines.Length)
                lines = RowCapacity.Grown(lines, rows, capacity.After(rows));
            lines[rows++] = reader.Line;
        }
        if (rows == 0)
            throw CsvErrors.HeaderOnly(source, header.Length);

        issues.AddRange(builders.Select(b => b.Issue).OfType<TableIssue>());
        var targetValues = TargetValues.None(source);
        if (target is not null)
        {
            var (numbers, labels, firstNonNumeric) = TargetColumnBuilder.Merge([target]);
            targetValues = new TargetValues(header[targetIndex], numbers, labels, source, firstNonNumeric);
        }
        return new Table(builders.Select(b => b.Build()).ToArray(), source, lines.Length == rows ? lines : lines[..rows], targetValues)
        {
            Issues = issues.OrderBy(i => i.Line).ThenBy(i => i.Column).ToArray(),
        };
    }

    /// <summary>The candidate delimiter most frequent in <paramref name="header"/> outside quotes; ties and none go to ',' (';' with decimal commas).</summary>
    internal static char Detect(ReadOnlySpan<byte> header, char decimalSeparator)
    {
        var counts = new int[Candidates.Length];
        bool quoted = false;
        foreach (byte b in header)
        {
            if (b == (byte)'"')
                quoted = !quoted;
            else if (!quoted)
                for (int c = 0; c < Candidates.Length; c++)
                    if (b == Candidates[c])
                        counts[c]++;
        }
        char best = decimalSeparator == ',' ? ';' : ',';
        int bestCount = 0;
        for (int c = 0; c < Candidates.Length; c++)
        {
            if (Candidates[c] == decimalSeparator)
                continue;
            if (counts[c] > bestCount || (counts[c] == bestCount && counts[c] > 0 && Candidates[c] == best))
                (best, bestCount) = (Candidates[c], counts[c]);
        }
        return best;
    }

    /// <summary>One column whose name holds another candidate delimiter: the delimiter is wrong.</summary>
    private static void CheckDelimiter(string[] header, char delimiter, string source, TableReadOptions options, List<TableIssue> issues)
    {
        if (header.Length != 1)
            return;
        char? other = Candidates.Where(c => c != delimiter && c != options.Decimal && header[0].Contains(c))
            .Select(c => (char?)c).FirstOrDefault();
        if (other is not char found)
            return;
        string problem = $"{source}, line 1: the delimiter {Show(delimiter)} leaves one column ('{CsvErrors.Shorten(header[0])}'), " +
            $"but the header holds {Show(found)}.";
        var issue = new TableIssue(TableIssueKind.OneColumn, source, 1, -1, header[0], header[0], found, problem,
            $"Set TableReadOptions.Delimiter = {Show(found)}.");
        // Named columns cannot be found in a header read with the wrong delimiter: the delimiter is the error to report.
        if (!options.CollectIssues || options.Target is not null || options.Features is not null || options.Exclude is not null)
            throw issue.ToException();
        issues.Add(issue);
    }

    /// <summary>The delimiter as printed in messages: ',' or 'tab'.</summary>
    internal static string Show(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";

    private static List<string>? Complement(string[] header, IReadOnlyList<string>? exclude, int targetIndex, string source)
    {
        if (exclude is null)
            return null;
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in exclude)
        {
            int index = Array.IndexOf(header, name);
            if (index < 0)
                throw CsvErrors.MissingColumn(source, name, "column to exclude", header);
            if (index == targetIndex)
                throw new DescentDataException($"{source}: '{name}' is the target; it cannot also be left out of the features.",
                    source, 1, index, name);
            excluded.Add(name);
        }
        return header.Where((name, j) => j != targetIndex && !excluded.Contains(name)).ToList();
    }

    private static HashSet<int> ResolveCategorical(string[] header, IReadOnlyList<string>? names, string source)
    {
        var indices = new HashSet<int>();
        foreach (string name in names ?? [])
        {
            int index = Array.IndexOf(header, name);
            if (index < 0)
                throw CsvErrors.MissingColumn(source, name, "categorical column", header);
            indices.Add(index);
        }
        return indices;
    }
}
