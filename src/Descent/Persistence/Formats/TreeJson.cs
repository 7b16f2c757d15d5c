using System.Text.Json.Nodes;
using Descent.Numerics;
using Descent.Trees;

namespace Descent.Persistence.Formats;

/// <summary>
/// One <see cref="Tree"/> in a model file (format version 2): its nodes depth-first, left subtree before right, as
/// <c>{"featureCount", "nodeCount", "feature", "threshold", "impurity", "samples", "weightedSamples", "value"}</c>,
/// each array in the compact encoding of <see cref="JsonFormat.Encoded(double[])"/> (a JSON array of numbers is read
/// too). "feature" is -1 at a leaf, which is all the structure there is: a split's left child is the next node and
/// its right child the node after its left subtree, so no children are stored, and any sequence of marks either
/// forms one tree or is refused (<see cref="TreeStructure"/>). Thresholds are NaN at leaves (ignored on reading);
/// "value" holds nodeCount × (classes, or 1) numbers, node after node. Version-1 files (<see cref="TreeJsonVersion1"/>)
/// are still read.
/// </summary>
internal static class TreeJson
{
    /// <summary>The format version the tree and forest formats write.</summary>
    public const int FormatVersion = 2;

    public static JsonObject Write(Tree tree)
    {
        return new JsonObject
        {
            ["featureCount"] = tree.FeatureCount,
            ["nodeCount"] = tree.NodeCount,
            ["feature"] = JsonFormat.Encoded(tree.StoredFeatures),
            ["threshold"] = JsonFormat.Encoded(tree.NodeCount, tree.CopyThresholds),
            ["impurity"] = JsonFormat.Encoded(tree.Statistics.Impurity),
            ["samples"] = JsonFormat.Encoded(tree.Statistics.Samples),
            ["weightedSamples"] = JsonFormat.Encoded(tree.Statistics.WeightedSamples),
            ["value"] = JsonFormat.Encoded(tree.NodeCount * tree.ValueLength, tree.CopyValues),
        };
    }

    /// <summary>Reads a tree whose node values have <paramref name="valueLength"/> entries (classes, or 1).</summary>
    public static Tree Read(ModelJsonReader reader, JsonObject json, string path, int valueLength, int? featureCount = null)
    {
        int features = FormatFields.ReadCount(reader, json, "featureCount", path, 1);
        if (featureCount is int expected && features != expected)
            throw reader.Invalid($"{path}.featureCount", $"must be {expected}, as for the other trees");
        if (reader.FormatVersion < FormatVersion)
            return TreeJsonVersion1.Read(reader, json, path, valueLength, features);

        int n = FormatFields.ReadCount(reader, json, "nodeCount", path, 1);
        int[] feature = FormatFields.ReadIntegers(reader, json, "feature", path, -1, features - 1, n);
        int[] right = TreeStructure.RightChildren(feature, out string? problem)
            ?? throw reader.Invalid($"{path}.feature", $"does not describe one tree in depth-first order ({problem})");
        double[] threshold = reader.Encoded(json, "threshold", path, n) is { } packed
            ? reader.Unpack(packed, $"{path}.threshold", p => p.ToDoubles()) // NaN at leaves
            : reader.Numbers(json, "threshold", path, n);
        if (!MarkLeaves(feature, threshold))
        {
            int first = Enumerable.Range(0, n).First(i => feature[i] >= 0 && !double.IsFinite(threshold[i]));
            throw reader.Invalid($"{path}.threshold[{first}]", "must be a finite number");
        }
        var statistics = new TreeStatistics(Statistic(reader, json, "impurity", path, n, whole: false),
            Statistic(reader, json, "samples", path, n, whole: true), Statistic(reader, json, "weightedSamples", path, n, whole: false));
        long valueCount = (long)n * valueLength;
        if (valueCount > Array.MaxLength)
            throw reader.Invalid($"{path}.nodeCount", $"is too large for {valueLength} values per node");
        double[] values = reader.Numbers(json, "value", path, (int)valueCount);
        return new Tree(feature, threshold, right, values, statistics, valueLength, features);
    }

    /// <summary>
    /// threshold[i] = NaN at every leaf (feature[i] &lt; 0), written without branching on the node's kind (leaves and
    /// splits alternate unpredictably); false when a split's threshold is NaN or ±∞.
    /// </summary>
    private static bool MarkLeaves(ReadOnlySpan<int> feature, Span<double> threshold)
    {
        const long ExponentBits = 0x7FF0000000000000;
        long nanBits = BitConverter.DoubleToInt64Bits(double.NaN);
        int nonFinite = 0;
        for (int i = 0; i < feature.Length; i++)
        {
            long leafMask = feature[i] >> 31; // all ones at a leaf
            long bits = BitConverter.DoubleToInt64Bits(threshold[i]);
            nonFinite |= (int)~leafMask & ((bits & ExponentBits) == ExponentBits ? 1 : 0);
            threshold[i] = BitConverter.Int64BitsToDouble((bits & ~leafMask) | (nanBits & leafMask));
        }
        return nonFinite == 0;
    }

    /// <summary>
    /// A node statistic, checked by unpacking it once into a pooled buffer (finite numbers, or whole numbers &gt;= 0)
    /// and then kept packed as the file stored it (packed here when the file wrote a JSON array).
    /// </summary>
    private static PackedArray Statistic(ModelJsonReader reader, JsonObject json, string name, string path, int n, bool whole)
    {
        string where = $"{path}.{name}";
        if (reader.Encoded(json, name, path, n) is not { } stored)
            return whole
                ? PackedArray.Pack(FormatFields.ReadIntegers(reader, json, name, path, 0, int.MaxValue, n))
                : PackedArray.Pack(reader.Numbers(json, name, path, n));
        if (!whole || stored.IsInteger)
        {
            reader.Check(stored, where, integers: whole, min: 0);
            return stored;
        }
        return PackedArray.Pack(reader.Integers(stored, where, 0, int.MaxValue)); // whole numbers written as floats by hand
    }

    /// <summary>
    /// The trees of a forest, all with the same feature count, read on <see cref="Parallelism.MaxThreads"/> threads
    /// (unpacking and checking the arrays is most of a load); a damaged file is refused naming its first bad tree.
    /// </summary>
    public static Tree[] ReadForest(ModelJsonReader reader, JsonObject json, int valueLength)
    {
        var array = reader.Array(json, "trees", "model");
        if (array.Count == 0)
            throw reader.Invalid("model.trees", "must hold at least one tree");
        var objects = new JsonObject[array.Count];
        for (int t = 0; t < objects.Length; t++)
            objects[t] = array[t] as JsonObject ?? throw reader.Invalid($"model.trees[{t}]", "must be a JSON object");
        int features = FormatFields.ReadCount(reader, objects[0], "featureCount", "model.trees[0]", 1);
        var trees = new Tree[objects.Length];
        var errors = new Exception?[objects.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism.MaxThreads };
        Parallel.For(0, trees.Length, options, t =>
        {
            try
            {
                trees[t] = Read(reader, objects[t], $"model.trees[{t}]", valueLength, features);
            }
            catch (Exception e) when (e is DescentDataException or ArgumentException)
            {
                errors[t] = e;
            }
        });
        if (Array.Find(errors, e => e is not null) is { } first)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        return trees;
    }

    public static JsonArray WriteForest(IEnumerable<Tree> trees)
    {
        var array = new JsonArray();
        foreach (var tree in trees)
            array.Add(Write(tree));
        return array;
    }
}
