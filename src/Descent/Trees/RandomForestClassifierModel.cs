using Descent.Numerics;

namespace Descent.Trees;

/// <summary>
/// A fitted random-forest classifier: P(class k | x) is the mean over the trees of the class-k frequency in the
/// leaf x falls into, and the prediction is the most probable class. Immutable and thread-safe.
/// </summary>
public sealed class RandomForestClassifierModel : IClassificationModel
{
    private readonly Tree[] _trees;
    private double[]? _importances;
    private readonly Label[] _classes;

    internal RandomForestClassifierModel(Tree[] trees, Label[] classes, string criterion, double? oobScore)
    {
        _trees = trees;
        _classes = classes;
        Criterion = criterion;
        OobScore = oobScore;
    }

    /// <summary>The trees, in the order they were seeded.</summary>
    public IReadOnlyList<Tree> Trees => _trees;

    /// <summary>The criterion the trees were grown with.</summary>
    public string Criterion { get; }

    /// <inheritdoc />
    public IReadOnlyList<Label> Classes => _classes;

    /// <inheritdoc />
    public int FeatureCount => _trees[0].FeatureCount;

    /// <summary>
    /// Accuracy of the out-of-bag predictions (each training row predicted only by the trees that did not see it;
    /// rows every tree saw are left out), or null when not requested (scikit-learn's <c>oob_score_</c>).
    /// </summary>
    public double? OobScore { get; }

    /// <summary>
    /// The mean of the trees' normalised impurity-decrease importances, normalised to sum to 1 (worked out on first
    /// use from the trees' packed statistics, so a forest loaded only to predict never unpacks them).
    /// </summary>
    public IReadOnlyList<double> FeatureImportances => _importances ??= ForestTrainer.FeatureImportances(_trees, FeatureCount);

    /// <summary>The predicted class of each row, as written in the training labels.</summary>
    public Label[] Predict(Matrix<double> x)
    {
        int[] indices = PredictClassIndices(x);
        var labels = new Label[indices.Length];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = _classes[indices[i]];
        return labels;
    }

    /// <summary>For each row, the index of the class with the largest mean probability (the first on a tie).</summary>
    public int[] PredictClassIndices(Matrix<double> x) => PredictProbabilities(x).ArgMax(axis: 1);

    /// <summary>n × K matrix: the mean over the trees of each leaf's class frequencies.</summary>
    public Matrix<double> PredictProbabilities(Matrix<double> x)
    {
        FeatureRows.Check(x, FeatureCount, nameof(RandomForestClassifierModel) + ".PredictProbabilities");
        return Probabilities(x, null);
    }

    /// <summary>
    /// Summed (when <paramref name="include"/> is given: only over trees whose mask holds the row) then averaged
    /// probabilities. Each chunk of rows goes down one tree after another; every row still adds the trees in order.
    /// </summary>
    internal Matrix<double> Probabilities(Matrix<double> x, bool[][]? include)
    {
        var result = new Matrix<double>(x.Rows, _classes.Length);
        ForestTrainer.ForRowChunks(x, _trees.Length, (rows, start) =>
        {
            Span<int> used = stackalloc int[ForestTrainer.RowChunk];
            Span<int> leaves = stackalloc int[ForestTrainer.RowChunk];
            leaves = leaves[..rows.Count];
            int end = start + rows.Count;
            for (int t = 0; t < _trees.Length; t++)
            {
                Tree tree = _trees[t];
                bool[]? mask = include?[t];
                tree.Leaves(rows, 0, leaves);
                for (int i = 0; i < leaves.Length; i++)
                {
                    if (mask is not null && !mask[start + i])
                        continue;
                    TreePredictions.AddProbabilities(tree.Values.Slice(leaves[i] * tree.ValueLength, tree.ValueLength), result.RowSpan(start + i));
                    used[i]++;
                }
            }
            for (int i = start; i < end; i++)
            {
                if (used[i - start] == 0)
                    continue;
                Span<double> target = result.RowSpan(i);
                for (int k = 0; k < target.Length; k++)
                    target[k] /= used[i - start];
            }
        });
        return result;
    }
}
