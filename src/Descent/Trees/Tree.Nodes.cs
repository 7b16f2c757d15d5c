using System.Collections;

namespace Descent.Trees;

public sealed partial class Tree
{
    private NodeLinks? _links;

    /// <summary>
    /// The nodes one at a time, depth-first (left before right; the root is node 0), each read from the flat arrays
    /// when asked for. Parents and depths are worked out on the first use and kept.
    /// </summary>
    public IReadOnlyList<TreeNode> Nodes => new NodeList(this);

    /// <summary>Node <paramref name="index"/> as a <see cref="TreeNode"/>.</summary>
    private TreeNode Node(int index)
    {
        CheckNode(index, nameof(Nodes));
        NodeLinks links = _links ??= Links();
        TreeStatistics.Unpacked statistics = Statistics.Values;
        bool leaf = _feature[index] < 0;
        return new TreeNode
        {
            Feature = _feature[index],
            Threshold = leaf ? double.NaN : _threshold[index],
            Left = leaf ? -1 : index + 1,
            Right = _right[index],
            Parent = links.Parent[index],
            Depth = links.Depth[index],
            Impurity = statistics.Impurity[index],
            Samples = statistics.Samples[index],
            WeightedSamples = statistics.WeightedSamples[index],
        };
    }

    /// <summary>The parent and depth of every node, from the children (a race only computes the same arrays twice).</summary>
    private NodeLinks Links()
    {
        int n = _feature.Count;
        var parent = new int[n];
        var depth = new int[n];
        parent[0] = -1;
        for (int i = 0; i < n; i++)
        {
            if (_feature[i] < 0)
                continue;
            foreach (int child in (ReadOnlySpan<int>)[i + 1, _right[i]])
            {
                parent[child] = i;
                depth[child] = depth[i] + 1;
            }
        }
        return new NodeLinks(parent, depth);
    }

    private sealed record NodeLinks(int[] Parent, int[] Depth);

    private sealed class NodeList(Tree tree) : IReadOnlyList<TreeNode>
    {
        public TreeNode this[int index] => tree.Node(index);

        public int Count => tree.NodeCount;

        public IEnumerator<TreeNode> GetEnumerator()
        {
            for (int i = 0; i < tree.NodeCount; i++)
                yield return tree.Node(i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
