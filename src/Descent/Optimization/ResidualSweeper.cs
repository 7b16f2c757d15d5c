using System.Numerics.Tensors;

namespace Descent.Optimization;

/// <summary>
/// Elastic-net coordinate descent that keeps the residual R = y − Xw; X is stored column by column so that each
/// coordinate update reads one contiguous column: cost O(n) per coordinate. Updating wⱼ uses
/// Xⱼᵀ(R + wⱼXⱼ) = XⱼᵀR + wⱼ‖Xⱼ‖², so R is touched only when wⱼ changes.
/// </summary>
internal sealed class ResidualSweeper : IElasticNetSweeper
{
    private readonly double[] _columns;
    private readonly double[] _columnSquaredNorms;
    private readonly double[] _y;
    private readonly double[] _residual;
    private readonly int _rows;

    /// <param name="columns">X column-major: column j is <c>columns[j·n .. (j+1)·n)</c>.</param>
    /// <param name="y">The targets (n values).</param>
    /// <param name="columnSquaredNorms">‖Xⱼ‖² for each column when the caller already has them, else null.</param>
    public ResidualSweeper(double[] columns, double[] y, double[]? columnSquaredNorms = null)
    {
        _rows = y.Length;
        FeatureCount = _rows == 0 ? 0 : columns.Length / _rows;
        _columns = columns;
        _y = y;
        _residual = new double[_rows];
        if (columnSquaredNorms is not null)
            _columnSquaredNorms = columnSquaredNorms;
        else
        {
            _columnSquaredNorms = new double[FeatureCount];
            for (int j = 0; j < FeatureCount; j++)
                _columnSquaredNorms[j] = TensorPrimitives.Dot(Column(j), Column(j));
        }
        TargetSquaredNorm = TensorPrimitives.Dot(y, y);
    }

    public int FeatureCount { get; }

    public double TargetSquaredNorm { get; }

    private ReadOnlySpan<double> Column(int j) => _columns.AsSpan(j * _rows, _rows);

    public void Reset(ReadOnlySpan<double> w)
    {
        _y.CopyTo(_residual, 0);
        for (int j = 0; j < FeatureCount; j++)
            if (w[j] != 0)
                TensorPrimitives.MultiplyAdd(Column(j), -w[j], _residual, _residual);
    }

    public double Sweep(Span<double> w, double l1, double l2, out double maxAbsW)
    {
        double maxChange = 0;
        maxAbsW = 0;
        for (int j = 0; j < FeatureCount; j++)
        {
            double norm = _columnSquaredNorms[j];
            if (norm == 0)
                continue;
            var column = Column(j);
            double old = w[j];
            double rho = TensorPrimitives.Dot(column, _residual) + old * norm;
            double updated = Math.Sign(rho) * Math.Max(Math.Abs(rho) - l1, 0) / (norm + l2);
            if (updated != old)
                TensorPrimitives.MultiplyAdd(column, old - updated, _residual, _residual);
            w[j] = updated;
            maxChange = Math.Max(maxChange, Math.Abs(updated - old));
            maxAbsW = Math.Max(maxAbsW, Math.Abs(updated));
        }
        return maxChange;
    }

    public double ResidualSquaredNorm(ReadOnlySpan<double> w) => TensorPrimitives.Dot(_residual, _residual);

    public double DualGap(ReadOnlySpan<double> w, double l1, double l2)
    {
        double dualNorm = 0;
        for (int j = 0; j < FeatureCount; j++)
            dualNorm = Math.Max(dualNorm, Math.Abs(TensorPrimitives.Dot(Column(j), _residual) - l2 * w[j]));
        double residualSquaredNorm = TensorPrimitives.Dot(_residual, _residual);
        double residualDotY = TensorPrimitives.Dot(_residual, _y);
        return ElasticNetGap.Compute(w, l1, l2, dualNorm, residualSquaredNorm, residualDotY);
    }
}
