using Descent.Numerics;

namespace Descent.Trees;

/// <summary>A fitted random-forest regressor: predicts the mean of its trees' predictions. Immutable and thread-safe.</summary>
public sealed class RandomForestRegressorModel : IRegressionModel
{
    private readonly Tree[] _trees;

    internal RandomForestRegressorModel(Tree[] trees, string criterion, double? oobScore)
    {
        _trees = trees;
        Criterion = criterion;
        OobScore = oobScore;
        FeatureImportances = ForestTrainer.FeatureImportances(trees, FeatureCount);
    }

    /// <summary>The trees, in the order they were seeded.</summary>
    public IReadOnlyList<Tree> Trees => _trees;

    /// <summary>The criterion the trees were grown with.</summary>
    public string Criterion { get; }

    /// <inheritdoc />
    public int FeatureCount => _trees[0].FeatureCount;

    /// <summary>R² of the out-of-bag predictions, or null when not requested (scikit-learn's <c>oob_score_</c>).</summary>
    public double? OobScore { get; }

    /// <summary>The mean of the trees' normalised impurity-decrease importances, normalised to sum to 1.</summary>
    public IReadOnlyList<double> FeatureImportances { get; }

    /// <summary>The mean over the trees of each row's leaf mean.</summary>
    public double[] Predict(Matrix<double> x)
    {
        FeatureRows rows = FeatureRows.From(x, FeatureCount, nameof(RandomForestRegressorModel) + ".Predict");
        return Predictions(rows, null);
    }

    /// <summary>Mean predictions, over all trees or (with <paramref name="include"/>) only the trees whose mask holds the row.</summary>
    internal double[] Predictions(FeatureRows rows, bool[][]? include)
    {
        var result = new double[rows.Count];
        ForestTrainer.ForRowChunks(rows.Count, _trees.Length, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                ReadOnlySpan<float> row = rows.Row(i);
                double sum = 0.0;
                int used = 0;
                for (int t = 0; t < _trees.Length; t++)
                {
                    if (include is not null && !include[t][i])
                        continue;
                    sum += _trees[t].LeafValue(row)[0];
                    used++;
                }
                result[i] = used > 0 ? sum / used : 0.0;
            }
        });
        return result;
    }
}
