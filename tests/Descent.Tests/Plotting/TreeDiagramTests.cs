using System.Globalization;
using System.Xml.Linq;
using Descent.Plotting;

namespace Descent.Tests.Plotting;

public class TreeDiagramTests
{
    private static readonly XNamespace Svg = SvgProbe.Svg;

    /// <summary>A complete binary tree of the given depth, nodes numbered depth-first, left before right.</summary>
    private static List<TreeDiagramNode> Complete(int depth)
    {
        var nodes = new List<TreeDiagramNode>();
        Add(0);
        return nodes;

        int Add(int level)
        {
            int index = nodes.Count;
            nodes.Add(null!);
            if (level == depth)
            {
                nodes[index] = new TreeDiagramNode { Details = [$"leaf {index}", "samples = 1"], ColorIndex = index % 3, Strength = 1 };
                return index;
            }
            int left = Add(level + 1), right = Add(level + 1);
            nodes[index] = new TreeDiagramNode
            {
                Split = $"x{level} ≤ {index}.5", Details = ["gini = 0.5", $"node {index}"], Left = left, Right = right, ColorIndex = index % 3,
                Strength = 0.4,
            };
            return index;
        }
    }

    private static List<XElement> Groups(XDocument svg, string cssClass) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class") ?? "").Split(' ').Contains(cssClass)).ToList();

    private static IEnumerable<string> Texts(XElement element) => element.Descendants(Svg + "text").Select(t => t.Value);

    private static double Attr(XElement element, string name) => double.Parse((string)element.Attribute(name)!, CultureInfo.InvariantCulture);

    [Fact]
    public void TreeDiagram_DrawsEveryNodeOnce_WithItsLines_AndTrueFalseEdges()
    {
        var nodes = Complete(3);
        var svg = XDocument.Parse(Figures.TreeDiagram(nodes, ["a", "b", "c"], maxDepth: 4, title: "Tree").ToSvg());

        var boxes = Groups(svg, "tree-node");
        Assert.Equal(nodes.Count, boxes.Count);
        Assert.Equal(Enumerable.Range(0, nodes.Count), boxes.Select(b => (int)Attr(b, "data-node")).Order());
        foreach (var box in boxes)
        {
            var node = nodes[(int)Attr(box, "data-node")];
            var expected = (node.Split is null ? node.Details : node.Details.Prepend(node.Split)).ToList();
            Assert.Equal(expected, Texts(box));
            Assert.Equal(node.IsLeaf ? "tree-node leaf" : "tree-node split", (string)box.Attribute("class")!);
            if (node.Split is not null)
                Assert.Equal("bold", (string?)box.Descendants(Svg + "text").First().Attribute("font-weight"));
        }
        var edges = Assert.Single(Groups(svg, "tree-edges"));
        Assert.Equal(nodes.Count - 1, edges.Elements(Svg + "line").Count());
        var labels = Texts(edges).ToList();
        Assert.Equal(7, labels.Count(l => l == "True"));
        Assert.Equal(7, labels.Count(l => l == "False"));
        Assert.Empty(Groups(svg, "tree-elided"));
        Assert.Equal(["a", "b", "c"], Texts(Assert.Single(Groups(svg, "tree-key"))).Skip(1));
    }

    [Fact]
    public void TreeDiagram_BoxesOfOneRow_DoNotOverlap_AndChildrenSitBelowTheirParent()
    {
        var nodes = Complete(4);
        var svg = XDocument.Parse(Figures.TreeDiagram(nodes, maxDepth: 4).ToSvg());
        var rects = Groups(svg, "tree-node").ToDictionary(b => (int)Attr(b, "data-node"), b => b.Element(Svg + "rect")!);
        foreach (var row in rects.Values.GroupBy(r => Attr(r, "y")))
        {
            var sorted = row.OrderBy(r => Attr(r, "x")).ToList();
            for (int k = 1; k < sorted.Count; k++)
                Assert.True(Attr(sorted[k - 1], "x") + Attr(sorted[k - 1], "width") < Attr(sorted[k], "x"), "two boxes of a row overlap");
        }
        Assert.Equal(5, rects.Values.Select(r => Attr(r, "y")).Distinct().Count());
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].IsLeaf) continue;
            double parentBottom = Attr(rects[i], "y") + Attr(rects[i], "height");
            double centre(int n) => Attr(rects[n], "x") + Attr(rects[n], "width") / 2;
            Assert.True(Attr(rects[nodes[i].Left], "y") > parentBottom);
            Assert.True(centre(nodes[i].Left) < centre(i) && centre(i) < centre(nodes[i].Right), $"node {i} is not between its children");
        }
    }

    [Fact]
    public void TreeDiagram_BelowMaxDepth_ReplacesEachChildSubtreeByOneStubCountingItsNodes()
    {
        var nodes = Complete(4); // 31 nodes
        var svg = XDocument.Parse(Figures.TreeDiagram(nodes, maxDepth: 2).ToSvg());
        Assert.Equal(7, Groups(svg, "tree-node").Count);
        var stubs = Groups(svg, "tree-elided");
        Assert.Equal(8, stubs.Count);
        Assert.All(stubs, s => Assert.Equal(3, (int)Attr(s, "data-nodes")));
        Assert.All(stubs, s => Assert.Equal("(… 3 nodes)", Assert.Single(Texts(s))));
        Assert.Equal(14, Assert.Single(Groups(svg, "tree-edges")).Elements(Svg + "line").Count());
    }

    [Fact]
    public void TreeDiagram_SingleLeaf_IsOneBox()
    {
        var svg = XDocument.Parse(Figures.TreeDiagram([new TreeDiagramNode { Details = ["samples = 4"] }], maxDepth: 0).ToSvg());
        Assert.Single(Groups(svg, "tree-node"));
        Assert.Empty(Assert.Single(Groups(svg, "tree-edges")).Elements());
    }

    [Fact]
    public void TreeDiagram_FigureWidth_GrowsWithTheLeaves_SoTextKeepsItsSize()
    {
        var small = Figures.TreeDiagram(Complete(2));
        var large = Figures.TreeDiagram(Complete(4));
        Assert.True(large.Width > 3.5 * small.Width, $"{large.Width} vs {small.Width}");
        var svg = XDocument.Parse(large.ToSvg());
        var diagram = Assert.Single(Groups(svg, "tree-diagram"));
        Assert.EndsWith("scale(1)", (string)diagram.Attribute("transform")!);
    }

    public static TheoryData<TreeDiagramNode[], string> BadTrees() => new()
    {
        { [], "no node" },
        { [new() { Left = 1, Right = -1 }, new()], "one child only" },
        { [new() { Left = 1, Right = 5 }, new()], "there are only 2 nodes" },
        { [new() { Left = 1, Right = 1 }, new()], "reached twice" },
        { [new() { Left = 1, Right = 2 }, new() { Left = 0, Right = 2 }, new()], "reached twice" },
        { [new(), new()], "cannot be reached from the root" },
    };

    [Theory]
    [MemberData(nameof(BadTrees))]
    public void TreeDiagram_RejectsNodesThatAreNotATree(TreeDiagramNode[] nodes, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Figures.TreeDiagram(nodes));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void TreeDiagram_RejectsNegativeMaxDepth() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Figures.TreeDiagram([new TreeDiagramNode()], maxDepth: -1));
}
