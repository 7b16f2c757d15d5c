using Descent.Numerics;

namespace Descent.Metrics;

/// <summary>
/// Metrics of scores (probabilities or decision values) against binary labels, with scikit-learn 1.2's definitions:
/// ROC curve and its area, precision-recall curve and average precision, and one-vs-rest ROC AUC for several
/// classes. Each sorts the scores once (O(n) radix sort), so a million scores take milliseconds. An empty
/// <c>sampleWeight</c> span means every weight is 1; zero-weight samples are left out as scikit-learn does.
/// </summary>
public static class RankingMetrics
{
    /// <summary>
    /// The ROC curve (scikit-learn's <c>roc_curve</c>). Without <paramref name="posLabel"/>, labels must be {0, 1} or
    /// {-1, 1} and 1 is positive. <paramref name="dropIntermediate"/> drops thresholds whose point lies on the straight
    /// line between its neighbours (they add nothing to the plotted curve).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ; a score is NaN or infinite; more than two labels; labels other than {0, 1} / {-1, 1} without a positive label.</exception>
    public static RocCurve RocCurve<TLabel>(IReadOnlyList<TLabel> yTrue, ReadOnlySpan<double> yScore, Optional<TLabel> posLabel = default,
        ReadOnlySpan<double> sampleWeight = default, bool dropIntermediate = true)
    {
        const string function = "RankingMetrics.RocCurve";
        byte[] positive = BinaryTarget.Positives(function, yTrue, posLabel, PositiveLabelRule.ZeroOrMinusOneAndOne, out _);
        return Roc(function, positive, yScore, sampleWeight, dropIntermediate);
    }

    /// <summary>
    /// Area under the ROC curve for two classes (scikit-learn's <c>roc_auc_score</c>): the positive class is the
    /// greater of the two labels in <paramref name="yTrue"/>, <paramref name="yScore"/> its score.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ; a score is NaN or infinite; <paramref name="yTrue"/> holds one class only, or more than two.</exception>
    public static double RocAuc<TLabel>(IReadOnlyList<TLabel> yTrue, ReadOnlySpan<double> yScore, ReadOnlySpan<double> sampleWeight = default)
    {
        const string function = "RankingMetrics.RocAuc";
        ArgumentNullException.ThrowIfNull(yTrue);
        InputCheck.Finite(function, "yScore", yScore);
        byte[] positive = BinaryTarget.Positives(function, yTrue, default, PositiveLabelRule.Greater, out int distinct,
            "multiclass format is not supported: pass the class probabilities as a matrix for one-vs-rest ROC AUC");
        return BinaryAuc(function, positive, distinct, yScore, sampleWeight);
    }

    /// <summary>
    /// One-vs-rest ROC AUC for several classes (scikit-learn's <c>roc_auc_score(multi_class="ovr")</c>): column k of
    /// <paramref name="probabilities"/> scores class k of <paramref name="labels"/> (default: the sorted labels of
    /// <paramref name="yTrue"/>), each row sums to 1. <see cref="Average.Macro"/> averages the per-class AUCs,
    /// <see cref="Average.Weighted"/> weights them by class support, <see cref="Average.Micro"/> pools every (row, class)
    /// pair. With two columns this is the binary AUC of column 1.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes disagree; rows do not sum to 1; a class is absent from <paramref name="yTrue"/>; NaN scores.</exception>
    public static double RocAuc<TLabel>(IReadOnlyList<TLabel> yTrue, Matrix<double> probabilities, Average average = Average.Macro,
        IReadOnlyList<TLabel>? labels = null, ReadOnlySpan<double> sampleWeight = default) =>
        OneVsRestAuc.Compute(yTrue, probabilities, average, labels, sampleWeight);

    /// <summary>
    /// The precision-recall curve (scikit-learn 1.2's <c>precision_recall_curve</c>); labels and
    /// <paramref name="posLabel"/> as for <see cref="RocCurve{TLabel}"/>.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="RocCurve{TLabel}"/>.</exception>
    public static PrecisionRecallCurve PrecisionRecallCurve<TLabel>(IReadOnlyList<TLabel> yTrue, ReadOnlySpan<double> yScore,
        Optional<TLabel> posLabel = default, ReadOnlySpan<double> sampleWeight = default)
    {
        const string function = "RankingMetrics.PrecisionRecallCurve";
        byte[] positive = BinaryTarget.Positives(function, yTrue, posLabel, PositiveLabelRule.ZeroOrMinusOneAndOne, out _);
        return PrecisionRecall(function, positive, yScore, sampleWeight);
    }

    /// <summary>
    /// Average precision AP = Σ (R_n - R_{n-1}) P_n over the thresholds (scikit-learn's <c>average_precision_score</c>,
    /// no interpolation). The positive label defaults to 1, as in scikit-learn.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="RocCurve{TLabel}"/>; or two labels, neither of them the positive label.</exception>
    public static double AveragePrecision<TLabel>(IReadOnlyList<TLabel> yTrue, ReadOnlySpan<double> yScore, Optional<TLabel> posLabel = default,
        ReadOnlySpan<double> sampleWeight = default)
    {
        const string function = "RankingMetrics.AveragePrecision";
        byte[] positive = BinaryTarget.Positives(function, yTrue, posLabel, PositiveLabelRule.One, out _);
        return PrecisionRecall(function, positive, yScore, sampleWeight).AveragePrecision();
    }

