using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Trees;

/// <summary>
/// Grows one tree depth-first, as scikit-learn's DepthFirstTreeBuilder with its BestSplitter: at each node the
/// features are drawn in random order (Fisher–Yates, skipping features known to be constant), each drawn feature's
/// sorted values are swept once with running statistics, and the best threshold (a midpoint between distinct
/// values) wins; ties go to the feature drawn first. The per-feature sorted lists are partitioned in place with
/// the node, so nothing is sorted or allocated per node. Subclasses supply the node statistics and the sweep.
/// One builder is reused for many trees on one thread.
/// </summary>
internal abstract class TreeBuilder
{
    /// <summary>scikit-learn's FEATURE_THRESHOLD: values closer than this are treated as equal.</summary>
    internal const double FeatureThreshold = 1e-7;

    /// <summary>numpy's float64 machine epsilon, scikit-learn's tolerance for a pure node and for min_impurity_decrease.</summary>
    private const double Epsilon = MachineEpsilon.Double;

    private readonly SortedFeatures _sorted;
    private SortedEntry[] _lists = [];
    private readonly SortedEntry[] _buffer;
    private readonly byte[] _goesLeft;
    private readonly int[] _features;
    private readonly int[] _constantFeatures;
    private readonly int _featureCount;
    private PendingNode[] _stack = new PendingNode[64];
    private double[] _stackStats;
    private readonly GrowingTree _tree;
    private int _rowCount;

    protected TreeBuilder(SortedFeatures sorted, int statsLength, int valueLength)
    {
        _sorted = sorted;
        _featureCount = sorted.FeatureCount;
        StatsLength = statsLength;
        _buffer = new SortedEntry[sorted.RowCount];
        _goesLeft = new byte[sorted.RowCount];
        _features = new int[_featureCount];
        _constantFeatures = new int[_featureCount];
        _stackStats = new double[64 * statsLength];
        _tree = new GrowingTree(valueLength, _featureCount);
    }

    /// <summary>The weight of each training row in the tree being grown (bootstrap counts in a forest, 1 otherwise).</summary>
    protected double[] Weights { get; private set; } = [];

    /// <summary>Doubles per node of sufficient statistics; element 0 is always the total weight.</summary>
    protected int StatsLength { get; }

    /// <summary>Statistics of the root over the rows with positive weight, in row order.</summary>
    protected abstract void RootStats(ReadOnlySpan<double> weights, Span<double> stats);

    /// <summary>Statistics of the rows in <paramref name="entries"/>.</summary>
    protected abstract void SideStats(ReadOnlySpan<SortedEntry> entries, Span<double> stats);

    /// <summary>The impurity of a node with statistics <paramref name="stats"/>.</summary>
    protected abstract double Impurity(ReadOnlySpan<double> stats);

    /// <summary>The stored value of a node (class weights, or the mean target).</summary>
    protected abstract void NodeValue(ReadOnlySpan<double> stats, Span<double> value);

    /// <summary>
    /// Sweeps one feature's sorted segment of a node. For every position between distinct values that leaves at least
    /// <paramref name="minLeaf"/> rows on each side, computes the criterion's proxy; when one beats
    /// <paramref name="bestProxy"/>, updates it and returns its position (rows left of it go left) and threshold.
    /// </summary>
    protected abstract bool SearchFeature(ReadOnlySpan<SortedEntry> segment, ReadOnlySpan<double> stats, int minLeaf,
        ref double bestProxy, out int position, out double threshold);

