namespace Descent.Plotting;

/// <summary>Vertical bars from 0 to height[i], centred on x[i], <see cref="BarWidth"/> data units wide.</summary>
public sealed class BarSeries : Series
{
    internal BarSeries(double[] x, double[] heights, Color color, double barWidth)
    {
        X = x; Heights = heights; Color = color; BarWidth = barWidth;
    }

    /// <summary>Bar centres.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>Bar heights (negative bars go down from 0).</summary>
    public IReadOnlyList<double> Heights { get; }

    /// <summary>Fill colour.</summary>
    public Color Color { get; set; }

    /// <summary>Bar width in data units.</summary>
    public double BarWidth { get; set; }

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        for (int i = 0; i < X.Count; i++)
        {
            bounds.Include(X[i] - BarWidth / 2, Heights[i]);
            bounds.Include(X[i] + BarWidth / 2, 0);
        }
    }

    internal override void Render(PlotContext context)
    {
        var svg = context.Svg;
        svg.Raw("<g class=\"series bars\"");
        if (Label is not null) svg.Attr("data-label", Label);
        svg.Attr("fill", Color.Hex).Raw(">\n");
        double baseline = context.Y.Scale == AxisScale.Log ? context.Y.P0 : context.Py(0);
        for (int i = 0; i < X.Count; i++)
        {
            double x0 = context.Px(X[i] - BarWidth / 2), x1 = context.Px(X[i] + BarWidth / 2), top = context.Py(Heights[i]);
            if (!double.IsFinite(x0) || !double.IsFinite(x1) || !double.IsFinite(top)) continue;
            svg.Raw("<rect").Attr("x", Math.Min(x0, x1)).Attr("y", Math.Min(top, baseline))
                .Attr("width", Math.Abs(x1 - x0)).Attr("height", Math.Abs(baseline - top)).Raw("/>\n");
        }
        svg.Raw("</g>\n");
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y) => svg.Rect(x - 8, y - 6, 16, 12, Color.Hex);

    internal override void MarkOccupancy(PlotContext context, Occupancy occupancy)
    {
        for (int i = 0; i < X.Count; i++)
            occupancy.MarkSegment(context.Px(X[i]), context.Py(0), context.Px(X[i]), context.Py(Heights[i]));
    }
}
