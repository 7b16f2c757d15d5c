using Descent.Numerics;

namespace Descent.Linear;

/// <summary>
/// Softmax (multinomial logistic) regression for K ≥ 2 classes: P(y = k | x) = exp(zₖ) / Σⱼ exp(zⱼ), z = Wx + b, with
/// one weight row per class, computed with a stable log-sum-exp. Minimises
///   C·Σᵢ [log Σₖ e^{zᵢₖ} − zᵢ,yᵢ] + ½‖W‖²_F     (intercepts not penalised),
/// scikit-learn's <c>LogisticRegression(multi_class="multinomial")</c> objective with its defaults; unlike
/// <see cref="LogisticRegression"/> it stays multinomial for two classes (two weight rows, not one).
/// Solver = GradientDescent uses the mean cross-entropy (the objective divided by C·n) with a fixed LearningRate.
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

    /// <summary>Stop when the gradient's largest component is at most this (1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Step size η of Solver = GradientDescent (0.1).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Fits the model to <paramref name="x"/> (n × p) and the class of each row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range, or gradient descent diverged.</exception>
    /// <exception cref="DescentDataException">X is empty or non-finite, the lengths differ, or y has only one class.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public LogisticRegressionModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        LogisticTraining.Fit(nameof(SoftmaxRegression),
            new(Penalty, C, FitIntercept, Solver, MaxIterations, Tolerance, LearningRate, 0.5),
            alwaysMultinomial: true, x, y, progress, cancellationToken);
}
