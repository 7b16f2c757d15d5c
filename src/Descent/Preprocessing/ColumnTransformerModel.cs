using Descent.Data;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>
/// A fitted <see cref="ColumnTransformer"/>: the input columns (name and kind), each entry's fitted steps, and the
/// columns passed through; Transform turns a table holding those columns into the matrix the model was fitted on,
/// <see cref="FeatureNames"/> naming its columns (<c>age</c>, <c>city=Paris</c>, <c>signup.year</c>, ...). Rows are
/// transformed in blocks, so the intermediate columns of a large table never exist whole; the common entries (numbers
/// passed through or imputed, categories imputed or not and one-hot encoded) are written straight into the matrix by a
/// <see cref="DirectColumnWriter"/>, with no intermediate columns at all.
/// </summary>
public sealed class ColumnTransformerModel : IFittedTransformer
{
    private const int BlockRows = 8192;
    private readonly (string Name, ColumnKind Kind)[] _inputs;
    private readonly (IReadOnlyList<string> Columns, IFittedTableTransformer[] Steps)[] _entries;
    private readonly string[] _remainder;
    private readonly string[] _featureNames;

    /// <summary>A fitted transformer of <paramref name="inputs"/>: <paramref name="entries"/> in order, then <paramref name="remainder"/> passed through.</summary>
    /// <exception cref="ArgumentException">An entry or remainder column is not an input, or a passed-through column is not numeric.</exception>
    public ColumnTransformerModel(IReadOnlyList<(string Name, ColumnKind Kind)> inputs,
        IReadOnlyList<(IReadOnlyList<string> Columns, IReadOnlyList<IFittedTableTransformer> Steps)> entries, IReadOnlyList<string> remainder)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(remainder);
        _inputs = [.. inputs];
        _entries = entries.Select(e => (e.Columns, e.Steps.ToArray())).ToArray();
        _remainder = [.. remainder];
        var kinds = _inputs.ToDictionary(i => i.Name, i => i.Kind, StringComparer.Ordinal);
        foreach (string column in _entries.SelectMany(e => e.Columns).Concat(_remainder))
            if (!kinds.ContainsKey(column))
                throw new ArgumentException($"ColumnTransformerModel: column '{column}' is not one of the inputs.", nameof(entries));
        foreach (string column in _remainder)
            if (kinds[column] != ColumnKind.Number)
                throw new ArgumentException($"ColumnTransformerModel: the passed-through column '{column}' must be numeric.", nameof(remainder));
        foreach (var (columns, steps) in _entries)
            for (int s = 0; s < steps.Length; s++)
                if (!steps[s].InputColumns.SequenceEqual(s == 0 ? columns : steps[s - 1].OutputColumns))
                    throw new ArgumentException($"ColumnTransformerModel: step {s} of the entry for {string.Join(", ", columns)} " +
                        "does not read the columns the step before it writes.", nameof(entries));
        _featureNames = _entries.SelectMany(e => e.Steps.Length == 0 ? e.Columns : e.Steps[^1].OutputColumns).Concat(_remainder).ToArray();
    }

    /// <summary>The input columns, with the kind each held at Fit.</summary>
    public IReadOnlyList<(string Name, ColumnKind Kind)> Inputs => _inputs;

    /// <summary>The fitted entries, in output order.</summary>
    public IReadOnlyList<(IReadOnlyList<string> Columns, IReadOnlyList<IFittedTableTransformer> Steps)> Entries =>
        _entries.Select(e => (e.Columns, (IReadOnlyList<IFittedTableTransformer>)e.Steps)).ToArray();

    /// <summary>The numeric columns passed through unchanged, after the entries' outputs.</summary>
    public IReadOnlyList<string> Remainder => _remainder;

    /// <summary>The name of each output column.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <inheritdoc />
    public int InputFeatureCount => _inputs.Length;

    /// <inheritdoc />
    public int OutputFeatureCount => _featureNames.Length;

    /// <summary>The matrix of <paramref name="table"/>'s input columns (found by name; other columns are ignored).</summary>
    /// <exception cref="DescentDataException">A column is missing or of another kind, a step refuses a cell, or a cell is
    /// still missing in the output (named with its line).</exception>
    public Matrix<double> Transform(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (name, _) in _inputs)
            _ = table[name];
        var result = new Matrix<double>(table.Rows, OutputFeatureCount);
        var writers = _entries.Select(e => DirectColumnWriter.For(table, e.Columns, e.Steps)).ToArray();
        var remainder = _remainder.Length > 0 ? DirectColumnWriter.For(table, _remainder, []) : null;
        var rows = new List<int>(BlockRows);
        for (int start = 0; start < table.Rows; start += BlockRows)
        {
            int end = Math.Min(table.Rows, start + BlockRows);
            rows.Clear();
            for (int i = start; i < end; i++)
                rows.Add(i);
            int offset = 0;
            for (int e = 0; e < _entries.Length; e++)
            {
                var (columns, steps) = _entries[e];
                if (writers[e] is { } writer)
                {
                    offset += writer.Write(start, end, result, offset);
                    continue;
                }
                Table part = table.Select(columns).Take(rows);
                foreach (var step in steps)
                    part = step.Transform(part);
                offset = Write(part, table, columns[0], start, result, offset);
            }
            if (remainder is not null)
                remainder.Write(start, end, result, offset);
            else if (_remainder.Length > 0)
                Write(table.Select(_remainder).Take(rows), table, null, start, result, offset);
        }
        return result;
    }

    /// <summary>The matrix of <paramref name="x"/>, whose columns are the inputs in order (every input numeric).</summary>
    /// <exception cref="InvalidOperationException">An input is categorical or a date (transform a Table).</exception>
    public Matrix<double> Transform(Matrix<double> x)
    {
        DataCheck.FeatureCount(x, InputFeatureCount, "ColumnTransformerModel.Transform");
        if (_inputs.FirstOrDefault(i => i.Kind != ColumnKind.Number) is { Name: not null } other)
            throw new InvalidOperationException(
                $"ColumnTransformerModel.Transform: input '{other.Name}' holds {ColumnKinds.Plural(other.Kind)}, which a matrix cannot; transform a Table.");
        var columns = _inputs.Select((input, j) => (TableColumn)new NumericColumn(input.Name, x.Column(j).ToArray(), -1)).ToArray();
        return Transform(new Table(columns));
    }

    /// <summary>How many rows of <paramref name="table"/> hold a category no encoder saw at Fit, per column (columns with none left out).</summary>
    public IReadOnlyList<(string Column, int Rows, string? First)> UnknownCategories(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return _entries.SelectMany(e => e.Steps.OfType<OneHotEncoderModel>())
            .SelectMany(encoder => encoder.UnknownCounts(table)).Where(u => u.Rows > 0).ToArray();
    }

    private static int Write(Table part, Table input, string? entryColumn, int startRow, Matrix<double> result, int offset)
    {
        foreach (var column in part.Columns)
        {
            if (column is not NumericColumn numeric)
                throw new DescentDataException(
                    $"ColumnTransformerModel.Transform: the steps for '{entryColumn ?? column.Name}' give {ColumnKinds.Plural(column.Kind)} " +
                    $"('{column.Name}'), not numbers; end the entry with an encoder (OneHotEncoder, DateFeatures).", input.Source, columnName: column.Name);
            ReadOnlySpan<double> values = numeric.Values;
            for (int i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(values[i]))
                    throw MissingCell(input, startRow + i, input[entryColumn ?? column.Name]);
                result[startRow + i, offset] = values[i];
            }
            offset++;
        }
        return offset;
    }

    /// <summary>The error for a cell of <paramref name="source"/> still missing in the output, named with its line.</summary>
    internal static DescentDataException MissingCell(Table input, int row, TableColumn source) =>
        new($"{input.Where(row, source)}: the cell is missing; impute it (SimpleImputer) or drop the row.", input.Source,
            input.LineOf(row) ?? row, source.SourceIndex >= 0 ? source.SourceIndex : null, source.Name);
}
