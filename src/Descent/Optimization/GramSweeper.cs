using System.Numerics.Tensors;
using Descent.Numerics.Gemm;

namespace Descent.Optimization;

/// <summary>
/// Elastic-net coordinate descent on the precomputed Gram matrix Q = XᵀX and q = Xᵀy (scikit-learn's
/// <c>enet_coordinate_descent_gram</c>): it keeps H = Q·w, so a coordinate update costs O(p) instead of O(n).
/// Worth it when n is much larger than p; building Q costs one symmetric rank-k update over X
/// (<see cref="CenteredGram"/>, which also centres X and y on the way).
/// </summary>
internal sealed class GramSweeper : IElasticNetSweeper
{
    private readonly double[] _gram;
    private readonly double[] _xty;
    private readonly double[] _h;

    /// <param name="products">Q = XᵀX, q = Xᵀy and ‖y‖² (of the centred data, when centering).</param>
    public GramSweeper(CrossProducts products)
    {
        FeatureCount = products.XTy.Length;
        _gram = products.Gram.ToContiguous().AsSpan().ToArray();
        _xty = products.XTy;
        _h = new double[FeatureCount];
        TargetSquaredNorm = products.YSquaredNorm;
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
