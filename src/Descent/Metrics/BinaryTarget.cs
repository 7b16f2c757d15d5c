namespace Descent.Metrics;

/// <summary>How a binary metric picks its positive label when none is given.</summary>
internal enum PositiveLabelRule
{
    /// <summary>scikit-learn's _check_pos_label_consistency: labels must be {0, 1} or {-1, 1} (or one of them); 1 is positive.</summary>
    ZeroOrMinusOneAndOne,

    /// <summary>pos_label=1: the label 1, which must be present when there are two labels (average_precision_score).</summary>
    One,

    /// <summary>The greater of the two labels (roc_auc_score's label_binarize).</summary>
    Greater,

    /// <summary>Brier score: the consistency rule, falling back to the greater label when the labels are numbers.</summary>
    ConsistentOrGreaterNumber,
}

/// <summary>Turns a label array into a 0/1 "is positive" mask as scikit-learn's binary metrics do.</summary>
internal static class BinaryTarget
{
    /// <summary>1 where <paramref name="yTrue"/> is the positive label, else 0; the distinct labels (at most 2 unless a positive label is given).</summary>
    public static byte[] Positives<TLabel>(string function, IReadOnlyList<TLabel> yTrue, Optional<TLabel> posLabel,
        PositiveLabelRule rule, out int distinctCount, string multiclassMessage = "multiclass format is not supported")
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        InputCheck.NotEmpty(function, "yTrue", yTrue.Count);
        var comparer = LabelFormat.Comparer<TLabel>();
        var seen = new List<TLabel>(3);
        TLabel[]? array = yTrue as TLabel[];
        bool primitive = array is not null && typeof(TLabel).IsPrimitive;
        for (int i = 0; i < yTrue.Count && seen.Count < 3; i++)
        {
            TLabel label = (primitive ? array![i] : yTrue[i])
                ?? throw new ArgumentException($"{function}: yTrue[{i}] is null; every label needs a value.", nameof(yTrue));
            bool known = false;
            foreach (TLabel s in seen)
                known |= primitive ? EqualityComparer<TLabel>.Default.Equals(s, label) : comparer.Compare(s, label) == 0;
            if (!known)
                seen.Add(label);
        }
        distinctCount = seen.Count;
        if (seen.Count > 2 && !posLabel.HasValue)
            throw new ArgumentException($"{function}: {multiclassMessage} (yTrue holds more than two labels; this metric is binary: " +
                "pass the positive label, or use the multiclass overload).", nameof(yTrue));
        seen.Sort(comparer);
        var positive = new byte[yTrue.Count];
        bool hasPositive = ResolvePositive(function, seen, posLabel, rule, out TLabel pos);
        if (!hasPositive)
            return positive;
        if (primitive)
        {
            // equality of primitives is comparison-equality, and EqualityComparer<T>.Default devirtualizes
            for (int i = 0; i < array!.Length; i++)
                positive[i] = EqualityComparer<TLabel>.Default.Equals(array[i], pos) ? (byte)1 : (byte)0;
            return positive;
        }
        for (int i = 0; i < positive.Length; i++)
            positive[i] = comparer.Compare(yTrue[i], pos) == 0 ? (byte)1 : (byte)0;
        return positive;
    }

    private static bool ResolvePositive<TLabel>(string function, List<TLabel> classes, Optional<TLabel> posLabel, PositiveLabelRule rule, out TLabel positive)
    {
        positive = default!;
        if (posLabel.HasValue)
        {
            positive = posLabel.Value;
            return true;
        }
        switch (rule)
        {
            case PositiveLabelRule.Greater:
                if (classes.Count == 0)
                    return false;
                positive = classes[^1];
                return true;
            case PositiveLabelRule.One:
            {
                int one = classes.FindIndex(c => LabelFormat.TryGetNumber(c, out double v) && v == 1);
                if (one >= 0)
                {
                    positive = classes[one];
                    return true;
                }
                if (classes.Count == 2)
                    throw new ArgumentException(
                        $"{function}: pos_label=1 is not a valid label. It should be one of {LabelFormat.ReprList(classes)}", "posLabel");
                return false;
            }
            default:
            {
                bool consistent = classes.All(c => LabelFormat.TryGetNumber(c, out _) && !LabelFormat.IsText(c)) && IsZeroOrMinusOneAndOne(classes);
                if (!consistent)
                {
                    if (rule == PositiveLabelRule.ConsistentOrGreaterNumber && classes.Count > 0 && !LabelFormat.IsText(classes[0]))
                    {
                        positive = classes[^1];
                        return true;
                    }
                    throw new ArgumentException(
                        $"{function}: y_true takes value in {LabelFormat.ReprSet(classes)} and pos_label is not specified: either make y_true " +
                        "take value in {0, 1} or {-1, 1} or pass pos_label explicitly.", "posLabel");
                }
                int one = classes.FindIndex(c => LabelFormat.TryGetNumber(c, out double v) && v == 1);
                if (one < 0)
                    return false;
                positive = classes[one];
                return true;
            }
        }
    }

    private static bool IsZeroOrMinusOneAndOne<TLabel>(List<TLabel> classes)
    {
        var values = classes.Select(c => LabelFormat.TryGetNumber(c, out double v) ? v : double.NaN).ToArray();
        return values switch
        {
            [0, 1] or [-1, 1] or [0] or [-1] or [1] => true,
            _ => false,
        };
    }
}
