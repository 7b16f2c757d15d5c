namespace Descent;

/// <summary>
/// A model fitted by an iterative solver (gradient descent, L-BFGS, Newton-CG, coordinate descent, the perceptron's
/// epochs, a network's mini-batches), saying how the training went: the cost it recorded, how many iterations or
/// epochs it ran, whether it met its tolerance, and why it stopped.
/// </summary>
public interface IIterativeModel
{
    /// <summary>The cost at each recorded iteration or epoch (and the parameter path of small models).</summary>
    FitHistory History { get; }

    /// <summary>Iterations or epochs run (scikit-learn's <c>n_iter_</c>).</summary>
    int Iterations { get; }

    /// <summary>Why the solver stopped.</summary>
    StopReason StopReason { get; }

    /// <summary>True when the solver met its tolerance (<see cref="StopReasons.IsConverged"/>); false when it ran out of
    /// iterations or its line search failed first (scikit-learn's ConvergenceWarning).</summary>
    bool Converged => StopReason.IsConverged();
}
