using System.Buffers;

namespace Descent.Trees;

/// <summary>
/// A fitted decision tree as flat arrays, one entry per node (scikit-learn 1.2's <c>tree_</c> arrays, no object per
/// node). Nodes are numbered depth-first, left subtree before right, the root being 0, so the left child of a split
/// node i is always node i + 1 and only the right child needs storing. A split sends a row left when
/// <c>x[Feature[i]] &lt;= Threshold[i]</c> and right otherwise; a leaf has <c>Feature[i] = -1</c>. Node i's value,
/// the weighted class counts (classification) or the mean target (regression), is
/// <c>Values[i·ValueLength .. (i+1)·ValueLength)</c> (<see cref="Value"/>). A regression tree stores each leaf's
/// value in the leaf's threshold slot, which a leaf does not use, and only the split nodes' values beside: a
/// full-depth tree is half leaves, so this saves 8 bytes a leaf; <see cref="Threshold"/> and <see cref="Values"/>
/// are then built on their first read. Impurity, Samples and WeightedSamples, which prediction does not read, are
/// kept packed until first read. <see cref="Nodes"/> gives the same data one node at a time. Immutable.
/// </summary>
public sealed partial class Tree
{
    private readonly NodeFeatures _feature;
    private int[]? _featureView;

    /// <summary>A split's threshold; at a leaf, NaN in a classification tree and the leaf's value in a regression tree.</summary>
    private readonly double[] _threshold;
    private double[]? _thresholdView;
    private readonly RightChildren _right;
    private int[]? _rightView;

    /// <summary>Every node's class weights (classification), or the split nodes' values in node order (regression).</summary>
    private readonly double[] _values;
    private double[]? _valuesView;

