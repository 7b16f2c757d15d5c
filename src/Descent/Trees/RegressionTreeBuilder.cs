using Descent.Trees.Criteria;

namespace Descent.Trees;

/// <summary>
/// Grows regression trees. Node statistics are [Σw, Σw·y, Σw·y²]; the sweep keeps the running Σw and Σw·y of the
/// left side and scores each candidate with the criterion's proxy.
/// </summary>
internal sealed class RegressionTreeBuilder : TreeBuilder
{
    private readonly double[] _y;
    private readonly IRegressionCriterion _criterion;

    public RegressionTreeBuilder(SortedFeatures sorted, double[] y, IRegressionCriterion criterion)
        : base(sorted, 3, 1)
    {
        _y = y;
        _criterion = criterion;
    }

    protected override void RootStats(ReadOnlySpan<double> weights, Span<double> stats)
    {
        double total = 0.0, sum = 0.0, squares = 0.0;
        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i];
            if (w > 0.0)
            {
                double wy = w * _y[i];
                total += w;
                sum += wy;
                squares += wy * _y[i];
            }
        }
        stats[0] = total;
        stats[1] = sum;
        stats[2] = squares;
    }

    protected override void SideStats(ReadOnlySpan<SortedEntry> entries, Span<double> stats)
    {
        double total = 0.0, sum = 0.0, squares = 0.0;
        foreach (SortedEntry entry in entries)
        {
            double w = Weights[entry.Row], y = _y[entry.Row];
            total += w;
            sum += w * y;
            squares += w * y * y;
        }
        stats[0] = total;
        stats[1] = sum;
        stats[2] = squares;
    }

    protected override double Impurity(ReadOnlySpan<double> stats) => _criterion.Impurity(stats[1], stats[2], stats[0]);

    protected override void NodeValue(ReadOnlySpan<double> stats, Span<double> value) => value[0] = stats[1] / stats[0];

    protected override bool SearchFeature(ReadOnlySpan<SortedEntry> segment, ReadOnlySpan<double> stats, int minLeaf,
        ref double bestProxy, out int position, out double threshold)
    {
        double nodeWeight = stats[0], nodeSum = stats[1], leftWeight = 0.0, leftSum = 0.0;
        double[] weights = Weights, y = _y;
        position = -1;
        threshold = double.NaN;
        int last = segment.Length - minLeaf;
        for (int i = 0; i < last; i++)
        {
            int row = segment[i].Row;
            double w = weights[row];
            leftSum += w * y[row];
            leftWeight += w;
            if (i + 1 < minLeaf)
                continue;
            double current = segment[i].Value, next = segment[i + 1].Value;
            if (next <= current + FeatureThreshold)
                continue;
            double proxy = _criterion.ProxyImprovement(leftSum, leftWeight, nodeSum, nodeWeight);
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
