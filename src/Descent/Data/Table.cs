using System.Globalization;
using Descent.Numerics;

namespace Descent.Data;

/// <summary>
/// A user's table as read: feature columns of numbers, categories and dates, any cell of which may be missing, and an
/// optional target (kept, as in <see cref="Dataset"/>, both as numbers and as the labels written). Each row remembers
/// the line of the file it came from, so that a problem found later (a missing cell, an unseen category) is reported
/// where the user can find it. What <see cref="TableReader"/> returns and what <c>ColumnTransformer</c> turns into a
/// matrix.
/// </summary>
public sealed class Table
{
    private readonly TableColumn[] _columns;
    private readonly long[]? _lines;
    private readonly TargetValues _target;

    /// <summary>A table of <paramref name="columns"/> (each of the same length, names unique), without a target.</summary>
    /// <exception cref="ArgumentException">Lengths differ or a name repeats.</exception>
    public Table(IReadOnlyList<TableColumn> columns, string? source = null)
        : this(columns.ToArray(), source, null, TargetValues.None(source))
    {
    }

    internal Table(TableColumn[] columns, string? source, long[]? lines, TargetValues target)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int rows = columns.Length > 0 ? columns[0].Length : lines?.Length ?? target.Numbers?.Length ?? target.Labels?.Count ?? 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.Length != rows)
                throw new ArgumentException(
                    $"Table: column '{column.Name}' has {column.Length} rows but column '{columns[0].Name}' has {rows}; every column needs one cell per row.",
                    nameof(columns));
            if (!names.Add(column.Name))
                throw new ArgumentException($"Table: the column name '{column.Name}' appears twice; names must be unique.", nameof(columns));
        }
        if (lines is not null && lines.Length != rows)
            throw new ArgumentException($"Table: {lines.Length} line numbers for {rows} rows.", nameof(lines));
        _columns = columns;
        _lines = lines;
        _target = target;
        Rows = rows;
        Source = source;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>The feature columns, in order.</summary>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <summary>The names of the feature columns, in order.</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToArray();

    /// <summary>Where the table came from (a file path), or null.</summary>
    public string? Source { get; }

    /// <summary>The target column's name, or null.</summary>
    public string? TargetName => _target.Name;

    /// <summary>The target as numbers, or null (no target, or a value that is not a number).</summary>
    public double[]? Target => _target.Numbers;

    /// <summary>The target as written, or null (no target, or a numeric target with too many distinct values to be labels).</summary>
    public IReadOnlyList<string>? TargetLabels => _target.Labels;

    internal TargetValues TargetValues => _target;

    /// <summary>Each column's first problem found while reading, when <see cref="TableReadOptions.CollectIssues"/> asked for them.</summary>
    public IReadOnlyList<TableIssue> Issues { get; init; } = [];

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="DescentDataException">There is no such column (the message lists the columns).</exception>
    public TableColumn this[string name] => IndexOf(name) is var j and >= 0 ? _columns[j] : throw NoColumn(name);

    /// <summary>The column called <paramref name="name"/>, which the caller needs as its <paramref name="role"/> ("target", "feature").</summary>
    /// <exception cref="DescentDataException">There is no such column (the message names the role and lists the columns).</exception>
    public TableColumn Column(string name, string role) =>
        IndexOf(name) is var j and >= 0 ? _columns[j] : throw Parsing.CsvErrors.MissingColumn(Source ?? "table", name, role, ColumnNames);

    /// <summary>The index of the column called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => Array.FindIndex(_columns, c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The 1-based line of the source file that row <paramref name="row"/> was read from, or null for a table made in memory.</summary>
    public long? LineOf(int row) => _lines?[row];

    /// <summary>"customers.csv, line 17, column 3 'city'" (or "row 16, column 'city'" for a table made in memory): where a cell is.</summary>
    public string Where(int row, TableColumn column)
    {
        string name = Source ?? "table";
        string columnText = column.SourceIndex >= 0 ? $"column {column.SourceIndex + 1} '{column.Name}'" : $"column '{column.Name}'";
        return _lines is null
            ? string.Create(CultureInfo.InvariantCulture, $"{name}, row {row}, {columnText}")
            : string.Create(CultureInfo.InvariantCulture, $"{name}, line {_lines[row]}, {columnText}");
    }

    /// <summary>The numeric target, for a regressor.</summary>
    /// <exception cref="DescentDataException">There is no target, or a value is not a number.</exception>
    public double[] RequireNumericTarget() => _target.RequireNumbers();

    /// <summary>The target as class labels, as written.</summary>
    /// <exception cref="DescentDataException">There is no target.</exception>
    public ClassLabels RequireClassLabels() => _target.RequireClassLabels();

    /// <summary>A table of the named columns, in the order given (the target is kept).</summary>
    /// <exception cref="DescentDataException">A name is not a column.</exception>
    public Table Select(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var columns = names.Select(n => this[n]).ToArray();
        return new Table(columns, Source, _lines, _target) { Issues = IssuesOf(columns) };
    }

    /// <summary>A table without the named columns (the target is kept).</summary>
    /// <exception cref="DescentDataException">A name is not a column.</exception>
    public Table Drop(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
            dropped.Add(this[name].Name);
        var columns = _columns.Where(c => !dropped.Contains(c.Name)).ToArray();
        return new Table(columns, Source, _lines, _target) { Issues = IssuesOf(columns) };
    }

    /// <summary>The rows <paramref name="rows"/>, in that order, with their line numbers and targets.</summary>
    public Table Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (int row in rows)
            if ((uint)row >= (uint)Rows)
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Table.Take: row {row} is outside the table's {Rows} rows.");
        return new Table(_columns.Select(c => c.Take(rows)).ToArray(), Source, _lines is { } l ? rows.Select(i => l[i]).ToArray() : null,
            _target.Take(rows)) { Issues = Issues };
    }

    /// <summary>The numeric columns as a rows × columns matrix.</summary>
    /// <exception cref="DescentDataException">A column is not numeric, or a cell is missing (named with its line).</exception>
    public Matrix<double> ToMatrix()
    {
        var matrix = new Matrix<double>(Rows, _columns.Length);
        for (int j = 0; j < _columns.Length; j++)
        {
            if (_columns[j] is not NumericColumn numeric)
                throw new DescentDataException(
                    $"{Source ?? "table"}: column '{_columns[j].Name}' holds {_columns[j].Kind.ToString().ToLowerInvariant()}s, not numbers; " +
                    "encode it first (OneHotEncoder, DateFeatures in a ColumnTransformer) or leave it out.", Source, columnName: _columns[j].Name);
            ReadOnlySpan<double> values = numeric.Values;
            for (int i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(values[i]))
                    throw new DescentDataException($"{Where(i, numeric)}: the cell is missing; impute it (SimpleImputer) or drop the row first.",
                        Source, LineOf(i) ?? i, numeric.SourceIndex, numeric.Name);
                matrix[i, j] = values[i];
            }
        }
        return matrix;
    }

    /// <summary>
    /// This table with a target column of <paramref name="values"/> as written (for readers of other formats): numbers
    /// when every value is one, and the labels as written.
    /// </summary>
    /// <exception cref="ArgumentException">There is not one value per row, or a value is null or empty.</exception>
    public Table WithTarget(string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Rows)
            throw new ArgumentException($"Table.WithTarget: {values.Count} target values for {Rows} rows.", nameof(values));
        var numbers = new double[values.Count];
        DescentDataException? nonNumeric = null;
        for (int i = 0; i < numbers.Length; i++)
        {
            if (string.IsNullOrEmpty(values[i]))
                throw new DescentDataException($"{Source ?? "table"}, row {i}: the target '{name}' is empty; every row needs a target.",
                    Source, i, columnName: name);
            if (!double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                nonNumeric ??= new DescentDataException($"{Source ?? "table"}, row {i}: the target '{Parsing.CsvErrors.Shorten(values[i])}' " +
                    "is not a number; a regressor needs a numeric target (class labels need a classifier).", Source, i, columnName: name);
        }
        return new Table(_columns, Source, _lines, new TargetValues(name, nonNumeric is null ? numbers : null, [.. values], Source, nonNumeric))
        {
            Issues = Issues,
        };
    }

    /// <summary>A dataset of <paramref name="features"/> (this table's rows, transformed into numbers) with this table's target.</summary>
    /// <exception cref="ArgumentException">The features do not have one row per table row, or one name per column.</exception>
    public Dataset ToDataset(Matrix<double> features, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Rows != Rows)
            throw new ArgumentException($"Table.ToDataset: {features.Rows} feature rows for a table of {Rows} rows.", nameof(features));
        return new Dataset(features, featureNames, _target.Name, _target.Numbers, _target.Labels, Source, _target.NonNumeric);
    }

    /// <summary>A table of <paramref name="data"/>'s numeric features and its target.</summary>
    public static Table FromDataset(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = new TableColumn[data.FeatureCount];
        for (int j = 0; j < columns.Length; j++)
            columns[j] = new NumericColumn(data.FeatureNames[j], data.Features.Column(j).ToArray(), j);
        return new Table(columns, data.Source, null, data.TargetValues);
    }

    /// <summary>"customers.csv: 2000 rows × 6 features, target 'segment'".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Source ?? "table"}: {Rows} row{(Rows == 1 ? "" : "s")} × {_columns.Length} feature{(_columns.Length == 1 ? "" : "s")}" +
            $"{(TargetName is null ? "" : $", target '{TargetName}'")}");

    private TableIssue[] IssuesOf(TableColumn[] columns) =>
        Issues.Where(i => i.Column < 0 || columns.Any(c => c.SourceIndex == i.Column && c.Name == i.ColumnName)).ToArray();

    private DescentDataException NoColumn(string name) =>
        new($"{Source ?? "table"} has no column '{name}'{Data.ColumnNames.Suggest(name, ColumnNames)}; " +
            $"its columns are {Data.ColumnNames.List(ColumnNames)}.", Source, columnName: name);
}
