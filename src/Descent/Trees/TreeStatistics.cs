using Descent.Numerics;

namespace Descent.Trees;

/// <summary>
/// What fitting learned about each node of a tree beyond what prediction reads: its impurity, its number of distinct
/// training rows and their total weight (scikit-learn's <c>impurity</c>, <c>n_node_samples</c> and
/// <c>weighted_n_node_samples</c>). They serve importances, drawings and explanations, so they are kept packed
/// (<see cref="PackedArray"/>: about 5 bytes a node instead of 20 in a full-depth forest) and unpacked the first time
/// they are read; importances unpack them into pooled buffers without keeping them.
/// </summary>
internal sealed class TreeStatistics
{
    private Unpacked? _unpacked;

    public TreeStatistics(PackedArray impurity, PackedArray samples, PackedArray weightedSamples)
    {
        Impurity = impurity;
        Samples = samples;
        WeightedSamples = weightedSamples;
    }

    /// <summary>Packs the statistics of a tree just grown.</summary>
    public static TreeStatistics Pack(ReadOnlySpan<double> impurity, ReadOnlySpan<int> samples, ReadOnlySpan<double> weightedSamples) =>
        new(PackedArray.Pack(impurity), PackedArray.Pack(samples), PackedArray.Pack(weightedSamples));

    /// <summary>The packed impurities (doubles).</summary>
    public PackedArray Impurity { get; }

    /// <summary>The packed row counts (integers).</summary>
    public PackedArray Samples { get; }

    /// <summary>The packed total weights (doubles, usually whole numbers).</summary>
    public PackedArray WeightedSamples { get; }

    /// <summary>The unpacked statistics, kept once asked for (a race only unpacks twice).</summary>
    public Unpacked Values => _unpacked ??= Unpack();

    /// <summary>The unpacked statistics when something has read them, else null.</summary>
    public Unpacked? IfUnpacked => _unpacked;

    private Unpacked Unpack() => new(Impurity.ToDoubles(), Samples.ToIntegers(), WeightedSamples.ToDoubles());

    /// <summary>The statistics as plain arrays, one entry per node.</summary>
    public sealed record Unpacked(double[] Impurity, int[] Samples, double[] WeightedSamples);
}
