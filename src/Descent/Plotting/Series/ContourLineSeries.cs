namespace Descent.Plotting;

/// <summary>
/// Contour lines {f = level} of a grid of values, one path per level (marching squares, joined polylines),
/// each tagged with <c>data-level</c>.
/// </summary>
public sealed class ContourLineSeries : Series
{
    internal ContourLineSeries(Grid2D grid, double[] levels, Color color)
    {
        Grid = grid; Levels = levels; Color = color;
    }

    /// <summary>The values drawn.</summary>
    public Grid2D Grid { get; }

    /// <summary>The levels at which lines are drawn.</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>Line colour.</summary>
    public Color Color { get; set; }

    /// <summary>Line width in pixels.</summary>
    public double Width { get; set; } = 0.8;

    /// <summary>Dash pattern.</summary>
    public LineStyle Style { get; set; } = LineStyle.Solid;

    /// <summary>Stroke opacity, 0..1.</summary>
    public double Opacity { get; set; } = 1;

    internal override bool Tight => true;

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        bounds.Include(Grid.Xs[0], Grid.Ys[0]);
        bounds.Include(Grid.Xs[^1], Grid.Ys[^1]);
    }

    internal override void Render(PlotContext context)
    {
        var svg = context.Svg;
        foreach (double level in Levels)
        {
            var lines = MarchingSquares.IsoLines(Grid, level);
            if (lines.Count == 0) continue;
            svg.Raw("<path class=\"series contour-line\"").Attr("data-level", SvgWriter.Exact(level));
            if (Label is not null) svg.Attr("data-label", Label);
            svg.Raw(" fill=\"none\"").Attr("stroke", Color.Hex).Attr("stroke-width", Width)
                .Raw(" stroke-linejoin=\"round\"");
            if (Opacity < 1) svg.Attr("stroke-opacity", Opacity);
            if (LineSeries.Dash(Style) is { } dash) svg.Attr("stroke-dasharray", dash);
            svg.Raw(" d=\"");
            foreach (var line in lines)
            {
                for (int p = 0; p < line.Length; p++)
                    svg.Raw(p == 0 ? "M" : "L").Point(context.Px(line[p].X), context.Py(line[p].Y));
            }
            svg.Raw("\"/>\n");
        }
    }

    /// <summary>A labelled contour (a decision boundary) is a curve the legend must not cover; unlabelled ones only shade.</summary>
    internal override void MarkOccupancy(PlotContext context, Occupancy occupancy)
    {
        if (Label is null) return;
        foreach (double level in Levels)
            foreach (var line in MarchingSquares.IsoLines(Grid, level))
                for (int p = 1; p < line.Length; p++)
                    occupancy.MarkSegment(context.Px(line[p - 1].X), context.Py(line[p - 1].Y), context.Px(line[p].X), context.Py(line[p].Y));
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y) =>
        svg.Line(x - 12, y, x + 12, y, Color.Hex, Math.Min(Width, 4),
            LineSeries.Dash(Style) is { } d ? $"stroke-dasharray=\"{d}\"" : null);
}