    /// <summary>Grows a tree on the rows whose weight is positive (a bootstrap's unsampled rows have weight 0).</summary>
    public Tree Build(double[] weights, TreeGrowth growth, Rng rng, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Weights = weights;
        int included = FillLists(weights);
        _rowCount = included;
        for (int f = 0; f < _featureCount; f++)
            _features[f] = f;
        _tree.Clear();
        int s = StatsLength;
        double[] currentStats = new double[s], leftStats = new double[s], rightStats = new double[s];
        RootStats(weights, currentStats);
        double rootWeight = currentStats[0];

        int top = 0;
        Push(ref top, new PendingNode(0, included, 0, -1, false, double.NaN, 0), currentStats);
        bool first = true;
        while (top > 0)
        {
            if ((_tree.Count & 1023) == 1023)
                cancellationToken.ThrowIfCancellationRequested();
            top--;
            PendingNode pending = _stack[top];
            _stackStats.AsSpan(top * s, s).CopyTo(currentStats);
            int start = pending.Start, end = pending.End, count = end - start;
            double impurity = first ? Impurity(currentStats) : pending.Impurity;
            first = false;

            bool isLeaf = pending.Depth >= growth.MaxDepth || count < growth.MinSamplesSplit
                || count < 2 * growth.MinSamplesLeaf || impurity <= Epsilon;
            int constantCount = pending.ConstantCount, feature = -1, position = end;
            double threshold = double.NaN, impurityLeft = 0, impurityRight = 0;
            if (!isLeaf)
            {
                FindSplit(start, end, currentStats, growth, rng, ref constantCount, out feature, out position, out threshold);
                if (position < end)
                {
                    SideStats(List(feature, start, position), leftStats);
                    for (int k = 0; k < s; k++)
                        rightStats[k] = currentStats[k] - leftStats[k];
                    impurityLeft = Impurity(leftStats);
                    impurityRight = Impurity(rightStats);
                    double weight = currentStats[0];
                    double improvement = weight / rootWeight
                        * (impurity - rightStats[0] / weight * impurityRight - leftStats[0] / weight * impurityLeft);
                    isLeaf = improvement + Epsilon < growth.MinImpurityDecrease;
                }
                else
                {
                    isLeaf = true;
                }
            }

            int id = _tree.Add(pending.Parent, pending.IsLeft, isLeaf ? -1 : feature, isLeaf ? double.NaN : threshold, impurity,
                count, currentStats[0], out Span<double> value);
            NodeValue(currentStats, value);
            if (!isLeaf)
            {
                Partition(start, position, end, feature, constantCount);
                Push(ref top, new PendingNode(position, end, pending.Depth + 1, id, false, impurityRight, constantCount), rightStats);
                Push(ref top, new PendingNode(start, position, pending.Depth + 1, id, true, impurityLeft, constantCount), leftStats);
            }
        }
        return _tree.ToTree();
    }

    /// <summary>
    /// scikit-learn's BestSplitter.node_split: draws up to MaxFeatures features without replacement (more while every
    /// drawn one is constant), records newly constant features for the children, and keeps the best split.
    /// </summary>
    private void FindSplit(int start, int end, ReadOnlySpan<double> stats, TreeGrowth growth, Rng rng,
        ref int constantCount, out int bestFeature, out int bestPosition, out double bestThreshold)
    {
        int[] features = _features;
        int unvisited = _featureCount, visited = 0, foundConstants = 0, drawnConstants = 0;
        int knownConstants = constantCount, totalConstants = knownConstants;
        double bestProxy = double.NegativeInfinity;
        bestFeature = -1;
        bestPosition = end;
        bestThreshold = double.NaN;
        while (unvisited > totalConstants
               && (visited < growth.MaxFeatures || visited <= foundConstants + drawnConstants))
        {
            visited++;
            int j = drawnConstants + rng.NextInt(unvisited - foundConstants - drawnConstants);
            if (j < knownConstants)
            {
                (features[drawnConstants], features[j]) = (features[j], features[drawnConstants]);
                drawnConstants++;
                continue;
            }
            j += foundConstants;
            int feature = features[j];
            ReadOnlySpan<SortedEntry> segment = List(feature, start, end);
            if (segment[^1].Value <= segment[0].Value + FeatureThreshold)
            {
                (features[j], features[totalConstants]) = (features[totalConstants], features[j]);
                foundConstants++;
                totalConstants++;
                continue;
            }
            unvisited--;
            (features[unvisited], features[j]) = (features[j], features[unvisited]);
            if (SearchFeature(segment, stats, growth.MinSamplesLeaf, ref bestProxy, out int position, out double threshold))
            {
                bestFeature = feature;
                bestPosition = start + position;
                bestThreshold = threshold;
            }
        }
        Array.Copy(_constantFeatures, 0, features, 0, knownConstants);
        Array.Copy(features, knownConstants, _constantFeatures, knownConstants, foundConstants);
        constantCount = totalConstants;
    }

