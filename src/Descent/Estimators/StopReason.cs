namespace Descent;

/// <summary>Why an iterative fit stopped.</summary>
public enum StopReason
{
    /// <summary>The gradient's largest absolute component fell to the gradient tolerance.</summary>
    GradientTolerance,

    /// <summary>The relative decrease of f in one iteration fell to the function tolerance (scipy's <c>factr·eps</c>).</summary>
    FunctionTolerance,

    /// <summary>A solver-specific convergence test passed (coordinate descent: the duality gap; gradient descent on
    /// all rows: a training loss of exactly 0).</summary>
    Converged,

    /// <summary>The loss (or the validation score) stopped improving by the tolerance for the set number of epochs in a
    /// row (scikit-learn's <c>tol</c> with <c>n_iter_no_change</c>).</summary>
    NoImprovement,

    /// <summary>The iteration (or epoch) limit was reached first.</summary>
    MaxIterations,

    /// <summary>The line search found no acceptable step; the last point is still the best found (as scipy's
    /// ABNORMAL_TERMINATION_IN_LNSRCH, usually at the limit of floating-point precision).</summary>
    LineSearchFailed,

    /// <summary>f became NaN or infinite, or kept growing (gradient descent with too large a learning rate).</summary>
    Diverged,
}

/// <summary>What every <see cref="StopReason"/> means for convergence.</summary>
public static class StopReasons
{
    /// <summary>True when a tolerance was met: not the iteration limit, a failed line search or divergence.</summary>
    public static bool IsConverged(this StopReason reason) =>
        reason is StopReason.GradientTolerance or StopReason.FunctionTolerance or StopReason.Converged or StopReason.NoImprovement;
}
