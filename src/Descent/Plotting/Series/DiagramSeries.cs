namespace Descent.Plotting;

/// <summary>
/// A series that draws a diagram in its own pixels (origin top-left, <see cref="DiagramWidth"/> × <see cref="DiagramHeight"/>)
/// instead of data coordinates: it is centred in the plot area and scaled down uniformly when the area is smaller,
/// inside a <c>&lt;g class="series …"&gt;</c> group.
/// </summary>
internal abstract class DiagramSeries : Series
{
    /// <summary>Width of the diagram in pixels.</summary>
    public abstract double DiagramWidth { get; }

    /// <summary>Height of the diagram in pixels.</summary>
    public abstract double DiagramHeight { get; }

    /// <summary>The class of the series' group ("tree-diagram", "computation-graph").</summary>
    private protected abstract string CssClass { get; }

    internal sealed override void ExtendBounds(ref DataBounds bounds) { }

    internal sealed override void Render(PlotContext context)
    {
        var svg = context.Svg;
        double scale = Math.Min(1, Math.Min(context.Width / DiagramWidth, context.Height / DiagramHeight));
        double left = context.Left + (context.Width - DiagramWidth * scale) / 2;
        double top = context.Top + (context.Height - DiagramHeight * scale) / 2;
        svg.Raw("<g class=\"series ").Raw(CssClass).Raw("\"").Attr("transform",
            $"translate({SvgWriter.Number(left)} {SvgWriter.Number(top)}) scale({SvgWriter.Number(Math.Round(scale, 2))})").Raw(">\n");
        RenderDiagram(svg);
        svg.Raw("</g>\n");
    }

    /// <summary>Writes the diagram in its own pixels.</summary>
    private protected abstract void RenderDiagram(SvgWriter svg);
}
