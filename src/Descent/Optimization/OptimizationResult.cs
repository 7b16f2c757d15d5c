namespace Descent.Optimization;

/// <summary>What a minimiser found: the point, its value and gradient, how many iterations it took, and the cost history.</summary>
public sealed class OptimizationResult
{
    internal OptimizationResult(double[] solution, double value, double[] gradient, int iterations, int evaluations,
        StopReason reason, FitHistory history)
    {
        Solution = solution;
        Value = value;
        Gradient = gradient;
        Iterations = iterations;
        FunctionEvaluations = evaluations;
        StopReason = reason;
        History = history;
    }

    /// <summary>The last iterate x.</summary>
    public double[] Solution { get; }

    /// <summary>f(x) at <see cref="Solution"/>.</summary>
    public double Value { get; }

    /// <summary>∇f(x) at <see cref="Solution"/>.</summary>
    public double[] Gradient { get; }

    /// <summary>Iterations performed (scipy's <c>nit</c>).</summary>
    public int Iterations { get; }

    /// <summary>Evaluations of f and ∇f (scipy's <c>nfev</c>).</summary>
    public int FunctionEvaluations { get; }

    /// <summary>Why the minimiser stopped.</summary>
    public StopReason StopReason { get; }

    /// <summary>True when a tolerance was met (not the iteration limit, a failed line search or divergence).</summary>
    public bool Converged => StopReason.IsConverged();

    /// <summary>f at the start (index 0) and after every iteration.</summary>
    public FitHistory History { get; }
}
