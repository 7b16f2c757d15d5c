using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// Elastic-net coordinate descent on the precomputed Gram matrix Q = XᵀX and q = Xᵀy (scikit-learn's
/// <c>enet_coordinate_descent_gram</c>): it keeps H = Q·w, so a coordinate update costs O(p) instead of O(n).
/// Worth it when n is much larger than p; building Q costs one GEMM.
/// </summary>
internal sealed class GramSweeper : IElasticNetSweeper
{
    private readonly double[] _gram;
    private readonly double[] _xty;
    private readonly double[] _h;

    /// <param name="columns">X column-major (p columns of n values).</param>
    /// <param name="y">The targets (n values).</param>
    public GramSweeper(double[] columns, double[] y)
    {
        int n = y.Length;
        FeatureCount = n == 0 ? 0 : columns.Length / n;
        int p = FeatureCount;
        var xt = Matrix.Wrap(columns, p, n);
        _gram = new double[p * p];
        Blas.Gemm(1.0, xt, xt, 0.0, Matrix.Wrap(_gram, p, p), transposeB: true);
        _xty = new double[p];
        for (int j = 0; j < p; j++)
            _xty[j] = TensorPrimitives.Dot(columns.AsSpan(j * n, n), y);
        _h = new double[p];
        TargetSquaredNorm = TensorPrimitives.Dot(y, y);
    }

    public int FeatureCount { get; }

    public double TargetSquaredNorm { get; }

    private ReadOnlySpan<double> GramRow(int j) => _gram.AsSpan(j * FeatureCount, FeatureCount);

    public void Reset(ReadOnlySpan<double> w)
    {
        Array.Clear(_h);
        for (int j = 0; j < FeatureCount; j++)
            if (w[j] != 0)
                TensorPrimitives.MultiplyAdd(GramRow(j), w[j], _h, _h);
    }

    public double Sweep(Span<double> w, double l1, double l2, out double maxAbsW)
    {
        double maxChange = 0;
        maxAbsW = 0;
        int p = FeatureCount;
        for (int j = 0; j < p; j++)
        {
            double norm = _gram[j * p + j];
            if (norm == 0)
                continue;
            double old = w[j];
            double rho = _xty[j] - _h[j] + old * norm;
            double updated = Math.Sign(rho) * Math.Max(Math.Abs(rho) - l1, 0) / (norm + l2);
            if (updated != old)
                TensorPrimitives.MultiplyAdd(GramRow(j), updated - old, _h, _h);
            w[j] = updated;
            maxChange = Math.Max(maxChange, Math.Abs(updated - old));
            maxAbsW = Math.Max(maxAbsW, Math.Abs(updated));
        }
        return maxChange;
    }

    public double ResidualSquaredNorm(ReadOnlySpan<double> w) =>
        Math.Max(TargetSquaredNorm + TensorPrimitives.Dot(w, _h) - 2 * TensorPrimitives.Dot(w, _xty), 0);

    public double DualGap(ReadOnlySpan<double> w, double l1, double l2)
    {
        double dualNorm = 0;
        for (int j = 0; j < FeatureCount; j++)
            dualNorm = Math.Max(dualNorm, Math.Abs(_xty[j] - _h[j] - l2 * w[j]));
        double qDotW = TensorPrimitives.Dot(w, _xty);
        // ‖y − Xw‖² = ‖y‖² + wᵀQw − 2·qᵀw, and Rᵀy = ‖y‖² − qᵀw.
        double residualSquaredNorm = Math.Max(TargetSquaredNorm + TensorPrimitives.Dot(w, _h) - 2 * qDotW, 0);
        return ElasticNetGap.Compute(w, l1, l2, dualNorm, residualSquaredNorm, TargetSquaredNorm - qDotW);
    }
}
