namespace Descent.Metrics;

/// <summary>
/// A receiver operating characteristic curve: at each threshold t (decreasing), the false and true positive rates
/// of predicting "positive" when score ≥ t. The first point is (0, 0) at threshold max(score) + 1, as in
/// scikit-learn 1.2's <c>roc_curve</c>.
/// </summary>
public sealed class RocCurve
{
    internal RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds, IReadOnlyList<string> warnings)
    {
        FalsePositiveRates = falsePositiveRates;
        TruePositiveRates = truePositiveRates;
        Thresholds = thresholds;
        Warnings = warnings;
    }

    /// <summary>fp / (all negatives) at each threshold, non-decreasing; NaN when y_true has no negative.</summary>
    public IReadOnlyList<double> FalsePositiveRates { get; }

    /// <summary>tp / (all positives) at each threshold, non-decreasing; NaN when y_true has no positive.</summary>
    public IReadOnlyList<double> TruePositiveRates { get; }

    /// <summary>The decreasing thresholds; the first is max(score) + 1.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>Number of points.</summary>
    public int Count => Thresholds.Count;

    /// <summary>scikit-learn's warnings (no negative or no positive samples).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The area under this curve by the trapezoidal rule.</summary>
    public double Area() => RankingMetrics.Auc((double[])FalsePositiveRates, (double[])TruePositiveRates);
}

/// <summary>
/// A precision-recall curve as scikit-learn 1.2's <c>precision_recall_curve</c> returns it: recall decreasing, the
/// last point (precision 1, recall 0) without a threshold, so <see cref="Thresholds"/> has one element fewer.
/// </summary>
public sealed class PrecisionRecallCurve
{
    internal PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds, IReadOnlyList<string> warnings)
    {
        Precision = precision;
        Recall = recall;
        Thresholds = thresholds;
        Warnings = warnings;
    }

    /// <summary>tp / (tp + fp) at each threshold (0 where nothing is predicted positive), then 1.</summary>
    public IReadOnlyList<double> Precision { get; }

    /// <summary>tp / (all positives) at each threshold, then 0.</summary>
    public IReadOnlyList<double> Recall { get; }

    /// <summary>The increasing distinct scores.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>scikit-learn's warnings (no positive samples).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Average precision Σ (R_n - R_{n+1}) P_n: the step integral of this curve.</summary>
    public double AveragePrecision()
    {
        var precision = (double[])Precision;
        var recall = (double[])Recall;
        var terms = new double[recall.Length - 1];
        for (int i = 0; i + 1 < recall.Length; i++)
            terms[i] = (recall[i + 1] - recall[i]) * precision[i];
        return -PairwiseSum.Sum(terms);
    }
}
