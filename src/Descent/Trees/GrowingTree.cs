namespace Descent.Trees;

/// <summary>
/// The nodes of the tree being grown, in arrays that grow by doubling and are reused for every tree a builder grows;
/// <see cref="ToTree"/> copies the finished tree into arrays of its exact size and packs its statistics. Nodes must be added depth-first, left
/// subtree before right, so that a split's left child is the node added right after it.
/// </summary>
internal sealed class GrowingTree(int valueLength, int featureCount)
{
    private int[] _feature = new int[64];
    private double[] _threshold = new double[64];
    private int[] _right = new int[64];
    private double[] _impurity = new double[64];
    private int[] _samples = new int[64];
    private double[] _weightedSamples = new double[64];
    private double[] _values = new double[64 * valueLength];

    /// <summary>Number of nodes added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Forgets the nodes (keeps the arrays).</summary>
    public void Clear() => Count = 0;

    /// <summary>
    /// Adds a node (feature -1 and threshold NaN for a leaf) as the left or right child of <paramref name="parent"/>
    /// (-1 for the root); returns its index. <paramref name="value"/> receives the node's value.
    /// </summary>
    public int Add(int parent, bool isLeft, int feature, double threshold, double impurity, int samples, double weightedSamples,
        out Span<double> value)
    {
        if (Count == _feature.Length)
            Grow();
        int id = Count++;
        if (parent >= 0 && !isLeft)
            _right[parent] = id;
        else if (parent >= 0 && id != parent + 1)
            throw new InvalidOperationException($"GrowingTree: left child {id} of node {parent} is not added depth-first.");
        _feature[id] = feature;
        _threshold[id] = threshold;
        _right[id] = -1;
        _impurity[id] = impurity;
        _samples[id] = samples;
        _weightedSamples[id] = weightedSamples;
        value = _values.AsSpan(id * valueLength, valueLength);
        return id;
    }

    /// <summary>The nodes added so far as an immutable tree.</summary>
    public Tree ToTree()
    {
        int n = Count;
        var statistics = TreeStatistics.Pack(_impurity.AsSpan(0, n), _samples.AsSpan(0, n), _weightedSamples.AsSpan(0, n));
        return new Tree(_feature.AsSpan(0, n), _threshold[..n], _right.AsSpan(0, n), _values.AsSpan(0, n * valueLength), statistics, valueLength, featureCount);
    }

    private void Grow()
    {
        int capacity = _feature.Length * 2;
        Array.Resize(ref _feature, capacity);
        Array.Resize(ref _threshold, capacity);
        Array.Resize(ref _right, capacity);
        Array.Resize(ref _impurity, capacity);
        Array.Resize(ref _samples, capacity);
        Array.Resize(ref _weightedSamples, capacity);
        Array.Resize(ref _values, capacity * valueLength);
    }
}
