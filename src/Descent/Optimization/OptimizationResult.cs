namespace Descent.Optimization;

/// <summary>Why a minimiser stopped.</summary>
public enum StopReason
{
    /// <summary>The gradient's largest absolute component fell to the gradient tolerance.</summary>
    GradientTolerance,

    /// <summary>The relative decrease of f in one iteration fell to the function tolerance (scipy's <c>factr·eps</c>).</summary>
    FunctionTolerance,

    /// <summary>A solver-specific convergence test passed (for coordinate descent: the duality gap).</summary>
    Converged,

    /// <summary>The iteration limit was reached first.</summary>
    MaxIterations,

    /// <summary>The line search found no acceptable step; the last point is still the best found (as scipy's
    /// ABNORMAL_TERMINATION_IN_LNSRCH, usually at the limit of floating-point precision).</summary>
    LineSearchFailed,

    /// <summary>f became NaN or infinite (gradient descent with too large a learning rate).</summary>
    Diverged,
}

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
    public bool Converged => StopReason is StopReason.GradientTolerance or StopReason.FunctionTolerance or StopReason.Converged;

    /// <summary>f at the start (index 0) and after every iteration.</summary>
    public FitHistory History { get; }
}
