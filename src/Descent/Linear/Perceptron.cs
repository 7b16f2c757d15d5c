using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// Rosenblatt's perceptron: for each example (in a shuffled order each epoch) with t = ±1 and score z = w·x + b,
/// if t·z ≤ 0 then w ← w + η·t·x and b ← b + η·t. Same rule and defaults as scikit-learn's Perceptron (η = 1, at most
/// 1000 epochs, stop when the epoch's mean loss max(0, −t·z) has not improved on the best by Tolerance for
/// IterationsWithoutChange epochs in a row). More than two classes: one perceptron per class against the rest, predict
/// the class with the largest score. The shuffle uses Descent's generator, so epochs differ from scikit-learn's in
/// order (not in rule); on separable data both end with every training example on the right side.
/// Trained by the engine's loop (<see cref="MiniBatchTraining"/>): SGD with batch size 1 on <see cref="PerceptronObjective"/>,
/// whose gradient step is exactly the rule above.
/// </summary>
public sealed record Perceptron : IClassifier<PerceptronModel>
{
    /// <summary>The learning rate η &gt; 0 (scikit-learn's <c>eta0</c>, 1).</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Most epochs (scikit-learn's <c>max_iter</c>, 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Improvement of the mean epoch loss that counts (scikit-learn's <c>tol</c>, 1e-3); null runs all epochs.</summary>
    public double? Tolerance { get; init; } = 1e-3;

    /// <summary>Epochs without improvement before stopping (scikit-learn's <c>n_iter_no_change</c>, 5).</summary>
    public int IterationsWithoutChange { get; init; } = 5;

    /// <summary>Shuffle the examples before each epoch (true).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffle; null draws one (scikit-learn's <c>random_state</c>).</summary>
    public int? Seed { get; init; }

    /// <summary>Learn the bias b (true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Trains on <paramref name="x"/> (n × p) and the class of each row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DescentDataException">X is empty or non-finite, the lengths differ, or y has only one class.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public PerceptronModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(Perceptron);
        Check.Parameter(LearningRate > 0 && double.IsFinite(LearningRate), name, nameof(LearningRate), "a finite number > 0", LearningRate);
        Check.Parameter(MaxIterations >= 1, name, nameof(MaxIterations), ">= 1", MaxIterations);
        Check.Parameter(Tolerance is null || Tolerance >= 0, name, nameof(Tolerance), ">= 0 or null", Tolerance);
        Check.Parameter(IterationsWithoutChange >= 1, name, nameof(IterationsWithoutChange), ">= 1", IterationsWithoutChange);
        DataCheck.Features(x, name + ".Fit");
        DataCheck.Labels(x, y, name + ".Fit");

        var data = x.ToContiguous();
        int classes = y.Classes.Count, problems = classes == 2 ? 1 : classes;
        ulong seed = Seed is int s ? unchecked((ulong)s) : (ulong)System.Random.Shared.NextInt64();
        var weights = new Matrix<double>(problems, x.Columns);
        var intercepts = new double[problems];
        var losses = new IReadOnlyList<double>[problems];
        int epochs = 0, reported = 0;
        var reason = StopReason.NoImprovement;
        for (int k = 0; k < problems; k++)
        {
            var targets = new double[x.Rows];
            int positive = classes == 2 ? 1 : k;
            for (int i = 0; i < targets.Length; i++)
                targets[i] = y.Indices[i] == positive ? 1.0 : -1.0;
            var theta = new double[x.Columns + (FitIntercept ? 1 : 0)];
            var run = Training(Rng.Derive(seed, (ulong)k)).Run<double>(new PerceptronObjective(data, targets, FitIntercept), theta,
                new Sgd { LearningRate = LearningRate }, name + ".Fit", OffsetProgress.After(progress, reported, problems * MaxIterations),
                cancellationToken);
            theta.AsSpan(0, x.Columns).CopyTo(weights.RowSpan(k));
            intercepts[k] = FitIntercept ? theta[x.Columns] : 0.0;
            losses[k] = run.History.Costs;
            epochs = Math.Max(epochs, run.Epochs);
            reported += run.Epochs;
            if (!run.StopReason.IsConverged())
                reason = run.StopReason;
        }
        return new PerceptronModel(y.Classes.ToArray(), weights, intercepts, MeanHistory(losses, epochs), epochs, reason);
    }

    /// <summary>One example per step, reshuffled every epoch (unless Shuffle is off), stopped as Tolerance says.</summary>
    private MiniBatchTraining Training(ulong seed) => new()
    {
        Epochs = MaxIterations,
        BatchSize = 1,
        Shuffle = Shuffle,
        Seed = seed,
        EarlyStopping = Tolerance is double tol ? new EarlyStopping { Tolerance = tol, Patience = IterationsWithoutChange } : null,
    };

    /// <summary>The mean loss per epoch, averaged over the one-vs-rest problems (a stopped problem keeps its last value).</summary>
    private static FitHistory MeanHistory(IReadOnlyList<double>[] losses, int epochs)
    {
        var mean = new double[epochs];
        foreach (var problem in losses)
            for (int e = 0; e < epochs; e++)
                mean[e] += problem[Math.Min(e, problem.Count - 1)] / losses.Length;
        return new FitHistory(mean);
    }
}