    /// <summary>
    /// A tree over arrays that are already known to describe one depth-first tree (the builder's output, or a model
    /// file's after <c>TreeStructure</c> checked it); the features and right children are kept narrowed
    /// (<see cref="NodeFeatures"/>, <see cref="RightChildren"/>). <paramref name="threshold"/> (NaN at leaves) is
    /// kept, not copied: a regression tree writes its leaves' values into it. <paramref name="values"/>, every
    /// node's, is copied (a regression tree's split nodes' only).
    /// </summary>
    internal Tree(ReadOnlySpan<int> feature, double[] threshold, ReadOnlySpan<int> right, ReadOnlySpan<double> values, TreeStatistics statistics,
        int valueLength, int featureCount)
    {
        _feature = NodeFeatures.From(feature, featureCount);
        _right = RightChildren.From(right);
        Statistics = statistics;
        ValueLength = valueLength;
        FeatureCount = featureCount;
        (Depth, LeafCount) = Shape(feature);
        _threshold = threshold;
        if (!LeafValuesInThreshold)
        {
            _values = values.ToArray();
            return;
        }
        _values = new double[feature.Length - LeafCount];
        for (int node = 0, split = 0; node < feature.Length; node++)
        {
            if (feature[node] < 0)
                threshold[node] = values[node];
            else
                _values[split++] = values[node];
        }
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _feature.Count;

    /// <summary>Number of leaves.</summary>
    public int LeafCount { get; }

    /// <summary>The longest root-to-leaf path in edges (scikit-learn's <c>get_depth()</c>; a single leaf has depth 0).</summary>
    public int Depth { get; }

    /// <summary>Number of features the tree was fitted on.</summary>
    public int FeatureCount { get; }

    /// <summary>Length of each node's value: the number of classes, or 1 for a regression tree.</summary>
    public int ValueLength { get; }

    /// <summary>
    /// The feature tested at each node, or -1 at a leaf (scikit-learn's <c>tree_.feature</c>); the tree keeps them in
    /// a narrower type and widens them on the first read.
    /// </summary>
    public ReadOnlySpan<int> Feature => _featureView ??= _feature.ToIntegers();

    /// <summary>
    /// The split threshold of each node (a midpoint between two training values), NaN at a leaf; a regression tree
    /// builds this array on the first read (its leaves' slots hold their values).
    /// </summary>
    public ReadOnlySpan<double> Threshold => LeafValuesInThreshold ? _thresholdView ??= Thresholds() : _threshold;

    /// <summary>The right child of each node (rows with x[Feature] &gt; Threshold), -1 at a leaf; the left child of split node i is i + 1.</summary>
    public ReadOnlySpan<int> RightChild => _rightView ??= _right.ToIntegers();

    /// <summary>The impurity of each node under the tree's criterion (Gini, entropy in bits, or MSE).</summary>
    public ReadOnlySpan<double> Impurity => Statistics.Values.Impurity;

    /// <summary>The number of distinct training rows that reached each node (scikit-learn's <c>n_node_samples</c>).</summary>
    public ReadOnlySpan<int> Samples => Statistics.Values.Samples;

    /// <summary>The total sample weight that reached each node (bootstrap draws in a forest; scikit-learn's <c>weighted_n_node_samples</c>).</summary>
    public ReadOnlySpan<double> WeightedSamples => Statistics.Values.WeightedSamples;

    /// <summary>
    /// Every node's value, node after node, <see cref="ValueLength"/> numbers each (scikit-learn's <c>tree_.value</c>);
    /// a regression tree builds this array on the first read (it stores its leaves' values and its splits' apart).
    /// </summary>
    public ReadOnlySpan<double> Values => LeafValuesInThreshold ? _valuesView ??= AllValues() : _values;

    /// <summary>
    /// The value of node <paramref name="node"/>: weighted class counts (classification) or the mean target
    /// (regression). A regression tree's leaf is read where it is stored, without building <see cref="Values"/>.
    /// </summary>
    public ReadOnlySpan<double> Value(int node)
    {
        CheckNode(node, nameof(Value));
        if (!LeafValuesInThreshold)
            return _values.AsSpan(node * ValueLength, ValueLength);
        return _feature[node] < 0 ? _threshold.AsSpan(node, 1) : Values.Slice(node, 1);
    }

    /// <summary>The left child of <paramref name="node"/> (rows with x[Feature] &lt;= Threshold): node + 1, or -1 at a leaf.</summary>
    public int LeftChild(int node)
    {
        CheckNode(node, nameof(LeftChild));
        return _feature[node] < 0 ? -1 : node + 1;
    }

    /// <summary>True when <paramref name="node"/> does not split.</summary>
    public bool IsLeaf(int node)
    {
        CheckNode(node, nameof(IsLeaf));
        return _feature[node] < 0;
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
        Leaves(rows, 0, leaves);
        return leaves;
    }

    internal double[] UnnormalizedImportances()
    {
        int n = _feature.Count;
        double[]? rentedImpurity = null, rentedWeights = null;
        ReadOnlySpan<double> impurity, weighted;
        if (Statistics.IfUnpacked is { } unpacked)
        {
            impurity = unpacked.Impurity;
            weighted = unpacked.WeightedSamples;
        }
        else
        {
            // a forest's trees: unpack into pooled buffers rather than keep or allocate the statistics
            rentedImpurity = ArrayPool<double>.Shared.Rent(n);
            rentedWeights = ArrayPool<double>.Shared.Rent(n);
            Statistics.Impurity.CopyTo(rentedImpurity);
            Statistics.WeightedSamples.CopyTo(rentedWeights);
            impurity = rentedImpurity.AsSpan(0, n);
            weighted = rentedWeights.AsSpan(0, n);
        }
        var importances = new double[FeatureCount];
        for (int node = 0; node < n; node++)
        {
            int feature = _feature[node];
            if (feature < 0)
                continue;
            int left = node + 1, right = _right[node];
            importances[feature] += weighted[node] * impurity[node]
                - weighted[left] * impurity[left] - weighted[right] * impurity[right];
        }
        double rootWeight = weighted[0];
        for (int f = 0; f < importances.Length; f++)
            importances[f] /= rootWeight;
        if (rentedImpurity is not null)
        {
            ArrayPool<double>.Shared.Return(rentedImpurity);
            ArrayPool<double>.Shared.Return(rentedWeights!);
        }
        return importances;
    }

    /// <summary>The node statistics, packed.</summary>
    internal TreeStatistics Statistics { get; }

    /// <summary>The node features as stored, for writing a model file without a second copy of them.</summary>
    internal NodeFeatures StoredFeatures => _feature;

    /// <summary>
    /// A regression tree's leaf values by node: entry i is leaf i's value (what prediction reads; a split's entry is
    /// its threshold). Not built: the array the tree stores.
    /// </summary>
    internal ReadOnlySpan<double> LeafValues => LeafValuesInThreshold
        ? _threshold
        : throw new InvalidOperationException("Tree.LeafValues: a classification tree's leaves hold class weights; read Value(node).");

    /// <summary>The numbers the tree stores for its thresholds and values (a regression tree stores a leaf's value once).</summary>
    internal long StoredNumbers => (long)_threshold.Length + _values.Length;

    /// <summary>Writes <see cref="Threshold"/> into <paramref name="destination"/> (<see cref="NodeCount"/> long) without building it.</summary>
    internal void CopyThresholds(Span<double> destination)
    {
        _threshold.CopyTo(destination);
        if (!LeafValuesInThreshold)
            return;
        for (int node = 0; node < _threshold.Length; node++)
        {
            if (_feature[node] < 0)
                destination[node] = double.NaN;
        }
    }

    /// <summary>Writes <see cref="Values"/> into <paramref name="destination"/> (<see cref="NodeCount"/> × <see cref="ValueLength"/> long) without building it.</summary>
    internal void CopyValues(Span<double> destination)
    {
        if (!LeafValuesInThreshold)
        {
            _values.CopyTo(destination);
            return;
        }
        for (int node = 0, split = 0; node < _threshold.Length; node++)
            destination[node] = _feature[node] < 0 ? _threshold[node] : _values[split++];
    }

    /// <summary>True when a node's value is one number (a regression tree, or a classifier that saw one class): a leaf's is kept in its threshold slot.</summary>
    private bool LeafValuesInThreshold => ValueLength == 1;

    private double[] Thresholds()
    {
        var thresholds = new double[_threshold.Length];
        CopyThresholds(thresholds);
        return thresholds;
    }

    private double[] AllValues()
    {
        var values = new double[_threshold.Length];
        CopyValues(values);
        return values;
    }

    private void CheckNode(int node, string operation)
    {
        if ((uint)node >= (uint)_feature.Count)
            throw new ArgumentOutOfRangeException(nameof(node), node, $"Tree.{operation}: node {node} is outside [0, {_feature.Count}).");
    }

    /// <summary>The depth and leaf count of a depth-first tree, walked with a stack of the depths still to visit.</summary>
    private static (int Depth, int Leaves) Shape(ReadOnlySpan<int> feature)
    {
        // pending[1..top]: the depths of the right children still to come; pending[0] = 0 is what a leaf after the
        // last of them returns to. Leaves and splits alternate unpredictably, so no branch on a node's kind.
        int[] pending = ArrayPool<int>.Shared.Rent(feature.Length + 1);
        pending[0] = 0;
        int top = 0, depth = 0, deepest = 0, leaves = 0;
        foreach (int f in feature)
        {
            deepest = Math.Max(deepest, depth);
            int leaf = (int)((uint)f >> 31), leafMask = -leaf; // 1 and all ones at a leaf, 0 at a split
            pending[top + 1] = depth + 1;                      // a split's right child (unused after a leaf)
            int resumed = pending[top];                        // where a leaf hands over (unused after a split)
            depth = depth + 1 + ((resumed - depth - 1) & leafMask);
            top += 1 - 2 * leaf;
            top &= ~(top >> 31);                               // the last leaf finds only pending[0]
            leaves += leaf;
        }
        ArrayPool<int>.Shared.Return(pending);
        return (deepest, leaves);
    }
}
