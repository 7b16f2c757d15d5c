namespace Descent.Optimization;

/// <summary>
/// One form of the elastic-net coordinate-descent sweep, on the objective scaled as scikit-learn's <c>cd_fast</c> does:
///   P(w) = ½‖y − Xw‖² + l1·‖w‖₁ + (l2/2)·‖w‖²   (l1 = n·α·ρ, l2 = n·α·(1 − ρ)).
/// The residual form keeps R = y − Xw; the Gram form keeps H = XᵀX·w. Both give the same iterates.
/// </summary>
internal interface IElasticNetSweeper
{
    /// <summary>‖y‖², which scales the gap tolerance.</summary>
    double TargetSquaredNorm { get; }

    /// <summary>Makes the cached state (R or H) agree with <paramref name="w"/> (after a warm start).</summary>
    void Reset(ReadOnlySpan<double> w);

    /// <summary>One cyclic pass over the coordinates: wⱼ ← S(Xⱼᵀ(y − X₋ⱼw₋ⱼ), l1) / (‖Xⱼ‖² + l2), S the soft threshold.
    /// Returns max|Δwⱼ| and sets <paramref name="maxAbsW"/> to max|wⱼ| afterwards.</summary>
    double Sweep(Span<double> w, double l1, double l2, out double maxAbsW);

    /// <summary>‖y − Xw‖² for the current state.</summary>
    double ResidualSquaredNorm(ReadOnlySpan<double> w);

    /// <summary>The duality gap P(w) − D(ν) at the dual point ν = R·min(1, l1 / max|XᵀR − l2·w|) (scikit-learn's
    /// <c>enet_coordinate_descent</c>).</summary>
    double DualGap(ReadOnlySpan<double> w, double l1, double l2);
}
