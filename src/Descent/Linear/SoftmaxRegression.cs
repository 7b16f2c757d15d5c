using Descent.Numerics;

namespace Descent.Linear;

/// <summary>
/// Softmax (multinomial logistic) regression for K ≥ 2 classes: P(y = k | x) = exp(zₖ) / Σⱼ exp(zⱼ), z = Wx + b, with
/// one weight row per class, computed with a stable log-sum-exp. Minimises
///   C·Σᵢ [log Σₖ e^{zᵢₖ} − zᵢ,yᵢ] + ½‖W‖²_F     (intercepts not penalised),
/// scikit-learn's <c>LogisticRegression(multi_class="multinomial")</c> objective with its defaults; unlike
/// <see cref="LogisticRegression"/> it stays multinomial for two classes (two weight rows, not one).
/// Solver = GradientDescent uses the mean cross-entropy (the objective divided by C·n) with a fixed LearningRate; Sgd,
/// Momentum and Adam minimise it on mini-batches through the training engine.
/// </summary>
public sealed record SoftmaxRegression : IClassifier<LogisticRegressionModel>
{
    /// <summary>The penalty on W (L2).</summary>
    public LogisticPenalty Penalty { get; init; } = LogisticPenalty.L2;

    /// <summary>Inverse penalty strength C &gt; 0 (1).</summary>
    public double C { get; init; } = 1.0;

    /// <summary>Learn the biases b (true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>The minimiser (lbfgs).</summary>
    public LogisticSolver Solver { get; init; } = LogisticSolver.Lbfgs;

    /// <summary>Most iterations (100).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>The stopping tolerance: null stops as scikit-learn does (1e-4); a value is honoured (see
    /// <see cref="LogisticRegression.Tolerance"/>).</summary>
    public double? Tolerance { get; init; }

    /// <summary>Step size η of the gradient-based solvers (GradientDescent, Sgd, Momentum, Adam), 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Rows per step of the stochastic solvers (Sgd, Momentum, Adam), 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of the row shuffling of the stochastic solvers.</summary>
    public long Seed { get; init; }

    /// <summary>Fits the model to <paramref name="x"/> (n × p) and the class of each row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DivergenceException">A gradient-based solver diverged (the learning rate is too large).</exception>
    /// <exception cref="DescentDataException">X is empty or non-finite, the lengths differ, or y has only one class.</exception>
    /// <exception cref="InsufficientMemoryException">The rows × classes scores and the solver's coefficient vectors would need more than
    /// <see cref="MemoryBudget"/> (checked before allocating).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public LogisticRegressionModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        LogisticTraining.Fit(nameof(SoftmaxRegression),
            new(Penalty, C, FitIntercept, Solver, MaxIterations, Tolerance, LearningRate, BatchSize, Seed, 0.5),
            alwaysMultinomial: true, x, y, progress, cancellationToken);
}
