using System.Globalization;

namespace Descent.Plotting;

/// <summary>
/// Where the boxes of a tree diagram go, in pixels of the diagram itself (origin top-left). Each box is as wide as
/// its longest line; each subtree gets the width max(root box, left subtree + gap + right subtree), the children
/// side by side under it and the parent centred between them, so sibling subtrees never overlap. All boxes of one
/// depth share a row. Nodes below <c>maxDepth</c> are not drawn: each child of a node at that depth becomes a small
/// "(… n nodes)" box.
/// </summary>
internal sealed class TreeDiagramLayout
{
    public const double FontSize = 12, SplitFontSize = 12.5, LineHeight = 16, Padding = 7, RowGap = 44, SiblingGap = 14;
    public const double Margin = 6, KeyHeight = 26;

    private readonly IReadOnlyList<TreeDiagramNode> _nodes;
    private readonly int _maxDepth;
    private readonly List<Box> _boxes = [];
    private readonly List<Edge> _edges = [];

    private TreeDiagramLayout(IReadOnlyList<TreeDiagramNode> nodes, int maxDepth, IReadOnlyList<string>? key)
    {
        _nodes = nodes;
        _maxDepth = maxDepth;
        Key = key;
    }

    /// <summary>A drawn box: a node (<see cref="Node"/> ≥ 0) or the stub of an elided subtree of <see cref="Elided"/> nodes.</summary>
    public sealed class Box(int node, int depth, IReadOnlyList<string> lines, bool hasSplit, int elided, double width, double height)
    {
        public int Node { get; } = node;
        public int Depth { get; } = depth;
        public IReadOnlyList<string> Lines { get; } = lines;
        public bool HasSplit { get; } = hasSplit;
        public int Elided { get; } = elided;
        public double Width { get; } = width;
        public double Height { get; } = height;
        public double X { get; set; }
        public double Top { get; set; }
    }

    /// <summary>A line from a parent's bottom centre to a child's top centre; <see cref="IsTrue"/> for the left child.</summary>
    public readonly record struct Edge(double X0, double Y0, double X1, double Y1, bool IsTrue, bool ToElided);

    public IReadOnlyList<Box> Boxes => _boxes;

    public IReadOnlyList<Edge> Edges => _edges;

    public IReadOnlyList<string>? Key { get; }

    public double Width { get; private set; }

    public double Height { get; private set; }

    /// <summary>The depth of the deepest node, counted from the root (0).</summary>
    public int TreeDepth { get; private set; }

    /// <summary>Checks the nodes form a tree rooted at node 0 and lays it out.</summary>
    /// <exception cref="ArgumentException">No node, a child index out of range, one child only, or a node reached twice or never.</exception>
    public static TreeDiagramLayout Compute(IReadOnlyList<TreeDiagramNode> nodes, int maxDepth, IReadOnlyList<string>? key)
    {
        int[] depth = Depths(nodes);
        var layout = new TreeDiagramLayout(nodes, maxDepth, key) { TreeDepth = depth.Max() };
        Box root = layout.Build(0, 0);
        var rowHeights = new double[Math.Min(layout.TreeDepth, maxDepth + 1) + 1];
        foreach (Box box in layout._boxes)
            rowHeights[box.Depth] = Math.Max(rowHeights[box.Depth], box.Height);
        var rowTops = new double[rowHeights.Length];
        double y = Margin;
        for (int d = 0; d < rowHeights.Length; d++)
        {
            rowTops[d] = y;
            y += rowHeights[d] + RowGap;
        }
        double treeHeight = y - RowGap;
        double treeWidth = layout.Place(root, Margin, rowTops);
        double keyWidth = key is null ? 0 : KeyWidth(key);
        double width = Math.Max(treeWidth, keyWidth) + 2 * Margin;
        if (treeWidth < keyWidth)
            layout.Shift((keyWidth - treeWidth) / 2);
        layout.Width = width;
        layout.Height = treeHeight + (key is null ? 0 : KeyHeight + 8) + Margin;
        foreach (Box box in layout._boxes)
            foreach (Box child in layout.ChildrenOf(box))
                layout._edges.Add(new Edge(box.X, box.Top + box.Height, child.X, child.Top, ReferenceEquals(child, layout._children[box].Left),
                    child.Node < 0));
        return layout;
    }

    /// <summary>Approximate width in pixels of a text in the diagram's font.</summary>
    public static double TextWidth(string text, double fontSize, bool bold = false) => TextMetrics.Width(text, fontSize, bold);

    /// <summary>Width of the colour key: "Colour = majority class:" and a swatch and name per class.</summary>
    public static double KeyWidth(IReadOnlyList<string> key) =>
        KeyTextWidth(KeyTitle) + 10 + key.Sum(name => 22 + KeyTextWidth(name) + 14);

    /// <summary>Width of a text of the key.</summary>
    public static double KeyTextWidth(string text) => TextMetrics.Width(text, FontSize);

    public const string KeyTitle = "Colour = majority class (stronger = purer):";

