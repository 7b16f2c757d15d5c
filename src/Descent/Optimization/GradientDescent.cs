using System.Numerics.Tensors;

namespace Descent.Optimization;

/// <summary>
/// Plain (batch) gradient descent with a fixed learning rate η: x ← x − η·∇f(x), the update every introduction to
/// machine learning starts from. Stops when max|∇f| ≤ <see cref="GradientTolerance"/>, after
/// <see cref="MaxIterations"/> updates, or — as <see cref="StopReason.Diverged"/> — when f becomes NaN or infinite,
/// grows for <see cref="DivergencePatience"/> updates in a row, or stays above its starting value that long (with a
/// small enough η, gradient descent on a smooth convex f decreases it at every step; this is η too large for the
/// curvature of f: use a smaller learning rate or standardize the features).
/// </summary>
public sealed record GradientDescent
{
    /// <summary>The step size η.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Most updates.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when max|∇f| falls to this (0 runs all <see cref="MaxIterations"/>).</summary>
    public double GradientTolerance { get; init; } = 1e-6;

    /// <summary>Stop as diverged after this many consecutive increases of f, or updates above the starting f (10).</summary>
    public int DivergencePatience { get; init; } = 10;

    /// <summary>Minimises <paramref name="function"/> from <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="start"/> does not have the function's dimension.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public OptimizationResult Minimize(IDifferentiableFunction function, ReadOnlySpan<double> start,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (start.Length != function.Dimension)
            throw new ArgumentException(
                $"GradientDescent.Minimize: the start point has {start.Length} values but the function has dimension {function.Dimension}.",
                nameof(start));
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate,
                $"GradientDescent: LearningRate must be a finite number > 0, got {LearningRate}.");
        if (MaxIterations < 0 || !(GradientTolerance >= 0) || DivergencePatience < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations),
                "GradientDescent: MaxIterations and GradientTolerance must be >= 0 and DivergencePatience >= 1.");
        var x = start.ToArray();
        var g = new double[x.Length];
        var recorder = new IterationRecorder(x.Length, MaxIterations, progress, cancellationToken);
        double f = function.ValueAndGradient(x, g);
        recorder.Start(f, x);
        int iteration = 0, increases = 0, aboveStart = 0;
        double startValue = f;
        StopReason reason = StopReason.MaxIterations;
        while (true)
        {
            if (!double.IsFinite(f) || !IsFinite(g) || increases >= DivergencePatience || aboveStart >= DivergencePatience)
            {
                reason = StopReason.Diverged;
                break;
            }
            if (Lbfgs.MaxAbs(g) <= GradientTolerance)
            {
                reason = StopReason.GradientTolerance;
                break;
            }
            if (iteration >= MaxIterations)
                break;
            TensorPrimitives.MultiplyAdd(g, -LearningRate, x, x);
            double previous = f;
            f = function.ValueAndGradient(x, g);
            increases = f > previous ? increases + 1 : 0;
            aboveStart = f > startValue ? aboveStart + 1 : 0;
            iteration++;
            recorder.Iteration(iteration, f, x);
        }
        return new OptimizationResult(x, f, g, iteration, iteration + 1, reason, recorder.ToHistory());
    }

    private static bool IsFinite(ReadOnlySpan<double> values) => double.IsFinite(TensorPrimitives.Sum(values));
}
