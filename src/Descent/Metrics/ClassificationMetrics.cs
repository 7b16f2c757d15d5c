namespace Descent.Metrics;

/// <summary>
/// Classification metrics on predicted labels, with scikit-learn 1.2's definitions, defaults, warnings and errors.
/// Labels may be of any type (int, string, <see cref="Label"/>, ...); classes are the sorted union of the labels seen
/// in <c>yTrue</c> and <c>yPred</c> (strings by ordinal comparison, <see cref="Label"/> numerically when numbers).
/// An empty <c>sampleWeight</c> span means every weight is 1. The positive label of <see cref="Average.Binary"/>
/// defaults, as in scikit-learn, to the label whose value is 1; pass <c>posLabel</c> for any other (e.g. strings).
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// The confusion matrix C[i, j] = number of samples of true class <c>labels[i]</c> predicted as <c>labels[j]</c>
    /// (scikit-learn's <c>confusion_matrix</c>). <paramref name="labels"/> selects and orders the classes (samples
    /// whose labels are not listed are left out); by default every label seen, sorted.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ; <paramref name="labels"/> is empty or names no label of <paramref name="yTrue"/>.</exception>
    public static ConfusionMatrix<TLabel> ConfusionMatrix<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred,
        IReadOnlyList<TLabel>? labels = null, ReadOnlySpan<double> sampleWeight = default)
    {
        const string function = "ClassificationMetrics.ConfusionMatrix";
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        InputCheck.SameLength(function, ("yTrue", yTrue.Count, true), ("yPred", yPred.Count, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        InputCheck.Finite(function, "sampleWeight", sampleWeight);
        var present = LabelSet<TLabel>.Of(function, ("yTrue", yTrue), ("yPred", yPred));
        TLabel[] order = labels?.ToArray() ?? present.Classes;
        if (order.Length == 0)
            throw new ArgumentException($"{function}: 'labels' should contains at least one label.", nameof(labels));
        // position in the output of each present class, or -1 when not listed
        var position = new int[present.Count];
        Array.Fill(position, -1);
        for (int k = 0; k < order.Length; k++)
        {
            int code = present.IndexOf(order[k]);
            if (code >= 0 && position[code] < 0)
                position[code] = k;
        }
        int[] trueCodes = present.Encode(yTrue, function, nameof(yTrue)), predCodes = present.Encode(yPred, function, nameof(yPred));
        if (labels is not null && yTrue.Count > 0 && !trueCodes.Any(c => position[c] >= 0))
            throw new ArgumentException($"{function}: At least one label specified must be in y_true (labels {LabelFormat.ReprList(order)}, " +
                $"yTrue holds {LabelFormat.ReprList(LabelSet<TLabel>.Of(function, ("yTrue", yTrue)).Classes)}).", nameof(labels));
        var counts = new double[order.Length, order.Length];
        for (int i = 0; i < trueCodes.Length; i++)
        {
            int row = position[trueCodes[i]], column = position[predCodes[i]];
            if (row >= 0 && column >= 0)
                counts[row, column] += sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
        }
        return new ConfusionMatrix<TLabel>(order, counts);
    }

    /// <summary>
    /// Accuracy: the fraction (or with <paramref name="normalize"/> false, the number or total weight) of samples
    /// whose prediction equals the true label. Same as scikit-learn's <c>accuracy_score</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static double Accuracy<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, bool normalize = true,
        ReadOnlySpan<double> sampleWeight = default)
    {
        const string function = "ClassificationMetrics.Accuracy";
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        InputCheck.SameLength(function, ("yTrue", yTrue.Count, true), ("yPred", yPred.Count, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        InputCheck.Weights(function, sampleWeight);
        var comparer = LabelFormat.Comparer<TLabel>();
        double correct = 0, total = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            double w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            if (comparer.Compare(yTrue[i], yPred[i]) == 0)
                correct += w;
            total += w;
        }
        return normalize ? correct / total : correct;
    }

    /// <summary>
    /// Precision, recall, F-beta and support in one pass, scikit-learn's <c>precision_recall_fscore_support</c>
    /// (default <paramref name="average"/> None: one value per label; warnings for precision, recall and F-score).
    /// </summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="beta">Weight of recall in the F-score (β = 1: F1).</param>
    /// <param name="average">How per-label scores are combined.</param>
    /// <param name="labels">The labels to score (default: every label seen, sorted); with an average, the ones averaged.</param>
    /// <param name="posLabel">The positive label for <see cref="Average.Binary"/> (default: the label 1).</param>
    /// <param name="zeroDivision">The score when a denominator is zero.</param>
    /// <param name="sampleWeight">Per-sample weights, or empty.</param>
    /// <exception cref="ArgumentException">Lengths differ; binary averaging on more than two labels; a positive label that is not a label; β &lt; 0.</exception>
    public static PrecisionRecallFScore<TLabel> PrecisionRecallFScoreSupport<TLabel>(IReadOnlyList<TLabel> yTrue,
        IReadOnlyList<TLabel> yPred, double beta = 1.0, Average average = Average.None, IReadOnlyList<TLabel>? labels = null,
        Optional<TLabel> posLabel = default, ZeroDivision zeroDivision = ZeroDivision.Warn, ReadOnlySpan<double> sampleWeight = default) =>
        PrecisionRecallComputation.Compute("ClassificationMetrics.PrecisionRecallFScoreSupport", yTrue, yPred, beta, average, labels,
            posLabel, zeroDivision, sampleWeight, WarnFor.All);

    /// <summary>Precision tp / (tp + fp), scikit-learn's <c>precision_score</c> (default: binary, positive label 1).</summary>
    /// <exception cref="ArgumentException">As <see cref="PrecisionRecallFScoreSupport{TLabel}"/>.</exception>
    public static ClassificationScore<TLabel> Precision<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred,
        Average average = Average.Binary, IReadOnlyList<TLabel>? labels = null, Optional<TLabel> posLabel = default,
        ZeroDivision zeroDivision = ZeroDivision.Warn, ReadOnlySpan<double> sampleWeight = default) =>
        PrecisionRecallComputation.Compute("ClassificationMetrics.Precision", yTrue, yPred, 1.0, average, labels, posLabel,
            zeroDivision, sampleWeight, WarnFor.Precision).Precision;

    /// <summary>Recall tp / (tp + fn), scikit-learn's <c>recall_score</c> (default: binary, positive label 1).</summary>
    /// <exception cref="ArgumentException">As <see cref="PrecisionRecallFScoreSupport{TLabel}"/>.</exception>
    public static ClassificationScore<TLabel> Recall<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred,
        Average average = Average.Binary, IReadOnlyList<TLabel>? labels = null, Optional<TLabel> posLabel = default,
        ZeroDivision zeroDivision = ZeroDivision.Warn, ReadOnlySpan<double> sampleWeight = default) =>
        PrecisionRecallComputation.Compute("ClassificationMetrics.Recall", yTrue, yPred, 1.0, average, labels, posLabel,
            zeroDivision, sampleWeight, WarnFor.Recall).Recall;

    /// <summary>F1 = 2·precision·recall / (precision + recall), scikit-learn's <c>f1_score</c>.</summary>
    /// <exception cref="ArgumentException">As <see cref="PrecisionRecallFScoreSupport{TLabel}"/>.</exception>
    public static ClassificationScore<TLabel> F1<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred,
        Average average = Average.Binary, IReadOnlyList<TLabel>? labels = null, Optional<TLabel> posLabel = default,
        ZeroDivision zeroDivision = ZeroDivision.Warn, ReadOnlySpan<double> sampleWeight = default) =>
        FBeta(yTrue, yPred, 1.0, average, labels, posLabel, zeroDivision, sampleWeight);

    /// <summary>F-beta = (1 + β²)·precision·recall / (β²·precision + recall), scikit-learn's <c>fbeta_score</c>.</summary>
    /// <exception cref="ArgumentException">As <see cref="PrecisionRecallFScoreSupport{TLabel}"/>.</exception>
    public static ClassificationScore<TLabel> FBeta<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred, double beta,
        Average average = Average.Binary, IReadOnlyList<TLabel>? labels = null, Optional<TLabel> posLabel = default,
        ZeroDivision zeroDivision = ZeroDivision.Warn, ReadOnlySpan<double> sampleWeight = default) =>
        PrecisionRecallComputation.Compute("ClassificationMetrics.FBeta", yTrue, yPred, beta, average, labels, posLabel,
            zeroDivision, sampleWeight, WarnFor.FScore).FScore;

    /// <summary>
    /// Per-label precision, recall, F1 and support with the accuracy and the macro and weighted averages,
    /// scikit-learn's <c>classification_report</c>; <see cref="ClassificationReport{TLabel}.ToString(int)"/> prints its table.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static ClassificationReport<TLabel> Report<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred,
        IReadOnlyList<TLabel>? labels = null, ZeroDivision zeroDivision = ZeroDivision.Warn, ReadOnlySpan<double> sampleWeight = default) =>
        ClassificationReport<TLabel>.Compute(yTrue, yPred, labels, zeroDivision, sampleWeight);
}
