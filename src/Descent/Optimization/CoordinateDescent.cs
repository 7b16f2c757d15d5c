using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Gemm;

namespace Descent.Optimization;

/// <summary>
/// Cyclic coordinate descent for the elastic net, scikit-learn's objective and stopping rule:
///   minimise (1/(2n))·‖y − Xw‖² + α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖²     (ρ = l1 ratio; no intercept: centre X and y first).
/// Each sweep sets every wⱼ to its exact minimiser with the others fixed (a soft threshold). After a sweep whose largest
/// change is below <see cref="Tolerance"/>·max|w| (or the last one), the duality gap is computed and the descent stops
/// when gap &lt; Tolerance·‖y‖² (gap and ‖y‖² on the n-times-scaled objective, i.e. tolerance ‖y‖²/n on this one).
/// </summary>
public sealed record CoordinateDescent
{
    /// <summary>Most sweeps over the coordinates (scikit-learn's <c>max_iter</c>, 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>scikit-learn's <c>tol</c> (1e-4): relative change that triggers a gap check, and gap tolerance over ‖y‖².</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Work on XᵀX (O(p) per coordinate, one symmetric rank-k update up front) instead of the residual (O(n)
    /// per coordinate). False (default): the residual (scikit-learn's ElasticNet default, best when a fit takes few
    /// sweeps); true pays the n·p²/2 multiply-adds of XᵀX once, which wins when n ≫ p and many sweeps or many α (a path)
    /// follow.</summary>
    public bool PrecomputeGram { get; init; }

    /// <summary>Minimises the elastic-net objective over w for the given (already centred, if wanted) X and y.</summary>
    /// <param name="x">n × p features.</param>
    /// <param name="y">n targets.</param>
    /// <param name="alpha">α ≥ 0, the penalty strength.</param>
    /// <param name="l1Ratio">ρ in [0, 1]: 1 is the lasso, 0 ridge.</param>
    /// <param name="start">Warm start w (p values), or empty for zeros.</param>
    /// <param name="progress">Receives the objective after each sweep.</param>
    /// <param name="cancellationToken">Checked after each sweep.</param>
    /// <exception cref="ArgumentException">Shapes do not agree.</exception>
    public CoordinateDescentResult Minimize(Matrix<double> x, ReadOnlySpan<double> y, double alpha, double l1Ratio,
        ReadOnlySpan<double> start = default, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows != y.Length)
            throw new ArgumentException($"CoordinateDescent.Minimize: X has {x.Rows} rows but y has {y.Length} values.", nameof(y));
        if (!start.IsEmpty && start.Length != x.Columns)
            throw new ArgumentException(
                $"CoordinateDescent.Minimize: the start has {start.Length} values but X has {x.Columns} columns.", nameof(start));
        IElasticNetSweeper sweeper = PrecomputeGram && x.Rows > 0
            ? new GramSweeper(CenteredGram.Compute(x, y, center: false))
            : ColumnMajorResidualSweeper(x, y);
        var w = start.IsEmpty ? new double[x.Columns] : start.ToArray();
        return Minimize(sweeper, y.Length, alpha, l1Ratio, w, progress, cancellationToken);
    }

    /// <summary>The residual sweeper on a column-major copy of X (each coordinate reads one contiguous column).</summary>
    private static ResidualSweeper ColumnMajorResidualSweeper(Matrix<double> x, ReadOnlySpan<double> y)
    {
        var columns = new double[x.Length];
        x.Transpose().CopyTo(Matrix.Wrap(columns, x.Columns, x.Rows));
        return new ResidualSweeper(columns, y.ToArray(), null);
    }

    /// <summary>Runs the descent from <paramref name="w"/> (updated in place) on a prepared sweeper.</summary>
    internal CoordinateDescentResult Minimize(IElasticNetSweeper sweeper, int rows, double alpha, double l1Ratio,
        double[] w, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        Check.Parameter(MaxIterations >= 1, nameof(CoordinateDescent), nameof(MaxIterations), ">= 1", MaxIterations);
        Check.Parameter(Tolerance >= 0, nameof(CoordinateDescent), nameof(Tolerance), ">= 0", Tolerance);
        Check.Parameter(alpha >= 0 && double.IsFinite(alpha), nameof(CoordinateDescent), "alpha", "a finite number >= 0", alpha);
        Check.Parameter(l1Ratio is >= 0 and <= 1, nameof(CoordinateDescent), "l1Ratio", "in [0, 1]", l1Ratio);
        double n = Math.Max(rows, 1);
        double l1 = alpha * l1Ratio * n, l2 = alpha * (1 - l1Ratio) * n;
        double gapTolerance = Tolerance * sweeper.TargetSquaredNorm;
        var recorder = new IterationRecorder(w.Length, MaxIterations, progress, cancellationToken);
        sweeper.Reset(w);
        double objective = Objective(sweeper, w, l1, l2, n);
        recorder.Start(objective, w);
        double gap = double.PositiveInfinity;
        int iteration = 0;
        bool converged = false;
        while (iteration < MaxIterations)
        {
            double maxChange = sweeper.Sweep(w, l1, l2, out double maxAbsW);
            iteration++;
            if (maxAbsW == 0 || maxChange / maxAbsW < Tolerance || iteration == MaxIterations)
            {
                gap = sweeper.DualGap(w, l1, l2);
                converged = gap < gapTolerance;
            }
            objective = Objective(sweeper, w, l1, l2, n);
            recorder.Iteration(iteration, objective, w);
            if (converged)
                break;
        }
        return new CoordinateDescentResult(w, objective, gap / n, gapTolerance / n, iteration,
            converged, recorder.ToHistory());
    }

    private static double Objective(IElasticNetSweeper sweeper, ReadOnlySpan<double> w, double l1, double l2, double n) =>
        (0.5 * sweeper.ResidualSquaredNorm(w) + l1 * TensorPrimitives.SumOfMagnitudes(w)
         + 0.5 * l2 * TensorPrimitives.Dot(w, w)) / n;
}

/// <summary>What coordinate descent found.</summary>
public sealed class CoordinateDescentResult
{
    internal CoordinateDescentResult(double[] coefficients, double objective, double dualGap, double gapTolerance,
        int iterations, bool converged, FitHistory history)
    {
        Coefficients = coefficients;
        Objective = objective;
        DualGap = dualGap;
        GapTolerance = gapTolerance;
        Iterations = iterations;
        Converged = converged;
        History = history;
    }

    /// <summary>The coefficients w.</summary>
    public double[] Coefficients { get; }

    /// <summary>(1/(2n))‖y − Xw‖² + α·ρ·‖w‖₁ + α(1 − ρ)/2·‖w‖² at w.</summary>
    public double Objective { get; }

    /// <summary>The last duality gap computed, on the objective above (scikit-learn's <c>dual_gap_</c>); an upper bound on
    /// how far <see cref="Objective"/> is above the minimum. Infinity when no gap was computed.</summary>
    public double DualGap { get; }

    /// <summary>The gap the descent had to reach: Tolerance·‖y‖²/n.</summary>
    public double GapTolerance { get; }

    /// <summary>Sweeps performed (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>True when the gap fell below <see cref="GapTolerance"/>.</summary>
    public bool Converged { get; }

    /// <summary>The objective at the start and after each sweep.</summary>
    public FitHistory History { get; }
}
