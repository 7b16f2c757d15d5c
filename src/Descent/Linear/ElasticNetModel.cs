namespace Descent.Linear;

/// <summary>
/// A linear model h(x) = w·x + b fitted by coordinate descent (<see cref="ElasticNet"/>, <see cref="Lasso"/>), with how
/// the descent ended. <c>History.Costs</c> holds the objective after each sweep.
/// </summary>
public sealed class ElasticNetModel : LinearModel, IIterativeModel
{
    internal ElasticNetModel(double[] coefficients, double intercept, FitHistory history, int iterations, double dualGap,
        bool converged)
        : base(coefficients, intercept, history)
    {
        Iterations = iterations;
        DualGap = dualGap;
        StopReason = converged ? StopReason.Converged : StopReason.MaxIterations;
    }

    /// <summary>Sweeps over the coordinates (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>The final duality gap on the (1/(2n)-scaled) objective (scikit-learn's <c>dual_gap_</c>).</summary>
    public double DualGap { get; }

    /// <summary>Converged when the duality gap reached its tolerance, MaxIterations when the sweeps ran out first.</summary>
    public StopReason StopReason { get; }

    /// <summary>False when MaxIterations ran out before the gap reached its tolerance (scikit-learn's ConvergenceWarning):
    /// raise MaxIterations, or standardize the features.</summary>
    public bool Converged => StopReason.IsConverged();
}
