namespace Descent.Linear;

/// <summary>
/// A linear model h(x) = w·x + b trained by gradient descent (<see cref="LinearRegression"/>'s batch, stochastic and
/// mini-batch solvers), with how the training went: <c>History.Costs</c> holds the course's cost J before the first
/// epoch and after each one (and the path of (b, w) when there are at most two parameters).
/// </summary>
public sealed class IterativeLinearModel : LinearModel, IIterativeModel
{
    internal IterativeLinearModel(IReadOnlyList<double> coefficients, double intercept, FitHistory history, int iterations,
        StopReason stopReason)
        : base(coefficients, intercept, history)
    {
        Iterations = iterations;
        StopReason = stopReason;
    }

    /// <summary>Epochs run.</summary>
    public int Iterations { get; }

    /// <summary>Why training stopped: the cost stopped improving (NoImprovement), reached 0 (Converged), or the epochs
    /// ran out (MaxIterations).</summary>
    public StopReason StopReason { get; }

    /// <summary>False when the epochs ran out before the cost stopped improving.</summary>
    public bool Converged => StopReason.IsConverged();
}
