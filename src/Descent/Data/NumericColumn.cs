using System.Globalization;

namespace Descent.Data;

/// <summary>A column of numbers; a missing cell is NaN (as pandas and scikit-learn's SimpleImputer have it).</summary>
public sealed class NumericColumn : TableColumn
{
    private readonly double[] _values;

    /// <summary>A column of <paramref name="values"/> (copied); NaN marks a missing cell, infinities are refused.</summary>
    /// <exception cref="ArgumentException">A value is infinite.</exception>
    public NumericColumn(string name, IReadOnlyList<double> values) : this(name, values.ToArray(), -1)
    {
        for (int i = 0; i < _values.Length; i++)
            if (double.IsInfinity(_values[i]))
                throw new ArgumentException($"NumericColumn '{name}': row {i} is {_values[i]}; cells must be finite numbers or NaN (missing).", nameof(values));
    }

    internal NumericColumn(string name, double[] values, int sourceIndex) : base(name, sourceIndex) => _values = values;

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Number;

    /// <inheritdoc />
    public override int Length => _values.Length;

    /// <summary>The values, NaN where missing.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    /// <inheritdoc />
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        var values = new double[rows.Count];
        for (int i = 0; i < values.Length; i++)
            values[i] = _values[rows[i]];
        return new NumericColumn(Name, values, SourceIndex);
    }

    /// <inheritdoc />
    public override string? Text(int row) =>
        double.IsNaN(_values[row]) ? null : _values[row].ToString("R", CultureInfo.InvariantCulture);
}
