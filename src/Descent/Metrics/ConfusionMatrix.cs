namespace Descent.Metrics;

/// <summary>How <see cref="ConfusionMatrix{TLabel}.Normalized"/> divides the counts (scikit-learn's <c>normalize</c>).</summary>
public enum ConfusionNormalization
{
    /// <summary>Each row sums to 1: the fraction of each true class predicted as each class.</summary>
    True,

    /// <summary>Each column sums to 1: the fraction of each predicted class that is each true class.</summary>
    Pred,

    /// <summary>All entries sum to 1.</summary>
    All,
}

/// <summary>
/// Counts of (true class, predicted class) pairs: <c>this[i, j]</c> is the number (or total sample weight) of
/// samples whose true label is <c>Labels[i]</c> and whose prediction is <c>Labels[j]</c>, as scikit-learn's
/// <c>confusion_matrix</c> (rows = true, columns = predicted).
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class ConfusionMatrix<TLabel>
{
    private readonly double[,] _counts;

    internal ConfusionMatrix(TLabel[] labels, double[,] counts)
    {
        Labels = labels;
        _counts = counts;
    }

    /// <summary>The labels of the rows and columns, in order.</summary>
    public IReadOnlyList<TLabel> Labels { get; }

    /// <summary>Number of labels (rows = columns).</summary>
    public int Size => Labels.Count;

    /// <summary>Count (or weight) of samples of true class <paramref name="trueIndex"/> predicted as <paramref name="predictedIndex"/>.</summary>
    public double this[int trueIndex, int predictedIndex] => _counts[trueIndex, predictedIndex];

    /// <summary>A copy of the counts.</summary>
    public double[,] ToArray() => (double[,])_counts.Clone();

    /// <summary>The counts as integers (exact when no sample weights were given), rows = true class.</summary>
    public long[][] ToCounts()
    {
        var result = new long[Size][];
        for (int i = 0; i < Size; i++)
        {
            result[i] = new long[Size];
            for (int j = 0; j < Size; j++)
                result[i][j] = (long)Math.Round(_counts[i, j]);
        }
        return result;
    }

    /// <summary>The counts divided by their row, column or total sums; an empty row or column gives zeros (scikit-learn's nan_to_num).</summary>
    public double[,] Normalized(ConfusionNormalization normalization)
    {
        int k = Size;
        var result = new double[k, k];
        double total = 0;
        var rowSums = new double[k];
        var columnSums = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                rowSums[i] += _counts[i, j];
                columnSums[j] += _counts[i, j];
            }
        }
        foreach (double c in _counts)
            total += c;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double denominator = normalization switch
                {
                    ConfusionNormalization.True => rowSums[i],
                    ConfusionNormalization.Pred => columnSums[j],
                    _ => total,
                };
                result[i, j] = denominator == 0 ? 0 : _counts[i, j] / denominator;
            }
        }
        return result;
    }
}
