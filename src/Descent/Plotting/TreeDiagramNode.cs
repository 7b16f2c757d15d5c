namespace Descent.Plotting;

/// <summary>
/// One box of a tree diagram (<see cref="Figures.TreeDiagram"/>), described without reference to any model: the
/// split it tests, the lines of detail under it, its children and its colour. A split node has both children
/// (<see cref="Left"/> for rows where the split is true, <see cref="Right"/> for the others), a leaf has neither;
/// node 0 is the root.
/// </summary>
/// <example><code>
/// TreeDiagramNode[] nodes =
/// [
///     new() { Split = "petal_width ≤ 0.80", Details = ["gini = 0.667", "samples = 150"], Left = 1, Right = 2 },
///     new() { Details = ["gini = 0", "samples = 50", "class = setosa"], ColorIndex = 0, Strength = 1 },
///     new() { Details = ["gini = 0.5", "samples = 100", "class = versicolor"], ColorIndex = 1 },
/// ];
/// </code></example>
public sealed record TreeDiagramNode
{
    /// <summary>The test of a split node ("flavanoids ≤ 1.58"), drawn in bold on the first line; null for a leaf.</summary>
    public string? Split { get; init; }

    /// <summary>The lines under the split: impurity, samples, value, class.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>Index of the child for rows where <see cref="Split"/> holds ("True" edge), or -1 at a leaf.</summary>
    public int Left { get; init; } = -1;

    /// <summary>Index of the child for the other rows ("False" edge), or -1 at a leaf.</summary>
    public int Right { get; init; } = -1;

    /// <summary>Palette colour of the box (the majority class: <see cref="Palette.At"/>), or -1 for neutral grey.</summary>
    public int ColorIndex { get; init; } = -1;

    /// <summary>How strongly the box is tinted, 0 (white) to 1 (full tint): the purity of the majority class.</summary>
    public double Strength { get; init; } = 0.5;

    /// <summary>True when the node has no children.</summary>
    public bool IsLeaf => Left < 0;
}
