using Descent.Data;

namespace Descent.Preprocessing;

/// <summary>The categories learned by <see cref="OneHotEncoder"/> (scikit-learn's categories_); Transform writes the indicator columns.</summary>
public sealed class OneHotEncoderModel : IFittedTableTransformer
{
    private readonly (string Column, string[] Categories)[] _columns;

    /// <summary>An encoder of the given columns, each with its categories in output order.</summary>
    /// <exception cref="ArgumentException">A column has no categories, or repeats one.</exception>
    public OneHotEncoderModel(IReadOnlyList<(string Column, IReadOnlyList<string> Categories)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var (column, categories) in columns)
            if (categories.Count == 0 || categories.Distinct(StringComparer.Ordinal).Count() != categories.Count)
                throw new ArgumentException($"OneHotEncoderModel: column '{column}' needs at least one category, each listed once.", nameof(columns));
        _columns = columns.Select(c => (c.Column, c.Categories.ToArray())).ToArray();
    }

    /// <summary>Each input column with its categories, in output order.</summary>
    public IReadOnlyList<(string Column, IReadOnlyList<string> Categories)> Categories =>
        _columns.Select(c => (c.Column, (IReadOnlyList<string>)c.Categories)).ToArray();

    /// <summary>The categories of input column <paramref name="column"/>, in output order (the model's own array: read only).</summary>
    internal string[] CategoriesOf(int column) => _columns[column].Categories;

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns => _columns.Select(c => c.Column).ToArray();

    /// <summary>"city=Lyon", "city=Paris", ...: one name per output column.</summary>
    public IReadOnlyList<string> OutputColumns => _columns.SelectMany(c => c.Categories.Select(v => $"{c.Column}={v}")).ToArray();

    /// <summary>The indicator columns of <paramref name="table"/>: 1 for the row's category, 0 elsewhere; an unseen category gives all zeros.</summary>
    /// <exception cref="DescentDataException">A column is missing or not categorical, or a cell is missing (named with its line).</exception>
    public Table Transform(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var output = new List<TableColumn>();
        foreach (var (name, categories) in _columns)
        {
            var column = (CategoricalColumn)ColumnKinds.As(table, name, ColumnKind.Category, "OneHotEncoderModel.Transform");
            int[] map = OutputIndex(column, categories);
            var indicators = new double[categories.Length][];
            for (int k = 0; k < indicators.Length; k++)
                indicators[k] = new double[table.Rows];
            ReadOnlySpan<int> codes = column.Codes;
            for (int i = 0; i < codes.Length; i++)
            {
                if (codes[i] < 0)
                    throw Missing(table, i, column, "OneHotEncoderModel.Transform");
                if (map[codes[i]] >= 0)
                    indicators[map[codes[i]]][i] = 1;
            }
            for (int k = 0; k < indicators.Length; k++)
                output.Add(new NumericColumn($"{name}={categories[k]}", indicators[k], -1));
        }
        return new Table(output, table.Source);
    }

    /// <summary>For each input column, how many rows of <paramref name="table"/> hold a category not seen at Fit, and the first such category.</summary>
    public IReadOnlyList<(string Column, int Rows, string? First)> UnknownCounts(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var result = new List<(string, int, string?)>();
        foreach (var (name, categories) in _columns)
        {
            if (table.IndexOf(name) < 0 || table[name] is not CategoricalColumn column)
                continue;
            int[] map = OutputIndex(column, categories);
            int count = 0;
            string? first = null;
            foreach (int code in column.Codes)
                if (code >= 0 && map[code] < 0)
                {
                    count++;
                    first ??= column.Categories[code];
                }
            result.Add((name, count, first));
        }
        return result;
    }

    /// <summary>For each category code of <paramref name="column"/>, its output column among <paramref name="categories"/>, or -1.</summary>
    internal static int[] OutputIndex(CategoricalColumn column, string[] categories)
    {
        var map = new int[column.Categories.Count];
        for (int c = 0; c < map.Length; c++)
            map[c] = Array.BinarySearch(categories, column.Categories[c], StringComparer.Ordinal) is var k and >= 0 ? k : -1;
        return map;
    }

    internal static DescentDataException Missing(Table table, int row, TableColumn column, string operation) =>
        new($"{table.Where(row, column)}: the cell is missing, and {operation} encodes categories only; impute it first " +
            "(SimpleImputer with the most frequent value) or drop the row.", table.Source, table.LineOf(row) ?? row,
            column.SourceIndex >= 0 ? column.SourceIndex : null, column.Name);
}
