using System.Globalization;

namespace Descent.Plotting;

/// <summary>
/// Draws a <see cref="ComputationGraphLayout"/> into the plot area (scaled down uniformly when the area is smaller, and
/// centred): for each computed node an operation circle joined to its box, curved edges from the inputs' boxes to that
/// circle, and one box per node with its label, value ("data") and gradient ("grad"), as the lecture's computation
/// diagram. Leaves are tinted blue, the output orange. Each box is a <c>&lt;g class="graph-node" data-node="i"&gt;</c>.
/// </summary>
internal sealed class ComputationGraphSeries : DiagramSeries
{
    private static readonly Color Ink = new(0x22, 0x22, 0x22), EdgeInk = new(0x66, 0x66, 0x66), White = new(255, 255, 255);

    private readonly IReadOnlyList<ComputationGraphNode> _nodes;
    private readonly ComputationGraphLayout _layout;

    public ComputationGraphSeries(IReadOnlyList<ComputationGraphNode> nodes, ComputationGraphLayout layout)
    {
        _nodes = nodes;
        _layout = layout;
    }

    public override double DiagramWidth => _layout.Width;

    public override double DiagramHeight => _layout.Height;

    private protected override string CssClass => "computation-graph";

    private protected override void RenderDiagram(SvgWriter svg)
    {
        svg.Raw("<g class=\"graph-edges\">\n");
        for (int i = 0; i < _nodes.Count; i++)
            if (_nodes[i].Operation is not null)
                foreach (int input in _nodes[i].Inputs)
                    Edge(svg, _layout.Places[input].Right, _layout.Places[input].CenterY, OperationCenter(i) - ComputationGraphLayout.OperationRadius,
                        _layout.Places[i].CenterY);
        svg.Raw("</g>\n");
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i].Operation is { } operation)
                DrawOperation(svg, i, operation);
            DrawBox(svg, i);
        }
    }

    private double OperationCenter(int node) =>
        _layout.Places[node].Left - ComputationGraphLayout.OperationGap - ComputationGraphLayout.OperationRadius;

    /// <summary>A curve leaving (x1, y1) and arriving at (x2, y2) horizontally, with an arrowhead.</summary>
    private static void Edge(SvgWriter svg, double x1, double y1, double x2, double y2)
    {
        double bend = Math.Max(20, (x2 - x1) / 2);
        svg.Raw("<path d=\"M").Point(x1, y1).Raw(" C").Point(x1 + bend, y1).Raw(" ").Point(x2 - bend, y2).Raw(" ").Point(x2 - 6, y2)
            .Raw($"\" fill=\"none\" stroke=\"{EdgeInk.Hex}\" stroke-width=\"1.3\"/>\n");
        Arrowhead(svg, x2, y2);
    }

    private static void Arrowhead(SvgWriter svg, double x, double y) =>
        svg.Raw("<polygon points=\"").Point(x, y).Raw(" ").Point(x - 7, y - 3.5).Raw(" ").Point(x - 7, y + 3.5)
            .Raw($"\" fill=\"{EdgeInk.Hex}\"/>\n");

    private void DrawOperation(SvgWriter svg, int node, string operation)
    {
        double cx = OperationCenter(node), cy = _layout.Places[node].CenterY, r = ComputationGraphLayout.OperationRadius;
        svg.Raw("<g class=\"graph-op\"").Attr("data-node", node).Raw(">\n");
        svg.Raw("<circle").Attr("cx", cx).Attr("cy", cy).Attr("r", r)
            .Raw($" fill=\"#ffffff\" stroke=\"{EdgeInk.Hex}\" stroke-width=\"1.2\"/>\n");
        double size = operation.Length <= 2 ? 13 : Math.Max(7, 2 * r * 0.9 / (operation.Length * 0.6));
        svg.TextElement(cx, cy + size * 0.35, operation, "middle", size, $"fill=\"{Ink.Hex}\"");
        svg.Line(cx + r, cy, _layout.Places[node].Left - 6, cy, EdgeInk.Hex, 1.3);
        Arrowhead(svg, _layout.Places[node].Left, cy);
        svg.Raw("</g>\n");
    }

    private void DrawBox(SvgWriter svg, int index)
    {
        var node = _nodes[index];
        var place = _layout.Places[index];
        bool leaf = node.Operation is null, output = index == _nodes.Count - 1;
        var tint = output ? Palette.At(1) : leaf ? Palette.At(0) : Palette.Grey;
        svg.Raw("<g class=\"graph-node").Raw(leaf ? " leaf" : "").Raw(output ? " output" : "").Raw("\"").Attr("data-node", index).Raw(">\n");
        svg.Rect(place.Left, place.Top, ComputationGraphLayout.BoxWidth, ComputationGraphLayout.BoxHeight,
            Color.Lerp(White, tint, leaf || output ? 0.18 : 0.08).Hex, $"stroke=\"{Color.Lerp(tint, Ink, 0.3).Hex}\" stroke-width=\"1.2\" rx=\"5\"");
        // The lines (label, data, grad: those present) are centred vertically in the box.
        int lines = 1 + (node.Label is null ? 0 : 1) + (node.Gradient is null ? 0 : 1);
        double x = place.Left + ComputationGraphLayout.BoxWidth / 2;
        double y = place.CenterY - (lines - 1) * ComputationGraphLayout.LineHeight / 2 + 4;
        if (node.Label is not null)
        {
            svg.TextElement(x, y, node.Label, "middle", ComputationGraphLayout.FontSize, $"fill=\"{Ink.Hex}\" font-weight=\"bold\" class=\"label\"");
            y += ComputationGraphLayout.LineHeight;
        }
        svg.TextElement(x, y, "data " + Format(node.Value), "middle", ComputationGraphLayout.FontSize, $"fill=\"{Ink.Hex}\" class=\"data\"");
        if (node.Gradient is { } gradient)
            svg.TextElement(x, y + ComputationGraphLayout.LineHeight, "grad " + Format(gradient), "middle", ComputationGraphLayout.FontSize,
                $"fill=\"{Palette.At(3).Hex}\" class=\"grad\"");
        svg.Raw("</g>\n");
    }

    /// <summary>Four decimals as the lecture prints them (0.7071), scientific notation for very large or small magnitudes.</summary>
    internal static string Format(double value)
    {
        double magnitude = Math.Abs(value);
        if (value == 0 || !double.IsFinite(value))
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        return magnitude >= 1e5 || magnitude < 1e-4
            ? value.ToString("0.###e+0", CultureInfo.InvariantCulture)
            : value.ToString("0.####", CultureInfo.InvariantCulture);
    }
}
