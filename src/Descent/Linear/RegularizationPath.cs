using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// Coefficients of the elastic net (or the lasso) over a grid of penalties α, from the largest to the smallest, each fit
/// warm-started from the previous one, as scikit-learn's <c>enet_path</c> / <c>lasso_path</c> compute them; the data
/// for a regularization-path plot. The default grid is <see cref="AlphaCount"/> values spaced evenly in log from
/// α_max = max|Xᵀy|/(n·ρ) (the smallest α with all coefficients 0) down to <see cref="Epsilon"/>·α_max.
/// With <see cref="FitIntercept"/> (the default) X and y are centred first, so each row of the path equals an
/// <see cref="ElasticNet"/> fit at that α; without it, it equals scikit-learn's <c>enet_path(X, y)</c>.
/// </summary>
public sealed record RegularizationPath
{
    /// <summary>ρ in [0, 1]: 1 (default) is the lasso path.</summary>
    public double L1Ratio { get; init; } = 1.0;

    /// <summary>The α values to use, or null for the log-spaced default grid.</summary>
    public IReadOnlyList<double>? Alphas { get; init; }

    /// <summary>Number of α values in the default grid (scikit-learn's <c>n_alphas</c>, 100).</summary>
    public int AlphaCount { get; init; } = 100;

    /// <summary>α_min / α_max for the default grid (scikit-learn's <c>eps</c>, 1e-3).</summary>
    public double Epsilon { get; init; } = 1e-3;

    /// <summary>Centre X and y so the intercept is not penalised (true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Most sweeps per α (1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Duality-gap tolerance per α, as for <see cref="ElasticNet.Tolerance"/> (1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Work on XᵀX (true) or the residual (false); null chooses XᵀX when n &gt; p, as scikit-learn's
    /// <c>precompute="auto"</c> in <c>enet_path</c>: one GEMM shared by every α.</summary>
    public bool? PrecomputeGram { get; init; }

    /// <summary>Computes the path on <paramref name="x"/> (n × p) and <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (L1Ratio = 0 needs explicit Alphas).</exception>
    /// <exception cref="DescentDataException">X or y is empty, non-finite, or their lengths differ.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public RegularizationPathResult Compute(Matrix<double> x, ReadOnlySpan<double> y, CancellationToken cancellationToken = default)
    {
        const string name = nameof(RegularizationPath);
        Check.Parameter(L1Ratio is >= 0 and <= 1, name, nameof(L1Ratio), "in [0, 1]", L1Ratio);
        Check.Parameter(Alphas is not null || L1Ratio > 0, name, nameof(Alphas), "given when L1Ratio is 0", null,
            "(the automatic grid starts at max|Xᵀy|/(n·L1Ratio)).");
        Check.Parameter(AlphaCount >= 1, name, nameof(AlphaCount), ">= 1", AlphaCount);
        Check.Parameter(Epsilon > 0 && Epsilon <= 1, name, nameof(Epsilon), "in (0, 1]", Epsilon);
        DataCheck.Shape(x, name + ".Compute");
        DataCheck.Targets(x, y, name + ".Compute");

        var solver = new CoordinateDescent
        {
            MaxIterations = MaxIterations, Tolerance = Tolerance, PrecomputeGram = PrecomputeGram ?? x.Rows > x.Columns,
        };
        var data = ElasticNetData.Create(x, y, FitIntercept, solver.PrecomputeGram, name + ".Compute");
        double[] alphas = Alphas?.ToArray() ?? DefaultGrid(data.MaxAbsCorrelation(), x.Rows);
        foreach (double a in alphas)
            Check.Parameter(a >= 0 && double.IsFinite(a), name, nameof(Alphas), "finite numbers >= 0", a);
        int p = x.Columns;
        var coefficients = new Matrix<double>(alphas.Length, p);
        var intercepts = new double[alphas.Length];
        var gaps = new double[alphas.Length];
        var iterations = new int[alphas.Length];
        var w = new double[p];
        for (int k = 0; k < alphas.Length; k++)
        {
            var result = solver.Minimize(data.Sweeper, x.Rows, alphas[k], L1Ratio, w, null, cancellationToken);
            w.CopyTo(coefficients.RowSpan(k));
            intercepts[k] = FitIntercept ? data.Intercept(w) : 0.0;
            gaps[k] = result.DualGap;
            iterations[k] = result.Iterations;
        }
        return new RegularizationPathResult(alphas, coefficients, intercepts, gaps, iterations);
    }

    /// <summary>AlphaCount values from α_max = max|Xcⱼᵀyc|/(n·L1Ratio) down to Epsilon·α_max, evenly spaced in log scale.</summary>
    private double[] DefaultGrid(double maxCorrelation, int n)
    {
        double alphaMax = maxCorrelation / (n * L1Ratio);
        var alphas = new double[AlphaCount];
        if (alphaMax <= 1e-15)
        {
            Array.Fill(alphas, 1e-15);
            return alphas;
        }
        double top = Math.Log10(alphaMax), bottom = Math.Log10(alphaMax * Epsilon);
        for (int k = 1; k < AlphaCount; k++)
            alphas[k] = Math.Pow(10, top - (top - bottom) * k / (AlphaCount - 1));
        // w = 0 exactly at the first α: α_max itself, rounded up where need be so that the descent's threshold α·ρ·n
        // is not below max|Xcⱼᵀyc|.
        alphas[0] = alphaMax;
        while (alphas[0] * L1Ratio * (double)n < maxCorrelation)
            alphas[0] = Math.BitIncrement(alphas[0]);
        return alphas;
    }
}

/// <summary>A regularization path: one row of coefficients per α, α from largest to smallest as given.</summary>
public sealed class RegularizationPathResult
{
    internal RegularizationPathResult(double[] alphas, Matrix<double> coefficients, double[] intercepts, double[] dualGaps,
        int[] iterations)
    {
        Alphas = alphas;
        Coefficients = coefficients;
        Intercepts = intercepts;
        DualGaps = dualGaps;
        Iterations = iterations;
    }

    /// <summary>The penalties, in the order fitted.</summary>
    public IReadOnlyList<double> Alphas { get; }

    /// <summary>Alphas.Count × p: row k holds w at Alphas[k] (the transpose of scikit-learn's <c>coefs</c>).</summary>
    public Matrix<double> Coefficients { get; }

    /// <summary>The intercept at each α (0 without FitIntercept).</summary>
    public IReadOnlyList<double> Intercepts { get; }

    /// <summary>The duality gap at each α.</summary>
    public IReadOnlyList<double> DualGaps { get; }

    /// <summary>Sweeps used at each α.</summary>
    public IReadOnlyList<int> Iterations { get; }
}
