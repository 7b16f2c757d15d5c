using Descent.Data;
using Descent.Trees;

namespace Descent.Plotting.Models;

public static partial class ModelFigures
{
    /// <summary>
    /// The information gain of splitting the rows of <paramref name="table"/> on each of its feature columns, about its
    /// class target (<see cref="Figures.InformationGain"/>): a categorical column splits into one group per category,
    /// Gain(S, A) = H(S) − Σ_v |S_v|/|S|·H(S_v) (<see cref="Impurity.InformationGain(ClassLabels, IReadOnlyList{string})"/>);
    /// a numeric column at its best threshold t, named "A ≤ t" (<see cref="Impurity.BestThresholdGain"/>), as a tree splits it.
    /// The dashed line is the entropy H(S) of the target.
    /// </summary>
    /// <exception cref="DescentDataException">The target is missing or not class labels, a feature cell is missing, or a
    /// column holds dates (the message names the cell or column).</exception>
    public static Figure InformationGain(Table table, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ClassLabels labels = table.RequireClassLabels();
        if (table.Columns.Count == 0)
            throw new DescentDataException($"{table.Source ?? "table"}: there is no feature column to split on.", table.Source);
        var names = new string[table.Columns.Count];
        var gains = new double[table.Columns.Count];
        for (int j = 0; j < table.Columns.Count; j++)
            (names[j], gains[j]) = AttributeGain(table, table.Columns[j], labels);
        return Figures.InformationGain(names, gains, Impurity.Entropy(labels),
            title ?? $"Information gain of each attribute about '{table.TargetName}' ({table.Rows} rows)");
    }

    private static (string Name, double Gain) AttributeGain(Table table, TableColumn column, ClassLabels labels)
    {
        int missing = column.FirstMissing();
        if (missing >= 0)
            throw new DescentDataException(
                $"{table.Where(missing, column)}: the cell is empty; information gain needs every value (impute it, or leave the column out).",
                table.Source, table.LineOf(missing), column.SourceIndex >= 0 ? column.SourceIndex : null, column.Name);
        switch (column)
        {
            case CategoricalColumn categories:
                return (column.Name, Impurity.InformationGain(labels, Enumerable.Range(0, table.Rows).Select(i => categories[i]!).ToArray()));
            case NumericColumn numbers:
                var (gain, threshold) = Impurity.BestThresholdGain(labels, numbers.Values.ToArray());
                return (double.IsNaN(threshold) ? $"{column.Name} (constant)" : $"{column.Name} ≤ {Short(threshold)}", gain);
            default:
                throw new DescentDataException(
                    $"{table.Source ?? "table"}: column '{column.Name}' holds {column.Kind.ToString().ToLowerInvariant()}s; information gain " +
                    "splits on categories and numbers (leave the column out).", table.Source, columnName: column.Name);
        }
    }
}