    private readonly Dictionary<Box, (Box Left, Box Right)> _children = [];

    private IEnumerable<Box> ChildrenOf(Box box)
    {
        if (_children.TryGetValue(box, out var pair))
        {
            yield return pair.Left;
            yield return pair.Right;
        }
    }

    private readonly Dictionary<Box, double> _subtreeWidth = [];

    private Box Build(int index, int depth)
    {
        TreeDiagramNode node = _nodes[index];
        var lines = new List<string>();
        if (node.Split is not null)
            lines.Add(node.Split);
        lines.AddRange(node.Details);
        double width = lines.Count == 0 ? 40 : lines.Select((l, i) => TextWidth(l, i == 0 && node.Split is not null ? SplitFontSize : FontSize,
            i == 0 && node.Split is not null)).Max() + 2 * Padding;
        var box = new Box(index, depth, lines, node.Split is not null, 0, Math.Max(width, 48), Math.Max(1, lines.Count) * LineHeight + 2 * Padding - 4);
        _boxes.Add(box);
        double subtree = box.Width;
        if (!node.IsLeaf)
        {
            Box left, right;
            if (depth >= _maxDepth)
            {
                left = Stub(node.Left, depth + 1);
                right = Stub(node.Right, depth + 1);
            }
            else
            {
                left = Build(node.Left, depth + 1);
                right = Build(node.Right, depth + 1);
            }
            _children[box] = (left, right);
            subtree = Math.Max(subtree, _subtreeWidth[left] + SiblingGap + _subtreeWidth[right]);
        }
        _subtreeWidth[box] = subtree;
        return box;
    }

    private Box Stub(int index, int depth)
    {
        int count = SubtreeSize(index);
        string text = string.Create(CultureInfo.InvariantCulture, $"(… {count} {(count == 1 ? "node" : "nodes")})");
        var box = new Box(-1, depth, [text], false, count, TextWidth(text, FontSize) + 2 * Padding, LineHeight + 2 * Padding - 4);
        _boxes.Add(box);
        _subtreeWidth[box] = box.Width;
        return box;
    }

    /// <summary>Places the subtree of <paramref name="box"/> in [left, left + its width]; returns that width.</summary>
    private double Place(Box box, double left, double[] rowTops)
    {
        double width = _subtreeWidth[box];
        box.Top = rowTops[box.Depth];
        if (_children.TryGetValue(box, out var pair))
        {
            double block = _subtreeWidth[pair.Left] + SiblingGap + _subtreeWidth[pair.Right];
            double start = left + (width - block) / 2;
            Place(pair.Left, start, rowTops);
            Place(pair.Right, start + _subtreeWidth[pair.Left] + SiblingGap, rowTops);
            box.X = (pair.Left.X + pair.Right.X) / 2;
        }
        else
        {
            box.X = left + width / 2;
        }
        return width;
    }

    private void Shift(double dx)
    {
        foreach (Box box in _boxes)
            box.X += dx;
    }

    private int SubtreeSize(int index)
    {
        int count = 0;
        var stack = new Stack<int>();
        stack.Push(index);
        while (stack.Count > 0)
        {
            TreeDiagramNode node = _nodes[stack.Pop()];
            count++;
            if (!node.IsLeaf)
            {
                stack.Push(node.Left);
                stack.Push(node.Right);
            }
        }
        return count;
    }

    private static int[] Depths(IReadOnlyList<TreeDiagramNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0)
            throw new ArgumentException("Figures.TreeDiagram: the tree has no node; node 0 must be the root.", nameof(nodes));
        var depth = new int[nodes.Count];
        Array.Fill(depth, -1);
        depth[0] = 0;
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            TreeDiagramNode node = nodes[i] ?? throw new ArgumentException($"Figures.TreeDiagram: node {i} is null.", nameof(nodes));
            if ((node.Left < 0) != (node.Right < 0))
                throw new ArgumentException(
                    $"Figures.TreeDiagram: node {i} has one child only (left {node.Left}, right {node.Right}); a split node needs both, a leaf neither.",
                    nameof(nodes));
            if (node.IsLeaf)
                continue;
            foreach (int child in new[] { node.Left, node.Right })
            {
                if (child >= nodes.Count)
                    throw new ArgumentException(
                        $"Figures.TreeDiagram: node {i} has child {child}, but there are only {nodes.Count} nodes.", nameof(nodes));
                if (depth[child] >= 0 || child == 0)
                    throw new ArgumentException(
                        $"Figures.TreeDiagram: node {child} is reached twice (again from node {i}); every node except the root needs exactly one parent.",
                        nameof(nodes));
                depth[child] = depth[i] + 1;
                stack.Push(child);
            }
        }
        int unreachable = Array.IndexOf(depth, -1);
        if (unreachable >= 0)
            throw new ArgumentException(
                $"Figures.TreeDiagram: node {unreachable} cannot be reached from the root (node 0); give every node a parent.", nameof(nodes));
        return depth;
    }
}
