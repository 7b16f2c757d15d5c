namespace Descent.Metrics;

/// <summary>Which scores warn when ill-defined (scikit-learn's <c>warn_for</c>).</summary>
[Flags]
internal enum WarnFor
{
    Precision = 1,
    Recall = 2,
    FScore = 4,
    All = Precision | Recall | FScore,
}

/// <summary>
/// scikit-learn 1.2's <c>precision_recall_fscore_support</c>: per-label true-positive, predicted and true sums
/// (its <c>multilabel_confusion_matrix</c>), then the zero-division rules and averaging, with its warning texts.
/// </summary>
internal static class PrecisionRecallComputation
{
    public static PrecisionRecallFScore<TLabel> Compute<TLabel>(string function, IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred,
        double beta, Average average, IReadOnlyList<TLabel>? labels, Optional<TLabel> posLabel, ZeroDivision zeroDivision,
        ReadOnlySpan<double> sampleWeight, WarnFor warnFor)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        InputCheck.SameLength(function, ("yTrue", yTrue.Count, true), ("yPred", yPred.Count, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        InputCheck.Weights(function, sampleWeight);
        if (!(beta >= 0))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, $"{function}: beta should be >=0 in the F-beta score, got {beta}.");
        var warnings = new List<string>();
        var present = LabelSet<TLabel>.Of(function, ("yTrue", yTrue), ("yPred", yPred));
        var (selected, selectedCodes) = SelectLabels(function, present, average, labels, posLabel, warnings);

        int[] trueCodes = present.Encode(yTrue, function, nameof(yTrue)), predCodes = present.Encode(yPred, function, nameof(yPred));
        var (tp, predicted, actual) = Sums(trueCodes, predCodes, present.Count, sampleWeight);
        int m = selectedCodes.Length;
        var tpSum = new double[m];
        var predSum = new double[m];
        var trueSum = new double[m];
        for (int k = 0; k < m; k++)
        {
            int code = selectedCodes[k];
            if (code < 0)
                continue;
            tpSum[k] = tp[code];
            predSum[k] = predicted[code];
            trueSum[k] = actual[code];
        }
        if (average == Average.Micro)
        {
            tpSum = [tpSum.Sum()];
            predSum = [predSum.Sum()];
            trueSum = [trueSum.Sum()];
        }

        double[] precision = Divide(tpSum, predSum, "precision", "predicted", warnFor, zeroDivision, warnings);
        double[] recall = Divide(tpSum, trueSum, "recall", "true", warnFor, zeroDivision, warnings);
        if (zeroDivision == ZeroDivision.Warn && warnFor == WarnFor.FScore)
        {
            bool neither = false;
            for (int k = 0; k < trueSum.Length; k++)
                neither |= trueSum[k] == 0 && predSum[k] == 0;
            if (neither)
                warnings.Add(Warning("F-score is", "true nor predicted", trueSum.Length));
        }
        double[] fScore = FScores(precision, recall, beta);

        if (average == Average.None)
            return new PrecisionRecallFScore<TLabel>(PerLabel(precision), PerLabel(recall), PerLabel(fScore), trueSum, warnings);

        if (average == Average.Weighted && trueSum.Sum() == 0)
        {
            double zeroDivisionValue = zeroDivision == ZeroDivision.One ? 1.0 : 0.0;
            return predSum.Sum() == 0
                ? Averaged<TLabel>(zeroDivisionValue, zeroDivisionValue, zeroDivisionValue, warnings)
                : Averaged<TLabel>(0.0, zeroDivisionValue, 0.0, warnings);
        }
        double[]? weights = average == Average.Weighted ? trueSum : null;
        return Averaged<TLabel>(Mean(precision, weights), Mean(recall, weights), Mean(fScore, weights), warnings);

        ClassificationScore<TLabel> PerLabel(double[] values) => new(double.NaN, selected, values, warnings);
    }

    /// <summary>
    /// scikit-learn's _check_set_wise_labels: the labels to score, in order, and their class codes (-1: absent, every
    /// count zero). Binary averaging with the default positive label 1 absent scores that absent label.
    /// </summary>
    private static (TLabel[] Labels, int[] Codes) SelectLabels<TLabel>(string function, LabelSet<TLabel> present, Average average,
        IReadOnlyList<TLabel>? labels, Optional<TLabel> posLabel, List<string> warnings)
    {
        if (average == Average.Binary)
        {
            if (present.Count > 2)
                throw new ArgumentException(
                    $"{function}: Target is multiclass but average='binary'. Please choose another average setting, one of " +
                    "[None, 'micro', 'macro', 'weighted']. (The labels are " + LabelFormat.ReprList(present.Classes) + ".)");
            if (posLabel.HasValue)
            {
                if (present.IndexOf(posLabel.Value) < 0 && present.Count >= 2)
                    throw InvalidPositiveLabel(function, LabelFormat.Repr(posLabel.Value), present);
                return ([posLabel.Value], [present.IndexOf(posLabel.Value)]);
            }
            int one = IndexOfNumberOne(present);
            if (one >= 0)
                return ([present.Classes[one]], [one]);
            if (present.Count >= 2)
                throw InvalidPositiveLabel(function, "1", present);
            return ([], [-1]);
        }
        if (posLabel.HasValue && !(LabelFormat.TryGetNumber(posLabel.Value, out double v) && v == 1))
            warnings.Add($"Note that pos_label (set to {LabelFormat.Repr(posLabel.Value)}) is ignored when average != 'binary' " +
                $"(got {AverageRepr(average)}). You may use labels=[pos_label] to specify a single positive class.");
        TLabel[] chosen = labels is null ? present.Classes : labels.ToArray();
        var codes = new int[chosen.Length];
        for (int k = 0; k < codes.Length; k++)
            codes[k] = present.IndexOf(chosen[k]);
        return (chosen, codes);
    }

