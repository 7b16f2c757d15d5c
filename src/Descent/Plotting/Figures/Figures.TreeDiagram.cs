using static System.FormattableString;

namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// A tree as a diagram: one box per node (its split in bold, then its details: impurity, samples, value, class),
    /// tinted by its colour (e.g. the majority class) with a strength (e.g. the purity), edges from each split to
    /// its children labelled "True" (left: the split holds) and "False" (right). Levels deeper than
    /// <paramref name="maxDepth"/> are not drawn: each child of a node at that depth becomes a dashed "(… n nodes)"
    /// box. The figure is as wide as the tree needs (about 150 px per leaf for short labels), so boxes never overlap
    /// and text keeps its size; <paramref name="colorKey"/>, when given, names palette colours 0, 1, … in a key
    /// along the bottom.
    /// </summary>
    /// <param name="nodes">The nodes; node 0 is the root.</param>
    /// <param name="colorKey">The name of each colour index used (class names), or null for no key.</param>
    /// <param name="maxDepth">The deepest level drawn (the root is level 0).</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">The nodes do not form a tree rooted at node 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public static Figure TreeDiagram(IReadOnlyList<TreeDiagramNode> nodes, IReadOnlyList<string>? colorKey = null, int maxDepth = 4,
        string? title = "Decision tree")
    {
        if (maxDepth < 0)
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, Invariant($"Figures.TreeDiagram: maxDepth must be >= 0, got {maxDepth}."));
        var layout = TreeDiagramLayout.Compute(nodes, maxDepth, colorKey is { Count: > 0 } ? colorKey : null);
        return Diagram(new TreeDiagramSeries(nodes.ToArray(), layout), title);
    }
}
