using Descent.Data;

namespace Descent.Preprocessing;

/// <summary>
/// One-hot encoding of categorical columns, as scikit-learn's <c>OneHotEncoder(handle_unknown="ignore")</c>: one output
/// column per category seen at Fit, the categories of each input column in sorted (ordinal) order, named
/// <c>COL=VALUE</c>; a row holds 1 in its category's column and 0 elsewhere. A category unseen at Fit is encoded as all
/// zeros (scikit-learn's default is to raise instead; <see cref="OneHotEncoderModel.UnknownCounts"/> tells how many).
/// Missing cells are refused: impute them first (<see cref="SimpleImputer"/> with the most frequent value).
/// </summary>
public sealed record OneHotEncoder : ITableTransformer<OneHotEncoderModel>
{
    /// <summary>Learns the sorted categories of every column of <paramref name="table"/>.</summary>
    /// <exception cref="DescentDataException">A column is not categorical, or a cell is missing (named with its line).</exception>
    public OneHotEncoderModel Fit(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var categories = new Dictionary<string, IReadOnlyList<string>>();
        var names = new List<string>();
        foreach (var column in table.Columns)
        {
            var categorical = (CategoricalColumn)ColumnKinds.As(table, column.Name, ColumnKind.Category, "OneHotEncoder.Fit");
            var seen = new bool[categorical.Categories.Count];
            ReadOnlySpan<int> codes = categorical.Codes;
            for (int i = 0; i < codes.Length; i++)
            {
                if (codes[i] < 0)
                    throw OneHotEncoderModel.Missing(table, i, categorical, "OneHotEncoder.Fit");
                seen[codes[i]] = true;
            }
            var sorted = categorical.Categories.Where((_, k) => seen[k]).Order(StringComparer.Ordinal).ToArray();
            if (sorted.Length == 0)
                throw new DescentDataException($"OneHotEncoder.Fit: column '{column.Name}' has no rows to learn categories from.",
                    table.Source, columnName: column.Name);
            names.Add(column.Name);
            categories.Add(column.Name, sorted);
        }
        return new OneHotEncoderModel(names.Select(n => (n, categories[n])).ToArray());
    }
}
