namespace Descent.Trees.Criteria;

/// <summary>
/// Gini impurity G = 1 - Σ_k p_k², with p_k the weight fraction of class k: the chance that two draws from the node
/// disagree. scikit-learn's <c>criterion="gini"</c> (its default), computed with the same formulas.
/// </summary>
public sealed class GiniCriterion : IClassificationCriterion
{
    /// <inheritdoc />
    public string Name => "gini";

    /// <inheritdoc />
    public double Impurity(ReadOnlySpan<double> classWeights, double total)
    {
        double squares = 0.0;
        foreach (double w in classWeights)
            squares += w * w;
        return 1.0 - squares / (total * total);
    }

    /// <summary>-(w_R·G_R + w_L·G_L) with G = 1 - Σ c_k² / w².</summary>
    public double ProxyImprovement(ReadOnlySpan<double> leftWeights, double leftTotal, ReadOnlySpan<double> nodeWeights, double nodeTotal)
    {
        double leftSquares = 0.0, rightSquares = 0.0;
        for (int k = 0; k < leftWeights.Length; k++)
        {
            double left = leftWeights[k], right = nodeWeights[k] - left;
            leftSquares += left * left;
            rightSquares += right * right;
        }
        double rightTotal = nodeTotal - leftTotal;
        double giniLeft = 1.0 - leftSquares / (leftTotal * leftTotal);
        double giniRight = 1.0 - rightSquares / (rightTotal * rightTotal);
        return -rightTotal * giniRight - leftTotal * giniLeft;
    }
}
