using System.Text.Json.Nodes;
using Descent.Trees;

namespace Descent.Persistence.Formats;

/// <summary>
/// A tree as format version 1 wrote it, scikit-learn's <c>tree_</c> layout in JSON arrays:
/// <c>{"featureCount", "feature", "threshold", "left", "right", "impurity", "samples", "weightedSamples", "value": [[...]]}</c>,
/// a leaf having feature, left and right -1 and threshold 0. Reading checks that the children are the ones the
/// depth-first numbering implies, so an edited file cannot make prediction loop or index outside the tree.
/// </summary>
internal static class TreeJsonVersion1
{
    /// <summary>Reads the nodes of a tree on <paramref name="features"/> features with <paramref name="valueLength"/> values per node.</summary>
    public static Tree Read(ModelJsonReader reader, JsonObject json, string path, int valueLength, int features)
    {
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
        return new Tree(feature, threshold, right, flat, TreeStatistics.Pack(impurity, samples, weighted), valueLength, features);
    }
}
