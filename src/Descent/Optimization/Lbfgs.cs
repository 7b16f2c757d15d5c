using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// Limited-memory BFGS: x ← x + α·d with d = −H·∇f(x), where H approximates the inverse Hessian from the last
/// <see cref="Memory"/> steps s = Δx and gradient changes y = Δ∇f (two-loop recursion, initial scaling sᵀy/yᵀy), and α
/// satisfies the strong Wolfe conditions. The first step is 1/‖∇f‖, later ones start at 1.
/// Stops as scipy's L-BFGS-B (which scikit-learn's LogisticRegression uses) does for an unbounded problem: when
/// max|∇f| ≤ <see cref="GradientTolerance"/> (pgtol), when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤
/// <see cref="FunctionTolerance"/> (factr·eps), or after <see cref="MaxIterations"/> iterations. Without bounds
/// L-BFGS-B's search direction is this one, so both follow the same path up to the line search's trial steps.
/// </summary>
public sealed record Lbfgs
{
    /// <summary>Number of (s, y) pairs kept (scipy's <c>maxcor</c>, 10).</summary>
    public int Memory { get; init; } = 10;

    /// <summary>Most iterations (scipy's <c>maxiter</c>, 15000).</summary>
    public int MaxIterations { get; init; } = 15000;

    /// <summary>Stop when max|∇f| falls to this (scipy's <c>gtol</c>, 1e-5).</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Stop when the relative decrease of f falls to this (scipy's <c>ftol</c> = factr·eps = 1e7·2.2e-16);
    /// 0 turns the test off, leaving the gradient test alone.</summary>
    public double FunctionTolerance { get; init; } = 1e7 * MachineEpsilon.Double;

    /// <summary>Most evaluations of f per line search (scipy's <c>maxls</c>, 20).</summary>
    public int MaxLineSearchEvaluations { get; init; } = 20;

    /// <summary>Minimises <paramref name="function"/> from <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="start"/> does not have the function's dimension.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public OptimizationResult Minimize(IDifferentiableFunction function, ReadOnlySpan<double> start,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        Validate(function, start);
        int d = function.Dimension;
        var x = start.ToArray();
        var g = new double[d];
        var xNew = new double[d];
        var gNew = new double[d];
        var direction = new double[d];
        var memory = new InverseHessianMemory(Memory, d);
        var lineSearch = new WolfeLineSearch(function, maxEvaluations: MaxLineSearchEvaluations);
        var recorder = new IterationRecorder(d, MaxIterations, progress, cancellationToken);

        double f = function.ValueAndGradient(x, g);
        recorder.Start(f, x);
        int iteration = 0;
        StopReason reason = StopReason.MaxIterations;
        if (!double.IsFinite(f))
            reason = StopReason.Diverged;
        else if (MaxAbs(g) <= GradientTolerance)
            reason = StopReason.GradientTolerance;
        else
        {
            while (iteration < MaxIterations)
            {
                memory.Direction(g, direction);
                double slope = TensorPrimitives.Dot(g, direction);
                if (!(slope < 0))
                {
                    memory.Clear();
                    TensorPrimitives.Negate(g, direction);
                    slope = TensorPrimitives.Dot(g, direction);
                }
                double initialStep = memory.Count == 0 ? 1.0 / TensorPrimitives.Norm(direction) : 1.0;
                if (!lineSearch.Search(x, f, slope, direction, initialStep, xNew, gNew, out _, out double fNew))
                {
                    reason = StopReason.LineSearchFailed;
                    break;
                }
                memory.Push(x, xNew, g, gNew);
                double fOld = f;
                (x, xNew) = (xNew, x);
                (g, gNew) = (gNew, g);
                f = fNew;
                iteration++;
                recorder.Iteration(iteration, f, x);
                if (MaxAbs(g) <= GradientTolerance)
                {
                    reason = StopReason.GradientTolerance;
                    break;
                }
                if (FunctionTolerance > 0 && (fOld - f) / Math.Max(Math.Max(Math.Abs(fOld), Math.Abs(f)), 1.0) <= FunctionTolerance)
                {
                    reason = StopReason.FunctionTolerance;
                    break;
                }
            }
        }
        return new OptimizationResult(x, f, g, iteration, lineSearch.Evaluations + 1, reason, recorder.ToHistory());
    }

    private void Validate(IDifferentiableFunction function, ReadOnlySpan<double> start)
    {
        if (start.Length != function.Dimension)
            throw new ArgumentException(
                $"Lbfgs.Minimize: the start point has {start.Length} values but the function has dimension {function.Dimension}.",
                nameof(start));
        if (Memory < 1)
            throw new ArgumentOutOfRangeException(nameof(Memory), Memory, "Lbfgs: Memory must be >= 1.");
        if (MaxIterations < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "Lbfgs: MaxIterations must be >= 0.");
        if (!(GradientTolerance >= 0) || !(FunctionTolerance >= 0))
            throw new ArgumentOutOfRangeException(nameof(GradientTolerance),
                "Lbfgs: GradientTolerance and FunctionTolerance must be >= 0.");
        if (MaxLineSearchEvaluations < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxLineSearchEvaluations), MaxLineSearchEvaluations,
                "Lbfgs: MaxLineSearchEvaluations must be >= 1.");
    }

    internal static double MaxAbs(ReadOnlySpan<double> values) =>
        values.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(values));
}
