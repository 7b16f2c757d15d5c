using System.Runtime.CompilerServices;

namespace Descent.Trees;

/// <summary>
/// The structure of a fitted decision tree, open for inspection and drawing: its <see cref="Nodes"/> (feature,
/// threshold, impurity, samples, children) and each node's <see cref="Value"/>, the weighted class counts for a
/// classification tree or the mean target for a regression tree (scikit-learn 1.2's <c>tree_.value</c>). Immutable.
/// </summary>
public sealed class Tree
{
    private readonly TreeNode[] _nodes;
    private readonly double[] _values;

    internal Tree(TreeNode[] nodes, double[] values, int valueLength, int featureCount)
    {
        _nodes = nodes;
        _values = values;
        ValueLength = valueLength;
        FeatureCount = featureCount;
        int depth = 0, leaves = 0;
        foreach (TreeNode node in nodes)
        {
            depth = Math.Max(depth, node.Depth);
            if (node.IsLeaf)
                leaves++;
        }
        Depth = depth;
        LeafCount = leaves;
    }

    /// <summary>The nodes, depth-first (left before right); the root is node 0.</summary>
    public IReadOnlyList<TreeNode> Nodes => _nodes;

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Number of leaves.</summary>
    public int LeafCount { get; }

    /// <summary>The longest root-to-leaf path in edges (scikit-learn's <c>get_depth()</c>; a single leaf has depth 0).</summary>
    public int Depth { get; }

    /// <summary>Number of features the tree was fitted on.</summary>
    public int FeatureCount { get; }

    /// <summary>Length of each node's value: the number of classes, or 1 for a regression tree.</summary>
    public int ValueLength { get; }

    /// <summary>The value of node <paramref name="node"/>: weighted class counts (classification) or the mean target (regression).</summary>
    public ReadOnlySpan<double> Value(int node)
    {
        if ((uint)node >= (uint)_nodes.Length)
            throw new ArgumentOutOfRangeException(nameof(node), node, $"Tree.Value: node {node} is outside [0, {_nodes.Length}).");
        return _values.AsSpan(node * ValueLength, ValueLength);
    }

    /// <summary>
    /// Impurity-based feature importances (mean decrease in impurity): for every split node,
    /// w_t·I_t - w_L·I_L - w_R·I_R is credited to its feature, divided by the root's weight, then normalised to sum to 1
    /// (all zeros for a single-leaf tree), as scikit-learn's <c>feature_importances_</c>.
    /// </summary>
    public double[] FeatureImportances()
    {
        double[] importances = UnnormalizedImportances();
        double sum = 0.0;
        foreach (double v in importances)
            sum += v;
        if (sum > 0.0)
        {
            for (int f = 0; f < importances.Length; f++)
                importances[f] /= sum;
        }
        return importances;
    }

    /// <summary>For each row of <paramref name="x"/>, the index of the leaf it falls into (scikit-learn's <c>apply</c>).</summary>
    public int[] Apply(Numerics.Matrix<double> x)
    {
        FeatureRows rows = FeatureRows.From(x, FeatureCount, "Tree.Apply");
        var leaves = new int[rows.Count];
        for (int i = 0; i < leaves.Length; i++)
            leaves[i] = Leaf(rows.Row(i));
        return leaves;
    }

    internal double[] UnnormalizedImportances()
    {
        var importances = new double[FeatureCount];
        foreach (TreeNode node in _nodes)
        {
            if (node.IsLeaf)
                continue;
            TreeNode left = _nodes[node.Left], right = _nodes[node.Right];
            importances[node.Feature] += node.WeightedSamples * node.Impurity
                - left.WeightedSamples * left.Impurity - right.WeightedSamples * right.Impurity;
        }
        double rootWeight = _nodes[0].WeightedSamples;
        for (int f = 0; f < importances.Length; f++)
            importances[f] /= rootWeight;
        return importances;
    }

    /// <summary>The leaf reached by one row (features as float32, compared in double as scikit-learn does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Leaf(ReadOnlySpan<float> row)
    {
        TreeNode[] nodes = _nodes;
        int index = 0;
        while (true)
        {
            ref readonly TreeNode node = ref nodes[index];
            if (node.Left < 0)
                return index;
            index = row[node.Feature] <= node.Threshold ? node.Left : node.Right;
        }
    }

    internal ReadOnlySpan<double> LeafValue(ReadOnlySpan<float> row) => _values.AsSpan(Leaf(row) * ValueLength, ValueLength);
}
