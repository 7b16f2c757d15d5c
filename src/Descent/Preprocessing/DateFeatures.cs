using Descent.Data;

namespace Descent.Preprocessing;

/// <summary>
/// Expands each date column into four numeric features, <c>COL.year</c>, <c>COL.month</c>, <c>COL.day</c> and
/// <c>COL.weekday</c> (Monday = 0, as pandas' dayofweek), of the date as written (a time of day is ignored). A missing
/// date gives NaN in all four (impute them after). Nothing is learned: Fit only records the columns.
/// </summary>
public sealed record DateFeatures : ITableTransformer<DateFeaturesModel>
{
    /// <summary>Records the date columns of <paramref name="table"/>.</summary>
    /// <exception cref="DescentDataException">A column does not hold dates.</exception>
    public DateFeaturesModel Fit(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var column in table.Columns)
            ColumnKinds.As(table, column.Name, ColumnKind.Date, "DateFeatures.Fit");
        return new DateFeaturesModel(table.ColumnNames);
    }
}

/// <summary>The date columns a <see cref="DateFeatures"/> step expands.</summary>
public sealed class DateFeaturesModel : IFittedTableTransformer
{
    private static readonly string[] Parts = ["year", "month", "day", "weekday"];
    private readonly string[] _columns;

    /// <summary>An expansion of the named date columns.</summary>
    public DateFeaturesModel(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns => _columns;

    /// <summary>COL.year, COL.month, COL.day, COL.weekday for each input column.</summary>
    public IReadOnlyList<string> OutputColumns => _columns.SelectMany(c => Parts.Select(p => $"{c}.{p}")).ToArray();

    /// <summary>The four numeric features of each date column of <paramref name="table"/>.</summary>
    /// <exception cref="DescentDataException">A column is missing or does not hold dates.</exception>
    public Table Transform(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var output = new List<TableColumn>();
        foreach (string name in _columns)
        {
            var column = (DateColumn)ColumnKinds.As(table, name, ColumnKind.Date, "DateFeaturesModel.Transform");
            var parts = new double[4][];
            for (int p = 0; p < 4; p++)
                parts[p] = new double[table.Rows];
            for (int i = 0; i < table.Rows; i++)
            {
                DateTime? date = column[i];
                parts[0][i] = date?.Year ?? double.NaN;
                parts[1][i] = date?.Month ?? double.NaN;
                parts[2][i] = date?.Day ?? double.NaN;
                parts[3][i] = date is { } d ? ((int)d.DayOfWeek + 6) % 7 : double.NaN;
            }
            for (int p = 0; p < 4; p++)
                output.Add(new NumericColumn($"{name}.{Parts[p]}", parts[p], -1));
        }
        return new Table(output, table.Source);
    }
}
