using Descent.Data;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>Some columns of a table and the steps applied to them in order (none: passed through).</summary>
/// <param name="Columns">The input columns, by name.</param>
/// <param name="Steps">The steps, each fitted on the output of the one before; the last must give numbers.</param>
public sealed record ColumnSteps(IReadOnlyList<string> Columns, params ITableTransformer<IFittedTableTransformer>[] Steps);

/// <summary>What a <see cref="ColumnTransformer"/> does with the columns no entry names.</summary>
public enum Remainder
{
    /// <summary>Numeric columns pass through unchanged, after the entries' outputs.</summary>
    Passthrough,

    /// <summary>They are left out.</summary>
    Drop,
}

/// <summary>
/// Turns a <see cref="Table"/> into a matrix, as scikit-learn's <c>ColumnTransformer</c>: each entry's steps are fitted
/// on its columns (e.g. <see cref="SimpleImputer"/> then <see cref="OneHotEncoder"/> on "city"), and the outputs are
/// placed side by side in entry order, then the remaining columns. Unlike scikit-learn (remainder="drop"), the remaining
/// numeric columns pass through by default (<see cref="Remainder"/>). A categorical or date column that no step encodes,
/// or a missing cell left in the output, is an error naming it.
/// </summary>
/// <example><code>
/// var columns = new ColumnTransformer(
///     new ColumnSteps(["income"], new SimpleImputer { Strategy = ImputeStrategy.Median }),
///     new ColumnSteps(["city"], new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }, new OneHotEncoder()));
/// var model = new Pipeline(columns, new StandardScaler()).Then(new LogisticRegression()).Fit(table, table.RequireClassLabels());
/// </code></example>
public sealed class ColumnTransformer
{
    private readonly ColumnSteps[] _entries;

    /// <summary>A transformer of the given entries.</summary>
    /// <exception cref="ArgumentException">An entry names no column, or a column appears in two entries.</exception>
    public ColumnTransformer(params ColumnSteps[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (entry.Columns.Count == 0)
                throw new ArgumentException("ColumnTransformer: an entry must name at least one column.", nameof(entries));
            foreach (string column in entry.Columns)
                if (!seen.Add(column))
                    throw new ArgumentException($"ColumnTransformer: column '{column}' is named by two entries; give each column one entry.", nameof(entries));
        }
        _entries = [.. entries];
    }

    /// <summary>The entries, in output order.</summary>
    public IReadOnlyList<ColumnSteps> Entries => _entries;

    /// <summary>What happens to the columns no entry names (default <see cref="Remainder.Passthrough"/>).</summary>
    public Remainder Remainder { get; init; } = Remainder.Passthrough;

    /// <summary>Fits every entry's steps on its columns of <paramref name="table"/>.</summary>
    /// <exception cref="DescentDataException">A column is missing, a step refuses its columns, or the output is not all numbers.</exception>
    public ColumnTransformerModel Fit(Table table) => FitTransform(table, out _);

    /// <summary>Fits, and returns <paramref name="table"/> transformed (scikit-learn's fit_transform).</summary>
    /// <exception cref="DescentDataException">As <see cref="Fit"/>.</exception>
    public ColumnTransformerModel FitTransform(Table table, out Matrix<double> transformed)
    {
        ArgumentNullException.ThrowIfNull(table);
        var fitted = new List<(IReadOnlyList<string>, IReadOnlyList<IFittedTableTransformer>)>();
        foreach (var entry in _entries)
        {
            Table part = table.Select(entry.Columns);
            var steps = new List<IFittedTableTransformer>();
            for (int s = 0; s < entry.Steps.Length; s++)
            {
                steps.Add(entry.Steps[s].Fit(part));
                if (s < entry.Steps.Length - 1)
                    part = steps[s].Transform(part);
            }
            fitted.Add((entry.Columns, steps));
        }
        var named = new HashSet<string>(_entries.SelectMany(e => e.Columns), StringComparer.Ordinal);
        var remainder = Remainder == Remainder.Drop ? [] : table.Columns.Where(c => !named.Contains(c.Name)).ToArray();
        foreach (var column in remainder)
            if (column.Kind != ColumnKind.Number)
                throw new DescentDataException(
                    $"ColumnTransformer.Fit: column '{column.Name}' holds {ColumnKinds.Plural(column.Kind)} and no step encodes it; " +
                    "give it an entry (OneHotEncoder, DateFeatures) or drop the remaining columns (Remainder.Drop).",
                    table.Source, columnName: column.Name);
        var inputs = table.Columns.Where(c => named.Contains(c.Name) || remainder.Contains(c))
            .Select(c => (c.Name, c.Kind)).ToArray();
        var model = new ColumnTransformerModel(inputs, fitted, remainder.Select(c => c.Name).ToArray());
        transformed = model.Transform(table);
        return model;
    }
}
