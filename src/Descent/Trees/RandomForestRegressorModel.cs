using Descent.Numerics;

namespace Descent.Trees;

/// <summary>A fitted random-forest regressor: predicts the mean of its trees' predictions. Immutable and thread-safe.</summary>
public sealed class RandomForestRegressorModel : IRegressionModel
{
    private readonly Tree[] _trees;
    private double[]? _importances;

    internal RandomForestRegressorModel(Tree[] trees, string criterion, double? oobScore)
    {
        _trees = trees;
        Criterion = criterion;
        OobScore = oobScore;
    }

    /// <summary>The trees, in the order they were seeded.</summary>
    public IReadOnlyList<Tree> Trees => _trees;

    /// <summary>The criterion the trees were grown with.</summary>
    public string Criterion { get; }

    /// <inheritdoc />
    public int FeatureCount => _trees[0].FeatureCount;

    /// <summary>R² of the out-of-bag predictions, or null when not requested (scikit-learn's <c>oob_score_</c>).</summary>
    public double? OobScore { get; }

    /// <summary>
    /// The mean of the trees' normalised impurity-decrease importances, normalised to sum to 1 (worked out on first
    /// use from the trees' packed statistics, so a forest loaded only to predict never unpacks them).
    /// </summary>
    public IReadOnlyList<double> FeatureImportances => _importances ??= ForestTrainer.FeatureImportances(_trees, FeatureCount);

    /// <summary>The mean over the trees of each row's leaf mean.</summary>
    public double[] Predict(Matrix<double> x)
    {
        FeatureRows.Check(x, FeatureCount, nameof(RandomForestRegressorModel) + ".Predict");
        return Predictions(x, null);
    }

    /// <summary>
    /// Mean predictions, over all trees or (with <paramref name="include"/>) only the trees whose mask holds the row.
    /// Each chunk of rows goes down one tree after another, so that a tree's upper levels stay in the cache; every row
    /// still adds the trees in order. (A regression tree's leaf values are indexed by node: <see cref="Tree.LeafValues"/>.)
    /// </summary>
    internal double[] Predictions(Matrix<double> x, bool[][]? include)
    {
        var result = new double[x.Rows];
        ForestTrainer.ForRowChunks(x, _trees.Length, (rows, start) =>
        {
            Span<int> used = stackalloc int[ForestTrainer.RowChunk];
            Span<int> leaves = stackalloc int[ForestTrainer.RowChunk];
            leaves = leaves[..rows.Count];
            Span<double> sum = result.AsSpan(start, rows.Count);
            for (int t = 0; t < _trees.Length; t++)
            {
                Tree tree = _trees[t];
                bool[]? mask = include?[t];
                tree.Leaves(rows, 0, leaves);
                ReadOnlySpan<double> values = tree.LeafValues;
                for (int i = 0; i < leaves.Length; i++)
                {
                    if (mask is not null && !mask[start + i])
                        continue;
                    sum[i] += values[leaves[i]];
                    used[i]++;
                }
            }
            for (int i = 0; i < sum.Length; i++)
                sum[i] = used[i] > 0 ? sum[i] / used[i] : 0.0;
        });
        return result;
    }
}
