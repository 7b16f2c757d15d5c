using Descent.Data;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>The value a fitted <see cref="SimpleImputer"/> writes into one column's missing cells: a number, or a category.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Kind">Number or Category.</param>
/// <param name="Number">The fill value of a numeric column.</param>
/// <param name="Text">The fill category of a categorical column.</param>
public sealed record ImputedValue(string Column, ColumnKind Kind, double Number, string? Text);

/// <summary>The fill value of each column learned by <see cref="SimpleImputer"/> (scikit-learn's statistics_); Transform fills the missing cells.</summary>
public sealed class SimpleImputerModel : IFittedTransformer, IFittedTableTransformer
{
    private readonly ImputedValue[] _fills;

    /// <summary>An imputer of the given columns.</summary>
    /// <exception cref="ArgumentException">A fill is not finite, or a categorical fill has no text.</exception>
    public SimpleImputerModel(IReadOnlyList<ImputedValue> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        foreach (var fill in fills)
        {
            if (fill.Kind == ColumnKind.Number && !double.IsFinite(fill.Number))
                throw new ArgumentException($"SimpleImputerModel: the fill value of '{fill.Column}' is {fill.Number}; it must be finite.", nameof(fills));
            if (fill.Kind == ColumnKind.Category && fill.Text is null)
                throw new ArgumentException($"SimpleImputerModel: the categorical column '{fill.Column}' needs a fill text.", nameof(fills));
            if (fill.Kind == ColumnKind.Date)
                throw new ArgumentException($"SimpleImputerModel: '{fill.Column}' is a date column; dates are imputed after DateFeatures.", nameof(fills));
        }
        _fills = [.. fills];
    }

    /// <summary>The fill of each column, in order.</summary>
    public IReadOnlyList<ImputedValue> Fills => _fills;

    /// <inheritdoc />
    public IReadOnlyList<string> InputColumns => _fills.Select(f => f.Column).ToArray();

    /// <inheritdoc />
    public IReadOnlyList<string> OutputColumns => InputColumns;

    /// <inheritdoc />
    public int InputFeatureCount => _fills.Length;

    /// <inheritdoc />
    public int OutputFeatureCount => _fills.Length;

    /// <summary>A copy of <paramref name="x"/> with each NaN replaced by its column's fill (every column numeric).</summary>
    /// <exception cref="DescentDataException">X has another column count, or holds an infinity.</exception>
    /// <exception cref="InvalidOperationException">A column was fitted as categories (transform a Table instead).</exception>
    public Matrix<double> Transform(Matrix<double> x)
    {
        DataCheck.FeatureCount(x, InputFeatureCount, "SimpleImputerModel.Transform");
        if (_fills.FirstOrDefault(f => f.Kind != ColumnKind.Number) is { } text)
            throw new InvalidOperationException($"SimpleImputerModel.Transform: column '{text.Column}' holds categories; transform a Table.");
        var result = x.Copy();
        for (int i = 0; i < result.Rows; i++)
            for (int j = 0; j < result.Columns; j++)
                if (double.IsNaN(result[i, j]))
                    result[i, j] = _fills[j].Number;
        DataCheck.Finite(result, "SimpleImputerModel.Transform");
        return result;
    }

    /// <summary>The imputed columns of <paramref name="table"/>.</summary>
    /// <exception cref="DescentDataException">A column is missing or of another kind than at Fit.</exception>
    public Table Transform(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new TableColumn[_fills.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            var fill = _fills[j];
            columns[j] = ColumnKinds.As(table, fill.Column, fill.Kind, "SimpleImputerModel.Transform") switch
            {
                NumericColumn numeric => Fill(numeric, fill.Number),
                var categorical => Fill((CategoricalColumn)categorical, fill.Text!),
            };
        }
        return new Table(columns, table.Source);
    }

    private static NumericColumn Fill(NumericColumn column, double value)
    {
        var values = column.Values.ToArray();
        for (int i = 0; i < values.Length; i++)
            if (double.IsNaN(values[i]))
                values[i] = value;
        return new NumericColumn(column.Name, values, column.SourceIndex);
    }

    private static CategoricalColumn Fill(CategoricalColumn column, string text)
    {
        var categories = column.Categories.ToList();
        int code = categories.IndexOf(text);
        if (code < 0)
        {
            code = categories.Count;
            categories.Add(text);
        }
        var codes = column.Codes.ToArray();
        for (int i = 0; i < codes.Length; i++)
            if (codes[i] < 0)
                codes[i] = code;
        return new CategoricalColumn(column.Name, codes, [.. categories], column.SourceIndex);
    }
}
