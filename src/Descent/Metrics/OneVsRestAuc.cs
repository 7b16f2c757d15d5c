using Descent.Numerics;

namespace Descent.Metrics;

/// <summary>scikit-learn's <c>_multiclass_roc_auc_score</c> with <c>multi_class="ovr"</c>: one binary AUC per class column.</summary>
internal static class OneVsRestAuc
{
    private const string Function = "RankingMetrics.RocAuc";

    public static double Compute<TLabel>(IReadOnlyList<TLabel> yTrue, Matrix<double> probabilities, Average average,
        IReadOnlyList<TLabel>? labels, ReadOnlySpan<double> sampleWeight)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(probabilities);
        double[] scores = probabilities.ToArray();
        InputCheck.Finite(Function, "yScore", scores);
        InputCheck.SameLength(Function, ("yTrue", yTrue.Count, true), ("yScore", probabilities.Rows, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        var present = LabelSet<TLabel>.Of(Function, ("yTrue", yTrue));
        int n = probabilities.Rows, k = probabilities.Columns;
        if (k <= 2 && present.Count <= 2 && labels is null)
        {
            byte[] positive = BinaryTarget.Positives(Function, yTrue, default, PositiveLabelRule.Greater, out int distinct);
            return RankingMetrics.BinaryAuc(Function, positive, distinct, probabilities.Column(k - 1).ToArray(), sampleWeight);
        }
        if (average is not (Average.Macro or Average.Weighted or Average.Micro))
            throw new ArgumentException($"{Function}: average must be Macro, Weighted or Micro for one-vs-rest ROC AUC, got {average}.", nameof(average));
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < k; j++)
                sum += scores[i * k + j];
            if (!(Math.Abs(1 - sum) <= 1e-8 + 1e-5 * Math.Abs(sum)))
                throw new ArgumentException(
                    $"{Function}: Target scores need to be probabilities for multiclass roc_auc, i.e. they should sum up to 1.0 over classes " +
                    $"(row {i} sums to {sum}).", nameof(probabilities));
        }
        LabelSet<TLabel> classes = Classes(present, labels, k);
        int[] codes = classes.Encode(yTrue, Function, nameof(yTrue));

        if (average == Average.Micro)
        {
            var positive = new byte[n * k];
            for (int i = 0; i < n; i++)
                positive[i * k + codes[i]] = 1;
            double[] weights = sampleWeight.IsEmpty ? [] : Repeat(sampleWeight, k);
            return RankingMetrics.BinaryAuc(Function, positive, k > 1 ? 2 : 1, scores, weights);
        }
        var auc = new double[k];
        var support = new double[k];
        for (int c = 0; c < k; c++)
        {
            var positive = new byte[n];
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                if (codes[i] != c)
                    continue;
                positive[i] = 1;
                count++;
                support[c] += sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            }
            int distinct = (count > 0 ? 1 : 0) + (count < n ? 1 : 0);
            auc[c] = RankingMetrics.BinaryAuc(Function, positive, distinct, probabilities.Column(c).ToArray(), sampleWeight);
        }
        if (average == Average.Macro)
            return auc.Sum() / k;
        double total = support.Sum();
        if (Math.Abs(total) <= 1e-8)
            return 0;
        double weighted = 0;
        for (int c = 0; c < k; c++)
            weighted += (support[c] == 0 ? 0 : auc[c]) * support[c];
        return weighted / total;
    }

    private static LabelSet<TLabel> Classes<TLabel>(LabelSet<TLabel> present, IReadOnlyList<TLabel>? labels, int columns)
    {
        if (labels is null)
        {
            if (present.Count != columns)
                throw new ArgumentException(
                    $"{Function}: Number of classes in y_true not equal to the number of columns in 'y_score' " +
                    $"({present.Count} classes {LabelFormat.ReprList(present.Classes)}, {columns} columns). Pass labels when a class is missing from y_true.",
                    "probabilities");
            return present;
        }
        var given = LabelSet<TLabel>.FromUnsorted(labels.ToArray(), present.Comparer);
        if (given.Count != labels.Count)
            throw new ArgumentException($"{Function}: Parameter 'labels' must be unique.", nameof(labels));
        for (int c = 0; c < labels.Count; c++)
            if (present.Comparer.Compare(given.Classes[c], labels[c]) != 0)
                throw new ArgumentException($"{Function}: Parameter 'labels' must be ordered.", nameof(labels));
        if (given.Count != columns)
            throw new ArgumentException(
                $"{Function}: Number of given labels, {given.Count}, not equal to the number of columns in 'y_score', {columns}", nameof(labels));
        foreach (TLabel label in present.Classes)
            if (given.IndexOf(label) < 0)
                throw new ArgumentException($"{Function}: 'y_true' contains labels not in parameter 'labels' ({LabelFormat.Repr(label)}).", nameof(labels));
        return given;
    }

    private static double[] Repeat(ReadOnlySpan<double> weights, int times)
    {
        var result = new double[weights.Length * times];
        for (int i = 0; i < weights.Length; i++)
            result.AsSpan(i * times, times).Fill(weights[i]);
        return result;
    }
}
