using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// Truncated Newton (Newton-CG): at each iterate solve ∇²f(x)·p = −∇f(x) approximately by conjugate gradients,
/// stopped when Σ|residual| ≤ min(0.5, √Σ|∇f|)·Σ|∇f| or at negative curvature, then step x ← x + α·p with α from a
/// strong-Wolfe line search started at 1. The Hessian is used only through products H·v, so it is never formed.
/// Stops when max|∇f| ≤ <see cref="GradientTolerance"/> or after <see cref="MaxIterations"/> Newton steps.
/// This is scikit-learn's <c>_newton_cg</c> (solver "newton-cg" of LogisticRegression).
/// </summary>
public sealed record NewtonCg
{
    /// <summary>Most Newton steps (scikit-learn's <c>max_iter</c>, 100).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when max|∇f| falls to this (scikit-learn's <c>tol</c>, 1e-4).</summary>
    public double GradientTolerance { get; init; } = 1e-4;

    /// <summary>Most conjugate-gradient steps per Newton step (scikit-learn's <c>maxinner</c>, 200).</summary>
    public int MaxInnerIterations { get; init; } = 200;

    /// <summary>Minimises <paramref name="function"/> from <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="start"/> does not have the function's dimension.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public OptimizationResult Minimize(ITwiceDifferentiableFunction function, ReadOnlySpan<double> start,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (start.Length != function.Dimension)
            throw new ArgumentException(
                $"NewtonCg.Minimize: the start point has {start.Length} values but the function has dimension {function.Dimension}.",
                nameof(start));
        if (MaxIterations < 0 || MaxInnerIterations < 1 || !(GradientTolerance >= 0))
            throw new ArgumentOutOfRangeException(nameof(MaxIterations),
                "NewtonCg: MaxIterations must be >= 0, MaxInnerIterations >= 1 and GradientTolerance >= 0.");
        int d = function.Dimension;
        var x = start.ToArray();
        var g = new double[d];
        var xNew = new double[d];
        var gNew = new double[d];
        var step = new double[d];
        var cg = new ConjugateGradientBuffers(d);
        var lineSearch = new WolfeLineSearch(function, c1: 1e-4, c2: 0.9, maxEvaluations: 20);
        var recorder = new IterationRecorder(d, MaxIterations, progress, cancellationToken);

        double f = function.ValueAndGradient(x, g);
        recorder.Start(f, x);
        int iteration = 0;
        StopReason reason = double.IsFinite(f) ? StopReason.MaxIterations : StopReason.Diverged;
        while (reason == StopReason.MaxIterations)
        {
            if (Lbfgs.MaxAbs(g) <= GradientTolerance)
            {
                reason = StopReason.GradientTolerance;
                break;
            }
            if (iteration >= MaxIterations)
                break;
            double gradientL1 = TensorPrimitives.SumOfMagnitudes(g);
            double termination = Math.Min(0.5, Math.Sqrt(gradientL1)) * gradientL1;
            SolveNewtonSystem(function.HessianAt(x), g, termination, step, cg);
            double slope = TensorPrimitives.Dot(g, step);
            if (!(slope < 0) || !lineSearch.Search(x, f, slope, step, 1.0, xNew, gNew, out _, out double fNew))
            {
                reason = StopReason.LineSearchFailed;
                break;
            }
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            f = fNew;
            iteration++;
            recorder.Iteration(iteration, f, x);
        }
        return new OptimizationResult(x, f, g, iteration, lineSearch.Evaluations + 1, reason, recorder.ToHistory());
    }

    /// <summary>Conjugate gradients on H·p = −g from p = 0, stopped at Σ|r| ≤ <paramref name="termination"/>, at
    /// non-positive curvature (dᵀHd ≤ 3·eps·dᵀd: relative, unlike scikit-learn's absolute 3·eps, which stalls once ∇f is tiny) (taking one steepest-descent step if that happens first) or after MaxInnerIterations.</summary>
    private void SolveNewtonSystem(IHessianOperator hessian, ReadOnlySpan<double> g, double termination, Span<double> p,
        ConjugateGradientBuffers buffers)
    {
        var residual = buffers.Residual;
        var search = buffers.Search;
        var hessianSearch = buffers.HessianTimesSearch;
        p.Clear();
        g.CopyTo(residual);
        TensorPrimitives.Negate(g, search);
        double rr = TensorPrimitives.Dot(residual, residual);
        for (int i = 0; i <= MaxInnerIterations; i++)
        {
            if (TensorPrimitives.SumOfMagnitudes(residual) <= termination)
                break;
            hessian.Multiply(search, hessianSearch);
            double curvature = TensorPrimitives.Dot(search, hessianSearch);
            if (curvature >= 0 && curvature <= 3 * MachineEpsilon.Double * TensorPrimitives.Dot(search, search))
                break;
            if (curvature < 0)
            {
                if (i == 0)
                    TensorPrimitives.MultiplyAdd(search, rr / curvature, p, p);
                break;
            }
            double alpha = rr / curvature;
            TensorPrimitives.MultiplyAdd(search, alpha, p, p);
            TensorPrimitives.MultiplyAdd(hessianSearch, alpha, residual, residual);
            double rrNew = TensorPrimitives.Dot(residual, residual);
            TensorPrimitives.Multiply(search, rrNew / rr, search);
            TensorPrimitives.Subtract(search, residual, search);
            rr = rrNew;
        }
    }

    private sealed class ConjugateGradientBuffers(int dimension)
    {
        public double[] Residual { get; } = new double[dimension];
        public double[] Search { get; } = new double[dimension];
        public double[] HessianTimesSearch { get; } = new double[dimension];
    }
}
