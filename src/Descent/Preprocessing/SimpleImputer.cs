using Descent.Data;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>
/// Fills missing cells with a statistic of the training column, as scikit-learn's <c>SimpleImputer</c>: the mean, the
/// median, the most frequent value (ties to the smallest) or a constant. On a matrix a missing cell is NaN; on a table,
/// numeric columns take any strategy and categorical columns <see cref="ImputeStrategy.MostFrequent"/> or
/// <see cref="ImputeStrategy.Constant"/>. A column with no value to learn from is an error (scikit-learn would drop it).
/// </summary>
public sealed record SimpleImputer : ITransformer<SimpleImputerModel>, ITableTransformer<SimpleImputerModel>
{
    /// <summary>The statistic (default <see cref="ImputeStrategy.Mean"/>, as scikit-learn's).</summary>
    public ImputeStrategy Strategy { get; init; } = ImputeStrategy.Mean;

    /// <summary>The number a <see cref="ImputeStrategy.Constant"/> imputer writes in numeric columns (scikit-learn's fill_value, 0).</summary>
    public double FillValue { get; init; }

    /// <summary>The category a <see cref="ImputeStrategy.Constant"/> imputer writes in categorical columns (scikit-learn's "missing_value").</summary>
    public string FillText { get; init; } = "missing_value";

    /// <summary>Learns one fill value per column of <paramref name="x"/> (NaN marks a missing cell; columns named x0, x1, ...).</summary>
    /// <exception cref="DescentDataException">X is empty, holds an infinity, or a column has no value to learn from.</exception>
    public SimpleImputerModel Fit(Matrix<double> x)
    {
        DataCheck.Shape(x, "SimpleImputer.Fit");
        var columns = new TableColumn[x.Columns];
        for (int j = 0; j < columns.Length; j++)
            columns[j] = new NumericColumn($"x{j}", x.Column(j).ToArray());
        return Fit(new Table(columns));
    }

    /// <summary>Learns one fill value per column of <paramref name="table"/>.</summary>
    /// <exception cref="DescentDataException">A column has no value to learn from, or is a date column, or a categorical
    /// column asks for a mean or median.</exception>
    public SimpleImputerModel Fit(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Check.Parameter(double.IsFinite(FillValue), nameof(SimpleImputer), nameof(FillValue), "a finite number", FillValue);
        ArgumentNullException.ThrowIfNull(FillText);
        var fills = new ImputedValue[table.Columns.Count];
        for (int j = 0; j < fills.Length; j++)
            fills[j] = table.Columns[j] switch
            {
                NumericColumn numeric => new ImputedValue(numeric.Name, ColumnKind.Number, Number(numeric, table), null),
                CategoricalColumn categorical => new ImputedValue(categorical.Name, ColumnKind.Category, 0, Text(categorical, table)),
                var other => throw new DescentDataException(
                    $"SimpleImputer.Fit: column '{other.Name}' holds dates; expand it into numbers first (DateFeatures), then impute.",
                    table.Source, columnName: other.Name),
            };
        return new SimpleImputerModel(fills);
    }

    private double Number(NumericColumn column, Table table)
    {
        if (Strategy == ImputeStrategy.Constant)
            return FillValue;
        if (Strategy == ImputeStrategy.Mean)
        {
            double sum = 0;
            int count = 0;
            foreach (double v in column.Values)
                if (!double.IsNaN(v))
                {
                    sum += v;
                    count++;
                }
            return count > 0 ? sum / count : throw Empty(column, table);
        }
        var values = new List<double>(column.Length);
        foreach (double v in column.Values)
            if (!double.IsNaN(v))
                values.Add(v);
        if (values.Count == 0)
            throw Empty(column, table);
        switch (Strategy)
        {
            case ImputeStrategy.Median:
                values.Sort();
                int middle = values.Count / 2;
                return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
            default:
                values.Sort();
                double best = values[0];
                int bestCount = 0;
                for (int start = 0; start < values.Count;)
                {
                    int end = start;
                    while (end < values.Count && values[end] == values[start])
                        end++;
                    if (end - start > bestCount)
                        (best, bestCount) = (values[start], end - start);
                    start = end;
                }
                return best;
        }
    }

    private string Text(CategoricalColumn column, Table table)
    {
        if (Strategy == ImputeStrategy.Constant)
            return FillText;
        if (Strategy != ImputeStrategy.MostFrequent)
            throw new DescentDataException(
                $"SimpleImputer.Fit: column '{column.Name}' holds categories, which have no {Strategy.ToString().ToLowerInvariant()}; " +
                "impute categories with the most frequent value or a constant.", table.Source, columnName: column.Name);
        var counts = new int[column.Categories.Count];
        foreach (int code in column.Codes)
            if (code >= 0)
                counts[code]++;
        string? best = null;
        int bestCount = 0;
        for (int k = 0; k < counts.Length; k++)
            if (counts[k] > bestCount || (counts[k] == bestCount && counts[k] > 0 && string.CompareOrdinal(column.Categories[k], best) < 0))
                (best, bestCount) = (column.Categories[k], counts[k]);
        return best ?? throw Empty(column, table);
    }

    private static DescentDataException Empty(TableColumn column, Table table) =>
        new($"SimpleImputer.Fit: column '{column.Name}' has no value in the {table.Rows} training rows to impute from; leave it out.",
            table.Source, columnName: column.Name);
}
