using Descent.Trees.Criteria;

namespace Descent.Trees;

/// <summary>
/// Grows classification trees. Node statistics are [Σw, Σw of class 0, …, Σw of class K-1]; the sweep adds each
/// row's weight to its class as the threshold moves right and scores every candidate with the criterion's proxy.
/// </summary>
internal sealed class ClassificationTreeBuilder : TreeBuilder
{
    private readonly int[] _classOf;
    private readonly IClassificationCriterion _criterion;
    private readonly int _classCount;
    private readonly double[] _left;

    public ClassificationTreeBuilder(SortedFeatures sorted, int[] classOf, int classCount, IClassificationCriterion criterion)
        : base(sorted, classCount + 1, classCount)
    {
        _classOf = classOf;
        _classCount = classCount;
        _criterion = criterion;
        _left = new double[classCount];
    }

    protected override void RootStats(ReadOnlySpan<double> weights, Span<double> stats)
    {
        stats.Clear();
        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i];
            if (w > 0.0)
            {
                stats[0] += w;
                stats[1 + _classOf[i]] += w;
            }
        }
    }

    protected override void SideStats(ReadOnlySpan<SortedEntry> entries, Span<double> stats)
    {
        stats.Clear();
        foreach (SortedEntry entry in entries)
        {
            double w = Weights[entry.Row];
            stats[0] += w;
            stats[1 + _classOf[entry.Row]] += w;
        }
    }

    protected override double Impurity(ReadOnlySpan<double> stats) => _criterion.Impurity(stats[1..], stats[0]);

    protected override void NodeValue(ReadOnlySpan<double> stats, Span<double> value) => stats[1..].CopyTo(value);

    protected override bool SearchFeature(ReadOnlySpan<SortedEntry> segment, ReadOnlySpan<double> stats, int minLeaf,
        ref double bestProxy, out int position, out double threshold)
    {
        Span<double> left = _left;
        left.Clear();
        ReadOnlySpan<double> node = stats[1..];
        double nodeWeight = stats[0], leftWeight = 0.0;
        double[] weights = Weights;
        int[] classOf = _classOf;
        position = -1;
        threshold = double.NaN;
        int last = segment.Length - minLeaf;
        for (int i = 0; i < last; i++)
        {
            int row = segment[i].Row;
            double w = weights[row];
            left[classOf[row]] += w;
            leftWeight += w;
            if (i + 1 < minLeaf)
                continue;
            double current = segment[i].Value, next = segment[i + 1].Value;
            if (next <= current + FeatureThreshold)
                continue;
            double proxy = _criterion.ProxyImprovement(left, leftWeight, node, nodeWeight);
            if (proxy > bestProxy)
            {
                bestProxy = proxy;
                position = i + 1;
                threshold = Midpoint(current, next);
            }
        }
        return position > 0;
    }
}