    /// <summary>The index of the class whose numeric value is 1 (scikit-learn's default pos_label), or -1.</summary>
    internal static int IndexOfNumberOne<TLabel>(LabelSet<TLabel> present)
    {
        for (int k = 0; k < present.Count; k++)
            if (LabelFormat.TryGetNumber(present.Classes[k], out double value) && value == 1)
                return k;
        return -1;
    }

    internal static ArgumentException InvalidPositiveLabel<TLabel>(string function, string posLabel, LabelSet<TLabel> present) =>
        new($"{function}: pos_label={posLabel} is not a valid label. It should be one of {LabelFormat.ReprList(present.Classes)}",
            "posLabel");

    internal static string AverageRepr(Average average) => average == Average.None ? "None" : $"'{average.ToString().ToLowerInvariant()}'";

    /// <summary>Per class: true positives, predicted count and true count (weighted).</summary>
    internal static (double[] Tp, double[] Predicted, double[] Actual) Sums(int[] trueCodes, int[] predCodes, int classes, ReadOnlySpan<double> weights)
    {
        var tp = new double[classes];
        var predicted = new double[classes];
        var actual = new double[classes];
        for (int i = 0; i < trueCodes.Length; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            actual[trueCodes[i]] += w;
            predicted[predCodes[i]] += w;
            if (trueCodes[i] == predCodes[i])
                tp[trueCodes[i]] += w;
        }
        return (tp, predicted, actual);
    }

    /// <summary>scikit-learn's _prf_divide: numerator/denominator with zero denominators set by the zero-division rule.</summary>
    private static double[] Divide(double[] numerator, double[] denominator, string metric, string modifier, WarnFor warnFor,
        ZeroDivision zeroDivision, List<string> warnings)
    {
        var result = new double[numerator.Length];
        bool anyZero = false;
        for (int k = 0; k < result.Length; k++)
        {
            if (denominator[k] == 0)
            {
                anyZero = true;
                result[k] = zeroDivision == ZeroDivision.One ? 1.0 : 0.0;
            }
            else
            {
                result[k] = numerator[k] / denominator[k];
            }
        }
        var flag = metric == "precision" ? WarnFor.Precision : WarnFor.Recall;
        if (anyZero && zeroDivision == ZeroDivision.Warn && warnFor.HasFlag(flag))
        {
            string title = char.ToUpperInvariant(metric[0]) + metric[1..];
            string start = warnFor.HasFlag(WarnFor.FScore) ? $"{title} and F-score are" : $"{title} is";
            warnings.Add(Warning(start, modifier, result.Length));
        }
        return result;
    }

    /// <summary>scikit-learn's _warn_prf text, naming Descent's argument where scikit-learn names its zero_division.</summary>
    private static string Warning(string start, string modifier, int resultSize) =>
        $"{start} ill-defined and being set to 0.0 {(resultSize == 1 ? "due to" : "in labels with")} no {modifier} samples. " +
        "Use the zeroDivision argument (ZeroDivision.Zero or ZeroDivision.One) to control this behavior.";

    private static double[] FScores(double[] precision, double[] recall, double beta)
    {
        var f = new double[precision.Length];
        if (double.IsPositiveInfinity(beta))
        {
            Array.Copy(recall, f, f.Length);
            return f;
        }
        double beta2 = beta * beta;
        for (int k = 0; k < f.Length; k++)
        {
            double denominator = beta2 * precision[k] + recall[k];
            if (denominator == 0)
                denominator = 1;
            f[k] = (1 + beta2) * precision[k] * recall[k] / denominator;
        }
        return f;
    }

    /// <summary>numpy.average: the plain mean, or Σ w·v / Σ w.</summary>
    private static double Mean(double[] values, double[]? weights)
    {
        double sum = 0, weightSum = 0;
        for (int k = 0; k < values.Length; k++)
        {
            double w = weights?[k] ?? 1.0;
            sum += weights is null ? values[k] : values[k] * w;
            weightSum += w;
        }
        return sum / weightSum;
    }

    private static PrecisionRecallFScore<TLabel> Averaged<TLabel>(double precision, double recall, double fScore, List<string> warnings) =>
        new(new ClassificationScore<TLabel>(precision, null, null, warnings), new ClassificationScore<TLabel>(recall, null, null, warnings),
            new ClassificationScore<TLabel>(fScore, null, null, warnings), null, warnings);
}