    /// <summary>
    /// Area under a curve by the trapezoidal rule, Σ (x[i+1] - x[i])·(y[i+1] + y[i]) / 2 summed pairwise as numpy does (scikit-learn's <c>auc</c>;
    /// a decreasing x gives the area with a positive sign).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 points, different lengths, or x neither increasing nor decreasing.</exception>
    public static double Auc(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        InputCheck.SameLength("RankingMetrics.Auc", ("x", x.Length, true), ("y", y.Length, true));
        if (x.Length < 2)
            throw new ArgumentException(
                $"RankingMetrics.Auc: At least 2 points are needed to compute area under curve, but x.shape = {x.Length}", nameof(x));
        bool anyDecrease = false, anyIncrease = false;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            anyDecrease |= x[i + 1] - x[i] < 0;
            anyIncrease |= x[i + 1] - x[i] > 0;
        }
        if (anyDecrease && anyIncrease)
            throw new ArgumentException("RankingMetrics.Auc: x is neither increasing nor decreasing; sort the points by x first.", nameof(x));
        var terms = new double[x.Length - 1];
        for (int i = 0; i + 1 < x.Length; i++)
            terms[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        double area = PairwiseSum.Sum(terms);
        return anyDecrease ? -area : area;
    }

    /// <summary>The AUC of a 0/1 target, with scikit-learn's error when only one class is present.</summary>
    internal static double BinaryAuc(string function, byte[] positive, int distinctLabels, ReadOnlySpan<double> yScore, ReadOnlySpan<double> sampleWeight)
    {
        InputCheck.SameLength(function, ("yTrue", positive.Length, true), ("yScore", yScore.Length, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        if (distinctLabels != 2)
            throw new ArgumentException(
                $"{function}: Only one class present in y_true. ROC AUC score is not defined in that case. " +
                "Evaluate on data that holds both classes (a stratified split keeps both).", "yTrue");
        return Roc(function, positive, yScore, sampleWeight, dropIntermediate: true).Area();
    }

    internal static RocCurve Roc(string function, byte[] positive, ReadOnlySpan<double> yScore, ReadOnlySpan<double> sampleWeight, bool dropIntermediate)
    {
        var curve = BinaryCurve.Compute(function, positive, yScore, sampleWeight);
        double[] fps = curve.FalsePositives, tps = curve.TruePositives, thresholds = curve.Thresholds;
        int m = curve.Count;
        var keep = new int[m];
        int kept = 0;
        for (int i = 0; i < m; i++)
        {
            bool interior = dropIntermediate && m > 2 && i > 0 && i < m - 1;
            if (!interior || (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]) != 0 || (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]) != 0)
                keep[kept++] = i;
        }
        var fpr = new double[kept + 1];
        var tpr = new double[kept + 1];
        var threshold = new double[kept + 1];
        threshold[0] = (m > 0 ? thresholds[0] : 0) + 1;
        double lastFp = m > 0 ? fps[m - 1] : 0, lastTp = m > 0 ? tps[m - 1] : 0;
        var warnings = new List<string>();
        if (lastFp <= 0)
            warnings.Add("No negative samples in y_true, false positive value should be meaningless");
        if (lastTp <= 0)
            warnings.Add("No positive samples in y_true, true positive value should be meaningless");
        fpr[0] = lastFp <= 0 ? double.NaN : 0;
        tpr[0] = lastTp <= 0 ? double.NaN : 0;
        for (int k = 0; k < kept; k++)
        {
            int i = keep[k];
            fpr[k + 1] = lastFp <= 0 ? double.NaN : fps[i] / lastFp;
            tpr[k + 1] = lastTp <= 0 ? double.NaN : tps[i] / lastTp;
            threshold[k + 1] = thresholds[i];
        }
        return new RocCurve(fpr, tpr, threshold, warnings);
    }

    internal static PrecisionRecallCurve PrecisionRecall(string function, byte[] positive, ReadOnlySpan<double> yScore, ReadOnlySpan<double> sampleWeight)
    {
        var curve = BinaryCurve.Compute(function, positive, yScore, sampleWeight);
        double[] fps = curve.FalsePositives, tps = curve.TruePositives, thresholds = curve.Thresholds;
        int m = curve.Count;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var threshold = new double[m];
        var warnings = new List<string>();
        double lastTp = m > 0 ? tps[m - 1] : 0;
        if (lastTp == 0)
            warnings.Add("No positive class found in y_true, recall is set to one for all thresholds.");
        for (int i = 0; i < m; i++)
        {
            int r = m - 1 - i;   // reversed: recall decreasing
            double predicted = tps[i] + fps[i];
            precision[r] = predicted != 0 ? tps[i] / predicted : 0;
            recall[r] = lastTp == 0 ? 1.0 : tps[i] / lastTp;
            threshold[r] = thresholds[i];
        }
        precision[m] = 1;
        recall[m] = 0;
        return new PrecisionRecallCurve(precision, recall, threshold, warnings);
    }
}
