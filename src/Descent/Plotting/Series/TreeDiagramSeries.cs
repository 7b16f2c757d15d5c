namespace Descent.Plotting;

/// <summary>
/// Draws a <see cref="TreeDiagramLayout"/> into the plot area, scaled down uniformly when the area is smaller than
/// the diagram and centred: edges with "True"/"False" labels, one rounded box per node (tinted by its colour and
/// strength, split in bold), dashed stubs for elided subtrees, and the colour key along the bottom. Each node is a
/// <c>&lt;g class="tree-node" data-node="i"&gt;</c>, each stub a <c>&lt;g class="tree-elided" data-nodes="n"&gt;</c>.
/// </summary>
internal sealed class TreeDiagramSeries : DiagramSeries
{
    private static readonly Color Ink = new(0x22, 0x22, 0x22), EdgeInk = new(0x66, 0x66, 0x66), Neutral = new(0x99, 0x99, 0x99);

    private readonly IReadOnlyList<TreeDiagramNode> _nodes;
    private readonly TreeDiagramLayout _layout;

    public TreeDiagramSeries(IReadOnlyList<TreeDiagramNode> nodes, TreeDiagramLayout layout)
    {
        _nodes = nodes;
        _layout = layout;
    }

    public override double DiagramWidth => _layout.Width;

    public override double DiagramHeight => _layout.Height;

    private protected override string CssClass => "tree-diagram";

    private protected override void RenderDiagram(SvgWriter svg)
    {
        DrawEdges(svg);
        foreach (var box in _layout.Boxes)
        {
            if (box.Node >= 0) DrawNode(svg, box);
            else DrawStub(svg, box);
        }
        if (_layout.Key is { } key) DrawKey(svg, key);
    }

    /// <summary>The fill of a box: white mixed with its palette colour by 0.08 + 0.5·strength (black text stays readable).</summary>
    internal static Color Fill(TreeDiagramNode node)
    {
        var white = new Color(255, 255, 255);
        if (node.ColorIndex < 0) return new Color(0xf2, 0xf2, 0xf2);
        double strength = double.IsFinite(node.Strength) ? Math.Clamp(node.Strength, 0, 1) : 0;
        return Color.Lerp(white, Palette.At(node.ColorIndex), 0.08 + 0.5 * strength);
    }

    private void DrawEdges(SvgWriter svg)
    {
        svg.Raw("<g class=\"tree-edges\">\n");
        foreach (var edge in _layout.Edges)
        {
            svg.Line(edge.X0, edge.Y0, edge.X1, edge.Y1, EdgeInk.Hex, 1.3, edge.ToElided ? "stroke-dasharray=\"4,3\"" : null);
            // the label sits a third of the way down, beside the edge, on the outer side
            double x = edge.X0 + (edge.X1 - edge.X0) * 0.4, y = edge.Y0 + (edge.Y1 - edge.Y0) * 0.4;
            svg.TextElement(edge.IsTrue ? x - 6 : x + 6, y + 4, edge.IsTrue ? "True" : "False", edge.IsTrue ? "end" : "start", 10.5,
                $"fill=\"{EdgeInk.Hex}\" font-style=\"italic\" class=\"edge-label\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
        }
        svg.Raw("</g>\n");
    }

    private void DrawNode(SvgWriter svg, TreeDiagramLayout.Box box)
    {
        var node = _nodes[box.Node];
        var stroke = node.ColorIndex < 0 ? Neutral : Color.Lerp(Palette.At(node.ColorIndex), Ink, 0.3);
        svg.Raw("<g class=\"tree-node").Raw(node.IsLeaf ? " leaf" : " split").Raw("\"").Attr("data-node", box.Node).Raw(">\n");
        svg.Rect(box.X - box.Width / 2, box.Top, box.Width, box.Height, Fill(node).Hex,
            $"stroke=\"{stroke.Hex}\" stroke-width=\"{(node.IsLeaf ? "1.8" : "1.2")}\" rx=\"5\"");
        for (int i = 0; i < box.Lines.Count; i++)
        {
            bool split = i == 0 && box.HasSplit;
            double baseline = box.Top + TreeDiagramLayout.Padding + TreeDiagramLayout.LineHeight * (i + 1) - 5;
            svg.TextElement(box.X, baseline, box.Lines[i], "middle", split ? TreeDiagramLayout.SplitFontSize : TreeDiagramLayout.FontSize,
                split ? $"fill=\"{Ink.Hex}\" font-weight=\"bold\" class=\"split\"" : $"fill=\"{Ink.Hex}\"");
        }
        svg.Raw("</g>\n");
    }

    private static void DrawStub(SvgWriter svg, TreeDiagramLayout.Box box)
    {
        svg.Raw("<g class=\"tree-elided\"").Attr("data-nodes", box.Elided).Raw(">\n");
        svg.Rect(box.X - box.Width / 2, box.Top, box.Width, box.Height, "#fafafa",
            $"stroke=\"{Neutral.Hex}\" stroke-width=\"1\" stroke-dasharray=\"4,3\" rx=\"5\"");
        svg.TextElement(box.X, box.Top + TreeDiagramLayout.Padding + TreeDiagramLayout.LineHeight - 5, box.Lines[0], "middle",
            TreeDiagramLayout.FontSize, "fill=\"#555555\"");
        svg.Raw("</g>\n");
    }

    private void DrawKey(SvgWriter svg, IReadOnlyList<string> key)
    {
        double y = _layout.Height - TreeDiagramLayout.Margin - TreeDiagramLayout.KeyHeight / 2;
        double x = (_layout.Width - TreeDiagramLayout.KeyWidth(key)) / 2;
        svg.Raw("<g class=\"tree-key\">\n");
        svg.TextElement(x, y + 4, TreeDiagramLayout.KeyTitle, "start", TreeDiagramLayout.FontSize, "fill=\"#444444\"");
        x += TreeDiagramLayout.KeyTextWidth(TreeDiagramLayout.KeyTitle) + 10;
        for (int k = 0; k < key.Count; k++)
        {
            var swatch = new TreeDiagramNode { ColorIndex = k, Strength = 1 };
            svg.Rect(x, y - 7, 16, 14, Fill(swatch).Hex, $"stroke=\"{Color.Lerp(Palette.At(k), Ink, 0.3).Hex}\" stroke-width=\"1.2\" rx=\"3\"");
            svg.TextElement(x + 22, y + 4, key[k], "start", TreeDiagramLayout.FontSize);
            x += 22 + TreeDiagramLayout.KeyTextWidth(key[k]) + 14;
        }
        svg.Raw("</g>\n");
    }
}
