namespace Descent.Plotting;

/// <summary>A translucent band between lower[i] and upper[i] over x[i] (± one standard deviation, say).</summary>
public sealed class BandSeries : Series
{
    internal BandSeries(double[] x, double[] lower, double[] upper, Color color)
    {
        X = x; Lower = lower; Upper = upper; Color = color;
    }

    /// <summary>The x values.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>The lower edge.</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>The upper edge.</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Fill colour.</summary>
    public Color Color { get; set; }

    /// <summary>Fill opacity, 0..1.</summary>
    public double Opacity { get; set; } = 0.2;

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        for (int i = 0; i < X.Count; i++)
        {
            bounds.Include(X[i], Lower[i]);
            bounds.Include(X[i], Upper[i]);
        }
    }

    internal override void Render(PlotContext context)
    {
        var svg = context.Svg;
        svg.Raw("<path class=\"series band\"").Attr("fill", Color.Hex).Attr("fill-opacity", Opacity).Raw(" stroke=\"none\" d=\"");
        bool first = true;
        for (int i = 0; i < X.Count; i++)
        {
            double px = context.Px(X[i]), py = context.Py(Upper[i]);
            if (!double.IsFinite(px) || !double.IsFinite(py)) continue;
            svg.Raw(first ? "M" : "L").Point(px, py);
            first = false;
        }
        for (int i = X.Count - 1; i >= 0; i--)
        {
            double px = context.Px(X[i]), py = context.Py(Lower[i]);
            if (!double.IsFinite(px) || !double.IsFinite(py)) continue;
            svg.Raw(first ? "M" : "L").Point(px, py);
            first = false;
        }
        svg.Raw("z\"/>\n");
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y) =>
        svg.Rect(x - 10, y - 6, 20, 12, Color.Hex, $"fill-opacity=\"{SvgWriter.Number(Math.Max(Opacity, 0.3))}\"");
}
