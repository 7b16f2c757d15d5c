using System.Globalization;
using System.Text;
using Descent.Numerics.Kernels;

namespace Descent.Trees;

/// <summary>
/// A fitted tree as indented text rules, in the exact format of scikit-learn's <c>export_text</c>:
/// "|--- petal_width &lt;= 0.80" / "|--- petal_width &gt;  0.80" for each split, and "|--- class: 0" (classification)
/// or "|--- value: [12.34]" (regression) at each leaf; branches deeper than <c>maxDepth</c> are summarised as
/// "truncated branch of depth d".
/// </summary>
internal static class TreeText
{
    private const int Spacing = 3;

    /// <summary>Renders <paramref name="tree"/>. <paramref name="classes"/> is null for a regression tree.</summary>
    public static string Render(Tree tree, IReadOnlyList<Label>? classes, IReadOnlyList<string>? featureNames,
        int maxDepth, int decimals, bool showWeights, string operation)
    {
        if (maxDepth < 0)
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, $"{operation}: maxDepth must be >= 0, got {maxDepth}.");
        if (decimals < 0)
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, $"{operation}: decimals must be >= 0, got {decimals}.");
        if (featureNames is not null && featureNames.Count != tree.FeatureCount)
            throw new ArgumentException(
                $"{operation}: {featureNames.Count} feature names were given, but the tree has {tree.FeatureCount} features.", nameof(featureNames));
        var text = new StringBuilder();
        var writer = new Writer(tree, classes, featureNames, maxDepth, "F" + decimals.ToString(CultureInfo.InvariantCulture), showWeights, text);
        writer.Write(0, 1);
        return text.ToString();
    }

    private sealed record Writer(Tree Tree, IReadOnlyList<Label>? Classes, IReadOnlyList<string>? FeatureNames,
        int MaxDepth, string Format, bool ShowWeights, StringBuilder Text)
    {
        public void Write(int index, int depth)
        {
            string indent = Indent(depth);
            TreeNode node = Tree.Nodes[index];
            if (depth > MaxDepth + 1)
            {
                int subtreeDepth = SubtreeDepth(index);
                if (subtreeDepth == 1)
                    Leaf(index, indent);
                else
                    Text.Append(indent).Append(" truncated branch of depth ").Append(subtreeDepth.ToString(CultureInfo.InvariantCulture)).Append('\n');
                return;
            }
            if (node.IsLeaf)
            {
                Leaf(index, indent);
                return;
            }
            string name = FeatureNames is null ? "feature_" + node.Feature.ToString(CultureInfo.InvariantCulture) : FeatureNames[node.Feature];
            string threshold = Number(node.Threshold);
            Text.Append(indent).Append(' ').Append(name).Append(" <= ").Append(threshold).Append('\n');
            Write(node.Left, depth + 1);
            Text.Append(indent).Append(' ').Append(name).Append(" >  ").Append(threshold).Append('\n');
            Write(node.Right, depth + 1);
        }

        private void Leaf(int index, string indent)
        {
            ReadOnlySpan<double> value = Tree.Value(index);
            Text.Append(indent);
            if (Classes is null || ShowWeights)
            {
                Text.Append(Classes is null ? " value: [" : " weights: [");
                for (int k = 0; k < value.Length; k++)
                    Text.Append(k > 0 ? ", " : "").Append(Number(value[k]));
                Text.Append(']');
            }
            if (Classes is not null)
                Text.Append(" class: ").Append(Classes[SpanStatistics.IndexOfMax(value)].Text);
            Text.Append('\n');
        }

        private int SubtreeDepth(int index)
        {
            TreeNode node = Tree.Nodes[index];
            return node.IsLeaf ? 1 : 1 + Math.Max(SubtreeDepth(node.Left), SubtreeDepth(node.Right));
        }

        private string Number(double value) => value.ToString(Format, CultureInfo.InvariantCulture);

        private static string Indent(int depth)
        {
            var indent = new StringBuilder();
            for (int d = 0; d < depth - 1; d++)
                indent.Append('|').Append(' ', Spacing);
            return indent.Append('|').Append('-', Spacing).ToString();
        }
    }
}
