namespace Descent.Trees;

/// <summary>
/// One node of a fitted tree, read from its <see cref="Tree"/>'s flat arrays (scikit-learn's <c>tree_</c> arrays, one
/// row). A split node sends a row left when <c>x[Feature] &lt;= Threshold</c> and right otherwise; a leaf has
/// <see cref="Feature"/> = -1 and no children. Nodes are numbered depth-first, left before right, the root being 0,
/// as in scikit-learn.
/// </summary>
public readonly record struct TreeNode
{
    /// <summary>The feature tested at this node, or -1 at a leaf.</summary>
    public int Feature { get; init; }

    /// <summary>The split threshold (a midpoint between two training values), or NaN at a leaf.</summary>
    public double Threshold { get; init; }

    /// <summary>Index of the child for rows with x[Feature] &lt;= Threshold, or -1 at a leaf.</summary>
    public int Left { get; init; }

    /// <summary>Index of the child for rows with x[Feature] &gt; Threshold, or -1 at a leaf.</summary>
    public int Right { get; init; }

    /// <summary>Index of the parent, or -1 at the root.</summary>
    public int Parent { get; init; }

    /// <summary>Distance from the root (the root has depth 0).</summary>
    public int Depth { get; init; }

    /// <summary>The node's impurity under the tree's criterion (Gini, entropy in bits, or MSE).</summary>
    public double Impurity { get; init; }

    /// <summary>Number of distinct training rows that reached the node.</summary>
    public int Samples { get; init; }

    /// <summary>Total sample weight that reached the node (equals <see cref="Samples"/> without weights or bootstrap).</summary>
    public double WeightedSamples { get; init; }

    /// <summary>True when the node does not split.</summary>
    public bool IsLeaf => Left < 0;
}
