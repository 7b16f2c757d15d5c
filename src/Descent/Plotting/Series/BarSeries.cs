namespace Descent.Plotting;

/// <summary>
/// Bars from 0 to Heights[i], centred on X[i] and <see cref="BarWidth"/> data units thick: vertical (the default), or
/// <see cref="Horizontal"/>, running along the x axis from positions on the y axis (long category names then read
/// as y tick labels, whole, instead of slanted under the plot).
/// </summary>
public sealed class BarSeries : Series
{
    internal BarSeries(double[] x, double[] heights, Color color, double barWidth, bool horizontal = false)
    {
        X = x; Heights = heights; Color = color; BarWidth = barWidth; Horizontal = horizontal;
    }

    /// <summary>Bar centres: on the x axis, or on the y axis for horizontal bars.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>Bar lengths (negative bars go down, or left, from 0).</summary>
    public IReadOnlyList<double> Heights { get; }

    /// <summary>Fill colour.</summary>
    public Color Color { get; set; }

    /// <summary>Bar thickness in data units.</summary>
    public double BarWidth { get; set; }

    /// <summary>True when the bars run along the x axis.</summary>
    public bool Horizontal { get; }

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        for (int i = 0; i < X.Count; i++)
        {
            Include(ref bounds, X[i] - BarWidth / 2, Heights[i]);
            Include(ref bounds, X[i] + BarWidth / 2, 0);
        }
    }

    internal override void Render(PlotContext context)
    {
        var svg = context.Svg;
        svg.Raw("<g class=\"series bars\"");
        if (Label is not null) svg.Attr("data-label", Label);
        svg.Attr("fill", Color.Hex).Raw(">\n");
        for (int i = 0; i < X.Count; i++)
        {
            var (x0, y0, x1, y1) = Corners(context, i);
            if (!double.IsFinite(x0) || !double.IsFinite(x1) || !double.IsFinite(y0) || !double.IsFinite(y1)) continue;
            svg.Raw("<rect").Attr("x", Math.Min(x0, x1)).Attr("y", Math.Min(y0, y1))
                .Attr("width", Math.Abs(x1 - x0)).Attr("height", Math.Abs(y1 - y0)).Raw("/>\n");
        }
        svg.Raw("</g>\n");
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y) => svg.Rect(x - 8, y - 6, 16, 12, Color.Hex);

    internal override void MarkOccupancy(PlotContext context, Occupancy occupancy)
    {
        for (int i = 0; i < X.Count; i++)
        {
            var (x0, y0, x1, y1) = Corners(context, i);
            for (int s = 0; s <= 4; s++)
            {
                double t = s / 4.0;
                if (Horizontal) occupancy.MarkSegment(x0, y0 + (y1 - y0) * t, x1, y0 + (y1 - y0) * t);
                else occupancy.MarkSegment(x0 + (x1 - x0) * t, y0, x0 + (x1 - x0) * t, y1);
            }
        }
    }

    /// <summary>The pixel corners of bar i: (x0, y0) at its base, (x1, y1) at its end.</summary>
    private (double X0, double Y0, double X1, double Y1) Corners(PlotContext context, int i)
    {
        if (Horizontal)
        {
            double baseline = context.X.Scale == AxisScale.Log ? context.X.P0 : context.Px(0);
            return (baseline, context.Py(X[i] - BarWidth / 2), context.Px(Heights[i]), context.Py(X[i] + BarWidth / 2));
        }
        double bottom = context.Y.Scale == AxisScale.Log ? context.Y.P0 : context.Py(0);
        return (context.Px(X[i] - BarWidth / 2), bottom, context.Px(X[i] + BarWidth / 2), context.Py(Heights[i]));
    }

    private void Include(ref DataBounds bounds, double position, double length)
    {
        if (Horizontal) bounds.Include(length, position);
        else bounds.Include(position, length);
    }
}
