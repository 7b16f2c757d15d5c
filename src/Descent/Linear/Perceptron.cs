using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Linear;

/// <summary>
/// Rosenblatt's perceptron: for each example (in a shuffled order each epoch) with t = ±1 and score z = w·x + b,
/// if t·z ≤ 0 then w ← w + η·t·x and b ← b + η·t. Same rule and defaults as scikit-learn's Perceptron (η = 1, at most
/// 1000 epochs, stop when the epoch's mean loss max(0, −t·z) has not improved on the best by Tolerance for
/// IterationsWithoutChange epochs in a row). More than two classes: one perceptron per class against the rest, predict
/// the class with the largest score. The shuffle uses Descent's generator, so epochs differ from scikit-learn's in
/// order (not in rule); on separable data both end with every training example on the right side.
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
        var losses = new List<double>[problems];
        int epochs = 0, reported = 0;
        bool converged = true;
        for (int k = 0; k < problems; k++)
        {
            var targets = new double[x.Rows];
            int positive = classes == 2 ? 1 : k;
            for (int i = 0; i < targets.Length; i++)
                targets[i] = y.Indices[i] == positive ? 1.0 : -1.0;
            var rng = new Rng(Rng.Derive(seed, (ulong)k));
            losses[k] = Train(data, targets, weights.RowSpan(k), ref intercepts[k], rng, progress, problems, ref reported,
                cancellationToken, out bool stopped);
            epochs = Math.Max(epochs, losses[k].Count);
            converged &= stopped;
        }
        return new PerceptronModel(y.Classes.ToArray(), weights, intercepts, MeanHistory(losses, epochs), epochs, converged);
    }

    /// <summary>Runs the epochs of one ±1 problem; returns the mean loss of each epoch. Progress counts epochs over all
    /// the one-vs-rest problems (<paramref name="reported"/> so far, at most MaxIterations per problem).</summary>
    private List<double> Train(Matrix<double> x, double[] targets, Span<double> w, ref double b, Rng rng,
        IProgress<FitProgress>? progress, int problems, ref int reported, CancellationToken cancellationToken, out bool stopped)
    {
        int n = x.Rows;
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        var losses = new List<double>();
        double best = double.PositiveInfinity;
        int withoutImprovement = 0;
        stopped = false;
        for (int epoch = 1; epoch <= MaxIterations && !stopped; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Shuffle)
                rng.Shuffle(order.AsSpan());
            double sum = 0;
            foreach (int i in order)
            {
                var row = x.RowSpan(i);
                double t = targets[i], z = TensorPrimitives.Dot(row, w) + b;
                if (t * z > 0)
                    continue;
                sum -= t * z;
                TensorPrimitives.MultiplyAdd(row, LearningRate * t, w, w);
                if (FitIntercept)
                    b += LearningRate * t;
            }
            double mean = sum / n;
            losses.Add(mean);
            progress?.Report(new FitProgress(++reported, MaxIterations * problems, mean));
            if (Tolerance is double tol)
            {
                withoutImprovement = mean > best - tol ? withoutImprovement + 1 : 0;
                best = Math.Min(best, mean);
                stopped = withoutImprovement >= IterationsWithoutChange;
            }
        }
        return losses;
    }

    /// <summary>The mean loss per epoch, averaged over the one-vs-rest problems (a stopped problem keeps its last value).</summary>
    private static FitHistory MeanHistory(List<double>[] losses, int epochs)
    {
        var mean = new double[epochs];
        foreach (var problem in losses)
            for (int e = 0; e < epochs; e++)
                mean[e] += problem[Math.Min(e, problem.Count - 1)] / losses.Length;
        return new FitHistory(mean);
    }
}
