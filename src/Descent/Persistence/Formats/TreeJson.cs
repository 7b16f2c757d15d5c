using System.Text.Json.Nodes;
using Descent.Trees;

namespace Descent.Persistence.Formats;

/// <summary>
/// One <see cref="Tree"/> as parallel node arrays, scikit-learn's <c>tree_</c> layout:
/// <c>{"featureCount", "feature", "threshold", "left", "right", "impurity", "samples", "weightedSamples", "value": [[...]]}</c>.
/// A leaf has feature, left and right -1 and threshold 0 (NaN in memory; JSON has no NaN). Reading checks that the
/// nodes form one tree (children numbered after their parent, every node but the root the child of exactly one
/// node), so an edited file cannot make prediction loop or index outside the tree; parents and depths are recomputed.
/// </summary>
internal static class TreeJson
{
    public static JsonObject Write(Tree tree)
    {
        var nodes = tree.Nodes;
        var values = new JsonArray();
        for (int i = 0; i < nodes.Count; i++)
            values.Add(JsonFormat.Numbers(tree.Value(i).ToArray()));
        return new JsonObject
        {
            ["featureCount"] = tree.FeatureCount,
            ["feature"] = FormatFields.Integers(nodes.Select(n => n.Feature)),
            ["threshold"] = JsonFormat.Numbers(nodes.Select(n => n.IsLeaf ? 0.0 : n.Threshold)),
            ["left"] = FormatFields.Integers(nodes.Select(n => n.Left)),
            ["right"] = FormatFields.Integers(nodes.Select(n => n.Right)),
            ["impurity"] = JsonFormat.Numbers(nodes.Select(n => n.Impurity)),
            ["samples"] = FormatFields.Integers(nodes.Select(n => n.Samples)),
            ["weightedSamples"] = JsonFormat.Numbers(nodes.Select(n => n.WeightedSamples)),
            ["value"] = values,
        };
    }

    /// <summary>Reads a tree whose node values have <paramref name="valueLength"/> entries (classes, or 1).</summary>
    public static Tree Read(ModelJsonReader reader, JsonObject json, string path, int valueLength, int? featureCount = null)
    {
        int features = FormatFields.ReadCount(reader, json, "featureCount", path, 1);
        if (featureCount is int expected && features != expected)
            throw reader.Invalid($"{path}.featureCount", $"must be {expected}, as for the other trees");
        var feature = FormatFields.ReadIntegers(reader, json, "feature", path, -1, features - 1);
        int n = feature.Length;
        if (n == 0)
            throw reader.Invalid($"{path}.feature", "must describe at least one node");
        var threshold = reader.Numbers(json, "threshold", path, n);
        var left = FormatFields.ReadIntegers(reader, json, "left", path, -1, n - 1, n);
        var right = FormatFields.ReadIntegers(reader, json, "right", path, -1, n - 1, n);
        var impurity = reader.Numbers(json, "impurity", path, n);
        var samples = FormatFields.ReadIntegers(reader, json, "samples", path, 0, int.MaxValue, n);
        var weighted = reader.Numbers(json, "weightedSamples", path, n);
        var values = reader.NumberRows(json, "value", path, n, valueLength);

        var parent = new int[n];
        Array.Fill(parent, -1);
        var depth = new int[n];
        for (int i = 0; i < n; i++)
        {
            bool leaf = left[i] < 0;
            if (leaf != (right[i] < 0) || leaf != (feature[i] < 0))
                throw reader.Invalid($"{path}.left[{i}]", "together with right and feature, must mark a leaf (all -1) or a split (all set)");
            if (leaf)
                continue;
            foreach (int child in (ReadOnlySpan<int>)[left[i], right[i]])
            {
                if (child <= i || parent[child] >= 0 || left[i] == right[i])
                    throw reader.Invalid($"{path}.left[{i}]", "and right must name two later nodes that no other node names");
                parent[child] = i;
                depth[child] = depth[i] + 1;
            }
        }
        for (int i = 1; i < n; i++)
            if (parent[i] < 0)
                throw reader.Invalid($"{path}.left", $"names no parent for node {i}; the nodes do not form one tree");

        var nodes = new TreeNode[n];
        var flat = new double[n * valueLength];
        for (int i = 0; i < n; i++)
        {
            nodes[i] = new TreeNode
            {
                Feature = feature[i],
                Threshold = left[i] < 0 ? double.NaN : threshold[i],
                Left = left[i],
                Right = right[i],
                Parent = parent[i],
                Depth = depth[i],
                Impurity = impurity[i],
                Samples = samples[i],
                WeightedSamples = weighted[i],
            };
            values[i].CopyTo(flat, i * valueLength);
        }
        return new Tree(nodes, flat, valueLength, features);
    }

    /// <summary>The trees of a forest, all with the same feature count.</summary>
    public static Tree[] ReadForest(ModelJsonReader reader, JsonObject json, int valueLength)
    {
        var array = reader.Array(json, "trees", "model");
        if (array.Count == 0)
            throw reader.Invalid("model.trees", "must hold at least one tree");
        var trees = new Tree[array.Count];
        for (int t = 0; t < trees.Length; t++)
        {
            string path = $"model.trees[{t}]";
            var tree = array[t] as JsonObject ?? throw reader.Invalid(path, "must be a JSON object");
            trees[t] = Read(reader, tree, path, valueLength, t == 0 ? null : trees[0].FeatureCount);
        }
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
