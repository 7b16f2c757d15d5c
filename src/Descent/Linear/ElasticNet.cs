using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// Linear regression with combined L1 and L2 penalties, fitted by cyclic coordinate descent. Minimises
///   (1/(2n))·‖y − Xw − b‖² + α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖²     (α = <see cref="Alpha"/>, ρ = <see cref="L1Ratio"/>),
/// the same objective, defaults and duality-gap stopping rule as scikit-learn's ElasticNet. The intercept b is not
/// penalised: X and y are centred, w is fitted, and b = ȳ − x̄·w. The L1 part sets some coefficients exactly to 0.
/// </summary>
public sealed record ElasticNet : IRegressor<ElasticNetModel>
{
    /// <summary>α ≥ 0, the overall penalty strength (scikit-learn's <c>alpha</c>, 1).</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>ρ in [0, 1], the L1 share of the penalty: 1 is the lasso, 0 ridge (scikit-learn's <c>l1_ratio</c>, 0.5).</summary>
    public double L1Ratio { get; init; } = 0.5;

    /// <summary>Fit an intercept by centring X and y (scikit-learn's <c>fit_intercept</c>, true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Most sweeps over the coefficients (scikit-learn's <c>max_iter</c>, 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when the duality gap is below Tolerance·‖y − ȳ‖²/n (scikit-learn's <c>tol</c>, 1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Work on the Gram matrix XᵀX (true) or the residual (false, scikit-learn's default)
    /// (scikit-learn's <c>precompute</c>); both give the same solution. XᵀX pays when n ≫ p and the fit takes many sweeps.</summary>
    public bool PrecomputeGram { get; init; }

    /// <summary>Fits w and b to <paramref name="x"/> (n × p) and <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DescentDataException">X or y is empty, non-finite, or their lengths differ.</exception>
    public ElasticNetModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        FitElasticNet(nameof(ElasticNet), x, y, Alpha, L1Ratio, FitIntercept, Solver, progress, cancellationToken);

    private CoordinateDescent Solver => new()
    {
        MaxIterations = MaxIterations,
        Tolerance = Tolerance,
        PrecomputeGram = PrecomputeGram,
    };

    internal static ElasticNetModel FitElasticNet(string estimator, Matrix<double> x, ReadOnlySpan<double> y, double alpha,
        double l1Ratio, bool fitIntercept, CoordinateDescent solver, IProgress<FitProgress>? progress,
        CancellationToken cancellationToken)
    {
        Check.Parameter(alpha >= 0 && double.IsFinite(alpha), estimator, "Alpha", "a finite number >= 0", alpha,
            "(Alpha = 0 is ordinary least squares: use LinearRegression.)");
        Check.Parameter(l1Ratio is >= 0 and <= 1, estimator, "L1Ratio", "in [0, 1]", l1Ratio);
        Check.Parameter(solver.MaxIterations >= 1, estimator, "MaxIterations", ">= 1", solver.MaxIterations);
        Check.Parameter(solver.Tolerance >= 0, estimator, "Tolerance", ">= 0", solver.Tolerance);
        string operation = estimator + ".Fit";
        DataCheck.Shape(x, operation);
        DataCheck.Targets(x, y, operation);

        var data = ElasticNetData.Create(x, y, fitIntercept, solver.PrecomputeGram, operation); // checks X on the way
        var w = new double[x.Columns];
        var result = solver.Minimize(data.Sweeper, x.Rows, alpha, l1Ratio, w, progress, cancellationToken);
        return new ElasticNetModel(w, fitIntercept ? data.Intercept(w) : 0.0, result.History, result.Iterations,
            result.DualGap, result.Converged);
    }
}
