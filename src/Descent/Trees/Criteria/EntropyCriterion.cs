namespace Descent.Trees.Criteria;

/// <summary>
/// Shannon entropy H = -Σ_k p_k·log₂ p_k in bits, with p_k the weight fraction of class k; minimising the children's
/// weighted entropy maximises the information gain. scikit-learn's <c>criterion="entropy"</c>.
/// </summary>
public sealed class EntropyCriterion : IClassificationCriterion
{
    /// <inheritdoc />
    public string Name => "entropy";

    // log₂ p as ln p / ln 2, scikit-learn's formula, so equal splits rank identically.
    private static readonly double Ln2 = Math.Log(2.0);

    /// <inheritdoc />
    public double Impurity(ReadOnlySpan<double> classWeights, double total)
    {
        double entropy = 0.0;
        foreach (double w in classWeights)
        {
            if (w > 0.0)
            {
                double p = w / total;
                entropy -= p * (Math.Log(p) / Ln2);
            }
        }
        return entropy;
    }

    /// <summary>-(w_R·H_R + w_L·H_L).</summary>
    public double ProxyImprovement(ReadOnlySpan<double> leftWeights, double leftTotal, ReadOnlySpan<double> nodeWeights, double nodeTotal)
    {
        double rightTotal = nodeTotal - leftTotal;
        double entropyLeft = 0.0, entropyRight = 0.0;
        for (int k = 0; k < leftWeights.Length; k++)
        {
            double left = leftWeights[k], right = nodeWeights[k] - left;
            if (left > 0.0)
            {
                double p = left / leftTotal;
                entropyLeft -= p * (Math.Log(p) / Ln2);
            }
            if (right > 0.0)
            {
                double p = right / rightTotal;
                entropyRight -= p * (Math.Log(p) / Ln2);
            }
        }
        return -rightTotal * entropyRight - leftTotal * entropyLeft;
    }
}
