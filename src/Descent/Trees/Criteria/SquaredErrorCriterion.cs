namespace Descent.Trees.Criteria;

/// <summary>
/// Mean squared error around the node mean, MSE = Σw·y²/Σw - (Σw·y/Σw)² (the variance of the node's targets); a split
/// is scored by Σ_L²/w_L + Σ_R²/w_R, which differs from the MSE decrease only by terms fixed for the node.
/// scikit-learn's <c>criterion="squared_error"</c>, computed with the same formulas.
/// </summary>
public sealed class SquaredErrorCriterion : IRegressionCriterion
{
    /// <inheritdoc />
    public string Name => "squared_error";

    /// <inheritdoc />
    public double Impurity(double sum, double sumOfSquares, double weight)
    {
        double mean = sum / weight;
        return sumOfSquares / weight - mean * mean;
    }

    /// <summary>Σ_L²/w_L + Σ_R²/w_R.</summary>
    public double ProxyImprovement(double leftSum, double leftWeight, double nodeSum, double nodeWeight)
    {
        double rightSum = nodeSum - leftSum;
        return leftSum * leftSum / leftWeight + rightSum * rightSum / (nodeWeight - leftWeight);
    }
}
