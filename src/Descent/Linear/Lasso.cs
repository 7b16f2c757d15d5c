using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// Linear regression with an L1 penalty (the lasso), fitted by cyclic coordinate descent. Minimises
///   (1/(2n))·‖y − Xw − b‖² + α·‖w‖₁,
/// scikit-learn's Lasso objective, defaults and duality-gap stopping rule; it is <see cref="ElasticNet"/> with
/// L1Ratio = 1. Larger α sets more coefficients exactly to 0. The intercept is not penalised (X and y are centred).
/// </summary>
public sealed record Lasso : IRegressor<ElasticNetModel>
{
    /// <summary>α ≥ 0, the penalty strength (scikit-learn's <c>alpha</c>, 1).</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>Fit an intercept by centring X and y (scikit-learn's <c>fit_intercept</c>, true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Most sweeps over the coefficients (scikit-learn's <c>max_iter</c>, 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when the duality gap is below Tolerance·‖y − ȳ‖²/n (scikit-learn's <c>tol</c>, 1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Work on the Gram matrix XᵀX (true) or the residual (false, scikit-learn's default); same solution.</summary>
    public bool PrecomputeGram { get; init; }

    /// <summary>Fits w and b to <paramref name="x"/> (n × p) and <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DescentDataException">X or y is empty, non-finite, or their lengths differ.</exception>
    public ElasticNetModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        ElasticNet.FitElasticNet(nameof(Lasso), x, y, Alpha, 1.0, FitIntercept,
            new CoordinateDescent { MaxIterations = MaxIterations, Tolerance = Tolerance, PrecomputeGram = PrecomputeGram },
            progress, cancellationToken);
}
