using Descent.Trees.Criteria;

namespace Descent.Trees;

/// <summary>
/// The impurity measures of the decision-tree chapter as plain functions: entropy (bits), Gini impurity and the
/// information gain of splitting a set into groups. Counts may be weights; a class with count 0 contributes nothing.
/// </summary>
public static class Impurity
{
    /// <summary>H = -Σ_k p_k·log₂ p_k, p_k = counts[k] / Σ counts. 0 for an empty or pure set.</summary>
    public static double Entropy(ReadOnlySpan<double> counts)
    {
        double total = Total(counts);
        return total > 0.0 ? SplitCriteria.Entropy.Impurity(counts, total) : 0.0;
    }

    /// <summary>G = 1 - Σ_k p_k², p_k = counts[k] / Σ counts. 0 for an empty or pure set.</summary>
    public static double Gini(ReadOnlySpan<double> counts)
    {
        double total = Total(counts);
        return total > 0.0 ? SplitCriteria.Gini.Impurity(counts, total) : 0.0;
    }

    /// <summary>Entropy of a column of class labels (bits).</summary>
    public static double Entropy(ClassLabels labels) => Entropy(ClassCounts(labels));

    /// <summary>Gini impurity of a column of class labels.</summary>
    public static double Gini(ClassLabels labels) => Gini(ClassCounts(labels));

    /// <summary>
    /// Information gain of splitting a set with class counts <paramref name="parentCounts"/> into groups:
    /// IG = H(parent) - Σ_g (n_g / n)·H(g), where <c>groupCounts[g][k]</c> is the count of class k in group g.
    /// </summary>
    /// <exception cref="ArgumentException">A group has a different number of classes than the parent.</exception>
    public static double InformationGain(ReadOnlySpan<double> parentCounts, IReadOnlyList<double[]> groupCounts)
    {
        ArgumentNullException.ThrowIfNull(groupCounts);
        double total = Total(parentCounts);
        double gain = Entropy(parentCounts);
        foreach (double[] group in groupCounts)
        {
            if (group.Length != parentCounts.Length)
                throw new ArgumentException(
                    $"Impurity.InformationGain: a group has {group.Length} class counts but the parent has {parentCounts.Length}.", nameof(groupCounts));
            gain -= Total(group) / total * Entropy(group);
        }
        return gain;
    }

    /// <summary>
    /// Information gain of a categorical attribute (the textbook's Gain(S, A)): the rows are grouped by the value of
    /// <paramref name="attribute"/>, and IG = H(S) - Σ_v |S_v|/|S|·H(S_v).
    /// </summary>
    /// <exception cref="ArgumentException">The attribute has a different number of rows than the labels.</exception>
    public static double InformationGain(ClassLabels labels, IReadOnlyList<string> attribute)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(attribute);
        if (attribute.Count != labels.Count)
            throw new ArgumentException(
                $"Impurity.InformationGain: the attribute has {attribute.Count} values but there are {labels.Count} labels; give one value per row.", nameof(attribute));
        int classCount = labels.Classes.Count;
        var groups = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int i = 0; i < attribute.Count; i++)
        {
            if (!groups.TryGetValue(attribute[i], out double[]? counts))
                groups.Add(attribute[i], counts = new double[classCount]);
            counts[labels.Indices[i]] += 1.0;
        }
        return InformationGain(ClassCounts(labels), groups.Values.ToArray());
    }

    /// <summary>
    /// Information gain of the best binary split of a numeric attribute, as a decision tree chooses it: the rows are sorted
    /// by <paramref name="values"/>, and for every threshold t halfway between two consecutive distinct values (scikit-learn's midpoint),
    /// IG(t) = H(S) - |S_≤t|/|S|·H(S_≤t) - |S_&gt;t|/|S|·H(S_&gt;t). Returns the largest gain and its threshold (the first
    /// in sorted order on ties); a constant attribute gains 0 at threshold NaN.
    /// </summary>
    /// <exception cref="ArgumentException">The attribute has a different number of rows than the labels, or a value is not finite.</exception>
    public static (double Gain, double Threshold) BestThresholdGain(ClassLabels labels, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != labels.Count)
            throw new ArgumentException(
                $"Impurity.BestThresholdGain: the attribute has {values.Count} values but there are {labels.Count} labels; give one value per row.", nameof(values));
        int bad = Enumerable.Range(0, values.Count).FirstOrDefault(i => !double.IsFinite(values[i]), -1);
        if (bad >= 0)
            throw new ArgumentException($"Impurity.BestThresholdGain: value {bad} is {values[bad]}; the values must be finite.", nameof(values));
        int[] order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        double[] all = ClassCounts(labels), below = new double[all.Length], above = (double[])all.Clone();
        double parent = Entropy(all), total = labels.Count, bestGain = 0.0, bestThreshold = double.NaN;
        for (int r = 0; r + 1 < order.Length; r++)
        {
            int k = labels.Indices[order[r]];
            below[k] += 1.0;
            above[k] -= 1.0;
            double current = values[order[r]], next = values[order[r + 1]];
            if (current == next)
                continue;
            double gain = parent - (r + 1) / total * Entropy(below) - (total - r - 1) / total * Entropy(above);
            if (double.IsNaN(bestThreshold) || gain > bestGain)
                (bestGain, bestThreshold) = (gain, TreeBuilder.Midpoint(current, next));
        }
        return (bestGain, bestThreshold);
    }

    private static double[] ClassCounts(ClassLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new double[labels.Classes.Count];
        foreach (int k in labels.Indices)
            counts[k] += 1.0;
        return counts;
    }

    private static double Total(ReadOnlySpan<double> counts)
    {
        double total = 0.0;
        foreach (double c in counts)
        {
            if (c < 0.0 || !double.IsFinite(c))
                throw new ArgumentException($"Impurity: counts must be finite and >= 0, got {c}.", nameof(counts));
            total += c;
        }
        return total;
    }
}
