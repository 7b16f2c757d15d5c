using System.Numerics.Tensors;

namespace Descent.Optimization;

/// <summary>The elastic-net duality gap, as scikit-learn's <c>cd_fast</c> computes it from the residual R = y − Xw.</summary>
internal static class ElasticNetGap
{
    /// <summary>
    /// With s = min(1, l1 / ‖XᵀR − l2·w‖∞) (the scaling that makes ν = s·R dual-feasible):
    /// gap = ½‖R‖²(1 + s²) + l1‖w‖₁ − s·Rᵀy + ½·l2·(1 + s²)·‖w‖².
    /// </summary>
    public static double Compute(ReadOnlySpan<double> w, double l1, double l2, double dualNorm,
        double residualSquaredNorm, double residualDotY)
    {
        double scale = dualNorm > l1 ? l1 / dualNorm : 1.0;
        double gap = dualNorm > l1 ? 0.5 * residualSquaredNorm * (1 + scale * scale) : residualSquaredNorm;
        gap += l1 * TensorPrimitives.SumOfMagnitudes(w) - scale * residualDotY
            + 0.5 * l2 * (1 + scale * scale) * TensorPrimitives.Dot(w, w);
        return gap;
    }
}
