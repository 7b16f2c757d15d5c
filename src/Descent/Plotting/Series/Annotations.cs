namespace Descent.Plotting;

/// <summary>A text placed at a data point, shifted by a pixel offset, with a white halo so it reads over colour.</summary>
public sealed class TextAnnotation : Series
{
    internal TextAnnotation(double x, double y, string text)
    {
        X = x; Y = y; Text = text;
    }

    /// <summary>Anchor x in data units.</summary>
    public double X { get; }

    /// <summary>Anchor y in data units.</summary>
    public double Y { get; }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>Pixel offset to the right of the anchor.</summary>
    public double OffsetX { get; set; }

    /// <summary>Pixel offset below the anchor (negative: above).</summary>
    public double OffsetY { get; set; }

    /// <summary>"start", "middle" or "end".</summary>
    public string Anchor { get; set; } = "start";

    /// <summary>Font size in pixels.</summary>
    public double FontSize { get; set; } = 12;

    /// <summary>Text colour.</summary>
    public Color Color { get; set; } = new(0, 0, 0);

    internal override void ExtendBounds(ref DataBounds bounds) => bounds.Include(X, Y);

    internal override void Render(PlotContext context)
    {
        double px = context.Px(X) + OffsetX, py = context.Py(Y) + OffsetY;
        if (!double.IsFinite(px) || !double.IsFinite(py)) return;
        context.Svg.TextElement(px, py, Text, Anchor, FontSize,
            $"fill=\"{Color.Hex}\" class=\"annotation\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\"");
    }

    internal override void MarkOccupancy(PlotContext context, Occupancy occupancy)
    {
        double px = context.Px(X) + OffsetX, py = context.Py(Y) + OffsetY, width = TextMetrics.Width(Text, FontSize);
        double left = Anchor switch { "middle" => px - width / 2, "end" => px - width, _ => px };
        for (double x = left; x <= left + width; x += Occupancy.CellSize / 2)
            occupancy.MarkSegment(x, py - FontSize * 0.8, x, py + FontSize * 0.2);
    }
}

/// <summary>An arrow from (X0, Y0) to (X1, Y1) in data units, with a filled head at the end.</summary>
public sealed class ArrowAnnotation : Series
{
    internal ArrowAnnotation(double x0, double y0, double x1, double y1, Color color)
    {
        X0 = x0; Y0 = y0; X1 = x1; Y1 = y1; Color = color;
    }

    /// <summary>Tail x.</summary>
    public double X0 { get; }
    /// <summary>Tail y.</summary>
    public double Y0 { get; }
    /// <summary>Head x.</summary>
    public double X1 { get; }
    /// <summary>Head y.</summary>
    public double Y1 { get; }

    /// <summary>Colour of shaft and head.</summary>
    public Color Color { get; set; }

    /// <summary>Shaft width in pixels.</summary>
    public double Width { get; set; } = 1.5;

    /// <summary>Head length in pixels.</summary>
    public double HeadLength { get; set; } = 9;

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        bounds.Include(X0, Y0);
        bounds.Include(X1, Y1);
    }

    internal override void Render(PlotContext context) =>
        Draw(context.Svg, context.Px(X0), context.Py(Y0), context.Px(X1), context.Py(Y1), Color, Width, HeadLength);

    /// <summary>Writes a shaft and a triangular head in pixel coordinates; arrows shorter than a pixel are skipped.</summary>
    internal static void Draw(SvgWriter svg, double x0, double y0, double x1, double y1, Color color, double width, double head)
    {
        double dx = x1 - x0, dy = y1 - y0, length = Math.Sqrt(dx * dx + dy * dy);
        if (!(length >= 1) || !double.IsFinite(length)) return;
        double ux = dx / length, uy = dy / length;
        head = Math.Min(head, length * 0.6);
        double baseX = x1 - ux * head, baseY = y1 - uy * head, half = head * 0.45;
        svg.Raw("<g class=\"arrow\">");
        svg.Line(x0, y0, baseX, baseY, color.Hex, width);
        svg.Raw("<path").Attr("fill", color.Hex).Raw(" d=\"M").Point(x1, y1).Raw("L").Point(baseX - uy * half, baseY + ux * half)
            .Raw("L").Point(baseX + uy * half, baseY - ux * half).Raw("z\"/></g>\n");
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y) =>
        Draw(svg, x - 12, y, x + 12, y, Color, Width, 7);

    internal override void MarkOccupancy(PlotContext context, Occupancy occupancy) =>
        occupancy.MarkSegment(context.Px(X0), context.Py(Y0), context.Px(X1), context.Py(Y1));
}
