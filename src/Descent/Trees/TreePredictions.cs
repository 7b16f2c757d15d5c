namespace Descent.Trees;

/// <summary>Small helpers shared by tree and forest predictions.</summary>
internal static class TreePredictions
{
    /// <summary>target[k] += leaf[k] / Σ leaf (class weights turned into probabilities, as scikit-learn divides).</summary>
    public static void AddProbabilities(ReadOnlySpan<double> leaf, Span<double> target)
    {
        double total = 0.0;
        foreach (double w in leaf)
            total += w;
        if (total == 0.0)
            total = 1.0;
        for (int k = 0; k < leaf.Length; k++)
            target[k] += leaf[k] / total;
    }
}
