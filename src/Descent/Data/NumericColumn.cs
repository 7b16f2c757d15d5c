using System.Globalization;

namespace Descent.Data;

/// <summary>A column of numbers; a missing cell is NaN (as pandas and scikit-learn's SimpleImputer have it).</summary>
public sealed class NumericColumn : TableColumn
{
    private readonly double[] _values;   // the cells are its first _length entries (a reader's array may be longer)
    private readonly int _length;

    /// <summary>A column of <paramref name="values"/> (copied); NaN marks a missing cell, infinities are refused.</summary>
    /// <exception cref="ArgumentException">A value is infinite.</exception>
    public NumericColumn(string name, IReadOnlyList<double> values) : this(name, values.ToArray(), -1)
    {
        for (int i = 0; i < _values.Length; i++)
            if (double.IsInfinity(_values[i]))
                throw new ArgumentException($"NumericColumn '{name}': row {i} is {_values[i]}; cells must be finite numbers or NaN (missing).", nameof(values));
    }

    internal NumericColumn(string name, double[] values, int sourceIndex) : this(name, values, sourceIndex, values.Length)
    {
    }

    /// <summary>A column of the first <paramref name="length"/> entries of <paramref name="values"/> (used in place, not copied).</summary>
    internal NumericColumn(string name, double[] values, int sourceIndex, int length) : base(name, sourceIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)values.Length, nameof(length));
        (_values, _length) = (values, length);
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Number;

    /// <inheritdoc />
    public override int Length => _length;

    /// <summary>The values, NaN where missing.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, _length);

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    /// <inheritdoc />
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        ReadOnlySpan<double> cells = Values;
        var values = new double[rows.Count];
        for (int i = 0; i < values.Length; i++)
            values[i] = cells[rows[i]];
        return new NumericColumn(Name, values, SourceIndex);
    }

    /// <inheritdoc />
    public override string? Text(int row) =>
        double.IsNaN(Values[row]) ? null : Values[row].ToString("R", CultureInfo.InvariantCulture);
}
