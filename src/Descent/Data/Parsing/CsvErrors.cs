using System.Globalization;

namespace Descent.Data.Parsing;

/// <summary>
/// The CSV reader's error messages, built only on failure. Every one names the source, the 1-based line and,
/// where there is one, the column (1-based number and name in the text; the exception carries the 0-based index).
/// </summary>
internal static class CsvErrors
{
    private const string MissingHint =
        "Descent does not accept missing values: drop those rows or impute the values (e.g. with the column mean) first.";

    public static DescentDataException Empty(string source) =>
        new($"{source} is empty: a CSV file needs a header row naming the columns, then one row per example.", source);

    public static DescentDataException LineTooLong(string source, long line, long limit) =>
        new($"{source}, line {line} is longer than the limit of {Size(limit)} (no line break in it); " +
            "a CSV file has one record per line: check that this is a text CSV file.", source, line);

    /// <summary>The cell (or header name, with no line's column name) holds bytes that are not UTF-8.</summary>
    public static DescentDataException NotUtf8(string source, long line, int column, string? name, ReadOnlySpan<byte> field)
    {
        System.Text.Unicode.Utf8.ToUtf16(field, new char[field.Length], out int valid, out _, replaceInvalidSequences: false);
        string where = name is null ? $"column {column + 1}" : $"column {column + 1} '{name}'";
        return new($"{source}, line {line}, {where}: the text is not valid UTF-8 (byte 0x{field[valid]:X2} at position {valid + 1}); " +
            "save the file as UTF-8 so that labels and names come back exactly as written.", source, line, column, name);
    }

    public static DescentDataException HeaderOnly(string source, int columns) =>
        new($"{source} has a header ({columns} column{(columns == 1 ? "" : "s")}) but no data rows.", source, 1);

    public static DescentDataException EmptyColumnName(string source, int column) =>
        new($"{source}, line 1, column {column + 1}: the column has no name; every column needs a name in the header row.",
            source, 1, column);

    public static DescentDataException DuplicateColumn(string source, string name, int first, int second) =>
        new($"{source}, line 1: the column name '{name}' appears twice (columns {first + 1} and {second + 1}); " +
            "column names must be unique.", source, 1, second, name);

    public static DescentDataException MissingColumn(string source, string name, string role, IReadOnlyList<string> header) =>
        new($"{source} has no column '{name}' (the {role}){ColumnNames.Suggest(name, header)}; " +
            $"its columns are {ColumnNames.List(header)}.", source, 1, columnName: name);

    public static DescentDataException TargetIsFeature(string source, string name) =>
        new($"{source}: the column '{name}' is both the target and a feature; leave the target out of the features.",
            source, 1, columnName: name);

    public static DescentDataException DuplicateFeature(string source, string name) =>
        new($"{source}: the feature '{name}' is selected twice; list each feature once.", source, 1, columnName: name);

    public static DescentDataException NoFeatures(string source, string? target) =>
        new($"{source} has no feature columns{(target is null ? "" : $" besides the target '{target}'")}; " +
            "a model needs at least one feature column.", source, 1);

    public static DescentDataException Ragged(string source, long line, int fields, IReadOnlyList<string> header) =>
        new($"{source}, line {line}: {fields} field{(fields == 1 ? "" : "s")} but the header has {header.Count} " +
            $"({ColumnNames.List(header)}); every row needs one value per column " +
            "(a value containing the delimiter must be quoted).", source, line);

    public static DescentDataException NotANumber(string source, long line, int column, string name, string text) =>
        new($"{source}, line {line}, column {column + 1} '{name}': '{Shorten(text)}' is not a number; " +
            "feature columns must be numeric (leave text columns out of the features).", source, line, column, name);

    public static DescentDataException MissingValue(string source, long line, int column, string name, string text, bool isTarget)
    {
        string what = text.Length == 0 ? "the cell is empty" : $"'{Shorten(text)}' is a missing or infinite value";
        string role = isTarget ? "target" : "feature";
        string hint = isTarget ? "Every row needs its target, which is never imputed: drop the rows whose target is missing." : MissingHint;
        return new($"{source}, line {line}, column {column + 1} '{name}': {what} in a {role} column. {hint}",
            source, line, column, name);
    }

    public static DescentDataException NonNumericTarget(string source, long line, int column, string name, string text) =>
        new($"{source}, line {line}, column {column + 1} '{name}': the target '{Shorten(text)}' is not a number; " +
            "a regressor needs a numeric target (class labels need a classifier).", source, line, column, name);

    public static DescentDataException TooManyNumericLabels(string source, long line, int column, string name, string text) =>
        new(string.Create(CultureInfo.InvariantCulture,
                $"{source}, line {line}, column {column + 1} '{name}': the target '{Shorten(text)}' is not a number, but the ") +
            string.Create(CultureInfo.InvariantCulture,
                $"rows before it held more than {CsvReader.MaxDistinctNumericLabels} distinct numbers; a target must be all numbers ") +
            "(regression) or class labels.", source, line, column, name);

    private static string Size(long bytes) =>
        bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? $"{bytes >> 30} GiB"
        : bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB"
        : $"{bytes} bytes";

    /// <summary>The text as it can be printed on one line: at most 40 characters, control characters as \xNN.</summary>
    internal static string Shorten(string text)
    {
        if (text.Length > 40)
            text = text[..37] + "...";
        if (!text.Any(char.IsControl))
            return text;
        return string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString()));
    }
}