    /// <summary>
    /// Splits every non-constant feature's list of the node into its left rows, then its right rows, each keeping
    /// its sorted order (a stable partition by the rows' side, read from the split feature's list).
    /// </summary>
    private void Partition(int start, int position, int end, int splitFeature, int constantCount)
    {
        byte[] goesLeft = _goesLeft;
        ReadOnlySpan<SortedEntry> split = List(splitFeature, start, end);
        int leftCount = position - start;
        for (int i = 0; i < split.Length; i++)
            goesLeft[split[i].Row] = i < leftCount ? (byte)1 : (byte)0;
        Span<SortedEntry> buffer = _buffer;
        for (int k = constantCount; k < _featureCount; k++)
        {
            int feature = _features[k];
            if (feature == splitFeature)
                continue;
            Span<SortedEntry> list = List(feature, start, end);
            int left = 0, right = 0;
            for (int i = 0; i < list.Length; i++)
            {
                SortedEntry entry = list[i];
                int side = goesLeft[entry.Row];
                list[left] = entry;
                buffer[right] = entry;
                left += side;
                right += 1 - side;
            }
            buffer[..right].CopyTo(list[left..]);
        }
    }

    /// <summary>
    /// Copies each feature's sorted list, keeping only rows with positive weight; returns their number. The lists
    /// take as many rows as the tree includes (a bootstrap sample holds about 63 % of them), plus n/64 to spare so
    /// that the next sample, which may include a few more, still fits.
    /// </summary>
    private int FillLists(double[] weights)
    {
        int n = _sorted.RowCount, included = 0;
        for (int i = 0; i < n; i++)
        {
            if (weights[i] > 0.0)
                included++;
        }
        if (_lists.Length < (long)included * _featureCount)
            _lists = new SortedEntry[(long)Math.Min(n, included + n / 64) * _featureCount];
        SortedEntry[] source = _sorted.Entries;
        for (int f = 0; f < _featureCount; f++)
        {
            if (included == n)
            {
                Array.Copy(source, (long)f * n, _lists, (long)f * n, n);
                continue;
            }
            int target = f * included;
            for (int i = f * n, last = i + n; i < last; i++)
            {
                SortedEntry entry = source[i];
                if (weights[entry.Row] > 0.0)
                    _lists[target++] = entry;
            }
        }
        return included;
    }

    /// <summary>scikit-learn's threshold: a/2 + b/2 (no overflow), or a when that rounds up to b or overflows.</summary>
    internal static double Midpoint(double a, double b)
    {
        double mid = a / 2.0 + b / 2.0;
        return mid == b || double.IsInfinity(mid) ? a : mid;
    }

    private Span<SortedEntry> List(int feature, int start, int end) =>
        _lists.AsSpan(feature * _rowCount + start, end - start);

    private void Push(ref int top, PendingNode node, ReadOnlySpan<double> stats)
    {
        if (top == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
            Array.Resize(ref _stackStats, _stackStats.Length * 2);
        }
        _stack[top] = node;
        stats.CopyTo(_stackStats.AsSpan(top * StatsLength, StatsLength));
        top++;
    }

    private readonly record struct PendingNode(int Start, int End, int Depth, int Parent, bool IsLeft, double Impurity, int ConstantCount);
}
