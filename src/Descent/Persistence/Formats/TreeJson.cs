using System.Text.Json.Nodes;
using Descent.Trees;

namespace Descent.Persistence.Formats;

/// <summary>
/// One <see cref="Tree"/> as parallel node arrays, scikit-learn's <c>tree_</c> layout:
/// <c>{"featureCount", "feature", "threshold", "left", "right", "impurity", "samples", "weightedSamples", "value": [[...]]}</c>.
/// A leaf has feature, left and right -1 and threshold 0 (NaN in memory; JSON has no NaN). Reading checks that the
/// nodes form one tree numbered depth-first (a split's left child is the next node, its right child the node after
/// the left subtree), so an edited file cannot make prediction loop or index outside the tree.
/// </summary>
internal static class TreeJson
{
    public static JsonObject Write(Tree tree)
    {
        int n = tree.NodeCount;
        var values = new JsonArray();
        for (int i = 0; i < n; i++)
            values.Add(JsonFormat.Numbers(tree.Value(i).ToArray()));
        var left = new int[n];
        var threshold = tree.Threshold.ToArray();
        for (int i = 0; i < n; i++)
        {
            left[i] = tree.LeftChild(i);
            if (left[i] < 0)
                threshold[i] = 0.0;
        }
        return new JsonObject
        {
            ["featureCount"] = tree.FeatureCount,
            ["feature"] = FormatFields.Integers(tree.Feature.ToArray()),
            ["threshold"] = JsonFormat.Numbers(threshold),
            ["left"] = FormatFields.Integers(left),
            ["right"] = FormatFields.Integers(tree.RightChild.ToArray()),
            ["impurity"] = JsonFormat.Numbers(tree.Impurity.ToArray()),
            ["samples"] = FormatFields.Integers(tree.Samples.ToArray()),
            ["weightedSamples"] = JsonFormat.Numbers(tree.WeightedSamples.ToArray()),
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

        for (int i = 0; i < n; i++)
        {
            bool leaf = left[i] < 0;
            if (leaf != (right[i] < 0) || leaf != (feature[i] < 0))
                throw reader.Invalid($"{path}.left[{i}]", "together with right and feature, must mark a leaf (all -1) or a split (all set)");
            if (!leaf && left[i] != i + 1)
                throw reader.Invalid($"{path}.left[{i}]", $"must be {i + 1}: nodes are numbered depth-first, so a split's left child is the next node");
        }
        int[] children = TreeStructure.RightChildren(feature, out string? problem)
            ?? throw reader.Invalid($"{path}.feature", $"does not describe one tree in depth-first order ({problem})");
        for (int i = 0; i < n; i++)
        {
            if (right[i] != children[i])
                throw reader.Invalid($"{path}.right[{i}]", $"must be {children[i]}, the node after node {i}'s left subtree");
            if (feature[i] < 0)
                threshold[i] = double.NaN;
        }
        var flat = new double[n * valueLength];
        for (int i = 0; i < n; i++)
            values[i].CopyTo(flat, i * valueLength);
        return new Tree(feature, threshold, right, impurity, samples, weighted, flat, valueLength, features);
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
