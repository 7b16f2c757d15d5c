using Descent.Numerics;

namespace Descent.Metrics;

/// <summary>
/// Metrics of predicted probabilities, with scikit-learn 1.2's definitions: log loss (cross-entropy) and the Brier
/// score. An empty <c>sampleWeight</c> span means every weight is 1.
/// </summary>
public static class ProbabilityMetrics
{
    /// <summary>The clipping bound of <see cref="LogLoss{TLabel}(IReadOnlyList{TLabel}, Matrix{double}, IReadOnlyList{TLabel}, bool, ReadOnlySpan{double})"/>: double machine epsilon, 2⁻⁵².</summary>
    public const double Epsilon = MachineEpsilon.Double;

    /// <summary>
    /// Log loss −(1/n) Σ log p̂(y_i) (scikit-learn 1.2's <c>log_loss</c>, eps "auto"): probabilities are clipped to
    /// [ε, 1 − ε] with ε = <see cref="Epsilon"/>, each row is divided by its sum, and the loss is the (weighted) mean
    /// over samples, or the sum when <paramref name="normalize"/> is false. Column k of <paramref name="probabilities"/>
    /// belongs to class k of <paramref name="labels"/> (default: the sorted labels of <paramref name="yTrue"/>);
    /// one column is the probability of the second class of two.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes disagree, a probability is NaN, fewer than two classes, or a label of <paramref name="yTrue"/> not in <paramref name="labels"/>.</exception>
    public static double LogLoss<TLabel>(IReadOnlyList<TLabel> yTrue, Matrix<double> probabilities, IReadOnlyList<TLabel>? labels = null,
        bool normalize = true, ReadOnlySpan<double> sampleWeight = default)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return Compute(yTrue, probabilities.ToArray(), probabilities.Rows, probabilities.Columns, labels, normalize, sampleWeight);
    }

    /// <summary>
    /// Log loss of two classes from the probability of the second (the greater label, or the second of
    /// <paramref name="labels"/>), as scikit-learn's <c>log_loss</c> with a 1-D <c>y_pred</c>.
    /// </summary>
    /// <exception cref="ArgumentException">As the matrix overload.</exception>
    public static double LogLoss<TLabel>(IReadOnlyList<TLabel> yTrue, ReadOnlySpan<double> positiveProbabilities, IReadOnlyList<TLabel>? labels = null,
        bool normalize = true, ReadOnlySpan<double> sampleWeight = default) =>
        Compute(yTrue, positiveProbabilities.ToArray(), positiveProbabilities.Length, 1, labels, normalize, sampleWeight);

    /// <summary>
    /// Brier score: the (weighted) mean of (1[y = positive] − p)² (scikit-learn's <c>brier_score_loss</c>). The positive
    /// label defaults to 1 for {0, 1} / {-1, 1} labels, otherwise to the greater numeric label; text labels need
    /// <paramref name="posLabel"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a value is NaN, more than two labels, or a probability outside [0, 1].</exception>
    public static double BrierScore<TLabel>(IReadOnlyList<TLabel> yTrue, ReadOnlySpan<double> yProb, Optional<TLabel> posLabel = default,
        ReadOnlySpan<double> sampleWeight = default)
    {
        const string function = "ProbabilityMetrics.BrierScore";
        ArgumentNullException.ThrowIfNull(yTrue);
        InputCheck.Finite(function, "yProb", yProb);
        InputCheck.SameLength(function, ("yTrue", yTrue.Count, true), ("yProb", yProb.Length, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        InputCheck.Weights(function, sampleWeight);
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        foreach (double p in yProb)
        {
            max = Math.Max(max, p);
            min = Math.Min(min, p);
        }
        byte[] positive = BinaryTarget.Positives(function, yTrue, default(Optional<TLabel>), PositiveLabelRule.Greater, out int distinct,
            "Only binary classification is supported. The type of the target is multiclass.");
        if (max > 1)
            throw new ArgumentException($"{function}: y_prob contains values greater than 1.", nameof(yProb));
        if (min < 0)
            throw new ArgumentException($"{function}: y_prob contains values less than 0.", nameof(yProb));
        positive = BinaryTarget.Positives(function, yTrue, posLabel, PositiveLabelRule.ConsistentOrGreaterNumber, out distinct);
        double sum = 0, weightSum = 0;
        for (int i = 0; i < positive.Length; i++)
        {
            double w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i], d = positive[i] - yProb[i];
            sum += d * d * w;
            weightSum += w;
        }
        return sum / weightSum;
    }

    private static double Compute<TLabel>(IReadOnlyList<TLabel> yTrue, double[] p, int rows, int columns, IReadOnlyList<TLabel>? labels,
        bool normalize, ReadOnlySpan<double> sampleWeight)
    {
        const string function = "ProbabilityMetrics.LogLoss";
        ArgumentNullException.ThrowIfNull(yTrue);
        InputCheck.Finite(function, "yPred", p);
        InputCheck.SameLength(function, ("yPred", rows, true), ("yTrue", yTrue.Count, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        InputCheck.Weights(function, sampleWeight);
        var classes = labels is null
            ? LabelSet<TLabel>.Of(function, ("yTrue", yTrue))
            : LabelSet<TLabel>.Of(function, ("labels", labels));
        if (classes.Count == 1)
            throw new ArgumentException(labels is null
                ? $"{function}: y_true contains only one label ({LabelFormat.Text(classes.Classes[0])}). Please provide the true labels explicitly through the labels argument."
                : $"{function}: The labels array needs to contain at least two labels for log_loss, got {LabelFormat.ReprList(classes.Classes)}.",
                labels is null ? nameof(yTrue) : nameof(labels));
        int k = columns == 1 ? 2 : columns;
        if (classes.Count != k)
            throw new ArgumentException(labels is null
                ? $"{function}: y_true and y_pred contain different number of classes {classes.Count}, {k}. Please provide the true labels " +
                  $"explicitly through the labels argument. Classes found in y_true: {LabelFormat.ReprList(classes.Classes)}"
                : $"{function}: The number of classes in labels is different from that in y_pred. Classes found in labels: {LabelFormat.ReprList(classes.Classes)}",
                "probabilities");
        int[] codes = classes.Encode(yTrue, function, nameof(yTrue));
        double total = 0, weightSum = 0;
        for (int i = 0; i < rows; i++)
        {
            double chosen, rowSum;
            if (columns == 1)
            {
                double clipped = Clip(p[i]), complement = 1 - clipped;
                rowSum = complement + clipped;
                chosen = codes[i] == 1 ? clipped : complement;
            }
            else
            {
                rowSum = 0;
                for (int j = 0; j < columns; j++)
                    rowSum += Clip(p[i * columns + j]);
                chosen = Clip(p[i * columns + codes[i]]);
            }
            double loss = -Math.Log(chosen / rowSum);
            double w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            total += loss * w;
            weightSum += w;
        }
        return normalize ? total / weightSum : total;
    }

    private static double Clip(double p) => Math.Min(Math.Max(p, Epsilon), 1 - Epsilon);
}
