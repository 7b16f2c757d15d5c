namespace Descent.Trees.Criteria;

/// <summary>
/// How a tree measures the impurity of a node and compares candidate splits (scikit-learn's <c>criterion</c>).
/// A split search evaluates <c>ProxyImprovement</c> at every candidate threshold, so implementations keep it cheap;
/// it must rank splits exactly as the true impurity decrease does.
/// </summary>
public interface ICriterion
{
    /// <summary>The scikit-learn name of the criterion ("gini", "entropy", "squared_error").</summary>
    string Name { get; }
}

/// <summary>An impurity measure over the class weights of a node.</summary>
public interface IClassificationCriterion : ICriterion
{
    /// <summary>Impurity of a node whose class k has weight <c>classWeights[k]</c> and whose weights sum to <paramref name="total"/>.</summary>
    double Impurity(ReadOnlySpan<double> classWeights, double total);

    /// <summary>
    /// A quantity that is larger exactly when the split is better: -(w_L·I(left) + w_R·I(right)), where the right
    /// child's class weights are <c>nodeWeights[k] - leftWeights[k]</c> and its total <c>nodeTotal - leftTotal</c>.
    /// </summary>
    double ProxyImprovement(ReadOnlySpan<double> leftWeights, double leftTotal, ReadOnlySpan<double> nodeWeights, double nodeTotal);
}

/// <summary>An impurity measure over the (weighted) targets of a node, given through their sufficient statistics.</summary>
public interface IRegressionCriterion : ICriterion
{
    /// <summary>Impurity of a node with Σw = <paramref name="weight"/>, Σw·y = <paramref name="sum"/>, Σw·y² = <paramref name="sumOfSquares"/>.</summary>
    double Impurity(double sum, double sumOfSquares, double weight);

    /// <summary>A quantity that is larger exactly when the split is better (the impurity decrease up to terms that do not depend on the split).</summary>
    double ProxyImprovement(double leftSum, double leftWeight, double nodeSum, double nodeWeight);
}
