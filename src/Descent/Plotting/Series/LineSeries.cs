namespace Descent.Plotting;

/// <summary>
/// A polyline through (x[i], y[i]), optionally with markers at the points or drawn as steps. Non-finite points
/// (and non-positive ones on log axes) break the line. When x is sorted and there are more than four points per
/// pixel column, the line is decimated with <see cref="Decimation.MinMaxPerColumn"/>, which looks the same.
/// </summary>
public sealed class LineSeries : Series
{
    internal LineSeries(double[] x, double[] y, Color color)
    {
        X = x; Y = y; Color = color;
    }

    /// <summary>The x values.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>The y values.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>Line colour.</summary>
    public Color Color { get; set; }

    /// <summary>Line width in pixels.</summary>
    public double Width { get; set; } = 2;

    /// <summary>Dash pattern.</summary>
    public LineStyle Style { get; set; } = LineStyle.Solid;

    /// <summary>A marker drawn at every point, or null.</summary>
    public MarkerShape? Marker { get; set; }

    /// <summary>Marker radius in pixels.</summary>
    public double MarkerSize { get; set; } = 3.5;

    /// <summary>Draw as a staircase: horizontal to the next x, then vertical ("steps-post").</summary>
    public bool Steps { get; set; }

    /// <summary>Opacity of the stroke, 0..1.</summary>
    public double Opacity { get; set; } = 1;

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        for (int i = 0; i < X.Count; i++) bounds.Include(X[i], Y[i]);
    }

    internal override void Render(PlotContext context)
    {
        var svg = context.Svg;
        int[] points = PixelPoints(context, out double[] px, out double[] py);
        svg.Raw("<path class=\"series line\"");
        if (Label is not null) svg.Attr("data-label", Label);
        svg.Raw(" fill=\"none\"").Attr("stroke", Color.Hex).Attr("stroke-width", Width)
            .Raw(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (Opacity < 1) svg.Attr("stroke-opacity", Opacity);
        if (Dash(Style) is { } dash) svg.Attr("stroke-dasharray", dash);
        svg.Raw(" d=\"");
        bool penDown = false;
        double previousY = 0;
        foreach (int i in points)
        {
            if (!double.IsFinite(px[i]) || !double.IsFinite(py[i])) { penDown = false; continue; }
            if (!penDown) svg.Raw("M").Point(px[i], py[i]);
            else if (Steps) svg.Raw("L").Point(px[i], previousY).Raw("L").Point(px[i], py[i]);
            else svg.Raw("L").Point(px[i], py[i]);
            penDown = true;
            previousY = py[i];
        }
        svg.Raw("\"/>\n");
        if (Marker is { } shape)
        {
            svg.Raw("<path class=\"markers\" ").Raw(Markers.Paint(shape, Color, 1)).Raw(" d=\"");
            foreach (int i in points)
                if (double.IsFinite(px[i]) && double.IsFinite(py[i])) Markers.Append(svg, shape, px[i], py[i], MarkerSize);
            svg.Raw("\"/>\n");
        }
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y)
    {
        svg.Line(x - 12, y, x + 12, y, Color.Hex, Math.Min(Width, 4), Dash(Style) is { } d ? $"stroke-dasharray=\"{d}\"" : null);
        if (Marker is { } shape)
        {
            svg.Raw("<path ").Raw(Markers.Paint(shape, Color, 1)).Raw(" d=\"");
            Markers.Append(svg, shape, x, y, MarkerSize);
            svg.Raw("\"/>\n");
        }
    }

    internal override void MarkOccupancy(PlotContext context, Occupancy occupancy)
    {
        int[] points = PixelPoints(context, out double[] px, out double[] py);
        for (int k = 1; k < points.Length; k++)
            occupancy.MarkSegment(px[points[k - 1]], py[points[k - 1]], px[points[k]], py[points[k]]);
    }

    internal static string? Dash(LineStyle style) => style switch
    {
        LineStyle.Dashed => "7,4",
        LineStyle.Dotted => "2,3",
        _ => null,
    };

    private int[] PixelPoints(PlotContext context, out double[] px, out double[] py)
    {
        context.ToPixels(X, Y, out px, out py);
        int n = px.Length;
        int columns = Math.Max(1, (int)Math.Ceiling(context.Width));
        if (Marker is null && !Steps && n > 4 * columns)
            return Decimation.MinMaxPerColumn(px, py, columns);
        return Enumerable.Range(0, n).ToArray();
    }
}
