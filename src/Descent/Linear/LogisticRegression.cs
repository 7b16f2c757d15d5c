using Descent.Numerics;

namespace Descent.Linear;

/// <summary>
/// Logistic regression: P(y = k | x) = σ(w·x + b) for two classes (σ the sigmoid), softmax(Wx + b)ₖ for more
/// (multinomial, as scikit-learn 1.2's default lbfgs solver does). Minimises scikit-learn's objective
///   C·Σᵢ log-loss(yᵢ, xᵢ) + ½‖w‖²     (intercept not penalised; Penalty = None drops the ½‖w‖² term),
/// with scikit-learn's defaults (C = 1, lbfgs, MaxIterations 100, Tolerance 1e-4), so coefficients agree with
/// <c>LogisticRegression().fit(X, y)</c> to the solver's tolerance. Solver = GradientDescent minimises the teaching
/// material's mean cross-entropy (1/n)Σ log-loss + (1/(2Cn))‖w‖² — the same objective divided by C·n, so the same
/// minimiser — with a fixed LearningRate, stopping when max|∇| ≤ Tolerance on that scale; Sgd, Momentum and Adam
/// minimise it on mini-batches through the training engine (<see cref="Optimization.MiniBatchTraining"/>).
/// </summary>
public sealed record LogisticRegression : IClassifier<LogisticRegressionModel>
{
    /// <summary>scikit-learn's <c>tol</c>, 1e-4: the tolerance when <see cref="Tolerance"/> is null.</summary>
    public const double DefaultTolerance = 1e-4;

    /// <summary>The penalty on w (scikit-learn's <c>penalty</c>, L2).</summary>
    public LogisticPenalty Penalty { get; init; } = LogisticPenalty.L2;

    /// <summary>Inverse penalty strength C &gt; 0 (scikit-learn's <c>C</c>, 1): smaller C, stronger regularization.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>Learn the bias b (scikit-learn's <c>fit_intercept</c>, true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>The minimiser (scikit-learn's <c>solver</c>, lbfgs).</summary>
    public LogisticSolver Solver { get; init; } = LogisticSolver.Lbfgs;

    /// <summary>Most iterations of the solver (scikit-learn's <c>max_iter</c>, 100; gradient descent usually needs more).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// The stopping tolerance (scikit-learn's <c>tol</c>). Null (the default) stops as scikit-learn 1.2 does with tol =
    /// 1e-4: when the gradient's largest component is at most 1e-4 or, for lbfgs, when scipy's relative-decrease test
    /// passes first. A value is honoured: lbfgs, newton and gd go on until max|∇f| ≤ Tolerance (lbfgs finishing with
    /// Newton steps should its line search fail), or report that they did not converge. The stochastic solvers stop
    /// when the epoch's loss has not improved by Tolerance (1e-4 if null) for 5 epochs in a row.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>Step size η of the gradient-based solvers (GradientDescent, Sgd, Momentum, Adam; ignored by the others), 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Rows per step of the stochastic solvers (Sgd, Momentum, Adam), 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of the row shuffling of the stochastic solvers.</summary>
    public long Seed { get; init; }

    /// <summary>Two classes: predict the second class when its probability exceeds this (0.5, scikit-learn's rule).</summary>
    public double DecisionThreshold { get; init; } = 0.5;

    /// <summary>Fits the model to <paramref name="x"/> (n × p) and the class of each row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DivergenceException">A gradient-based solver diverged (the learning rate is too large).</exception>
    /// <exception cref="DescentDataException">X is empty or non-finite, the lengths differ, or y has only one class.</exception>
    /// <exception cref="InsufficientMemoryException">The rows × classes scores and the solver's coefficient vectors would need more than
    /// <see cref="MemoryBudget"/> (checked before allocating).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public LogisticRegressionModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        LogisticTraining.Fit(nameof(LogisticRegression),
            new(Penalty, C, FitIntercept, Solver, MaxIterations, Tolerance, LearningRate, BatchSize, Seed, DecisionThreshold),
            alwaysMultinomial: false, x, y, progress, cancellationToken);
}
