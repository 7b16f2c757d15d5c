namespace Descent.Plotting;

/// <summary>
/// Markers at (x[i], y[i]) in one colour and shape (one series per class). Above <see cref="MaxMarkers"/> points,
/// only the first point in each marker-sized pixel cell is drawn (<see cref="Decimation.FirstPerCell"/>):
/// the picture is the same, the file stays small.
/// </summary>
public sealed class ScatterSeries : Series
{
    /// <summary>Point count above which markers are binned to one per marker-sized pixel cell.</summary>
    public const int MaxMarkers = 4000;

    internal ScatterSeries(double[] x, double[] y, Color color, MarkerShape marker)
    {
        X = x; Y = y; Color = color; Marker = marker;
    }

    /// <summary>The x values.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>The y values.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>Marker colour.</summary>
    public Color Color { get; set; }

    /// <summary>Marker shape.</summary>
    public MarkerShape Marker { get; set; }

    /// <summary>Marker radius in pixels.</summary>
    public double Size { get; set; } = 4;

    /// <summary>Marker opacity, 0..1.</summary>
    public double Opacity { get; set; } = 0.85;

    /// <summary>Colour of the thin outline of filled markers (white by default; dark over light shading).</summary>
    public Color EdgeColor { get; set; } = new(255, 255, 255);

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        for (int i = 0; i < X.Count; i++) bounds.Include(X[i], Y[i]);
    }

    internal override void Render(PlotContext context)
    {
        var svg = context.Svg;
        int[] points = Visible(context, out double[] px, out double[] py);
        svg.Raw("<path class=\"series scatter\"");
        if (Label is not null) svg.Attr("data-label", Label);
        svg.Raw(" ").Raw(Markers.Paint(Marker, Color, Opacity, EdgeColor)).Raw(" d=\"");
        foreach (int i in points) Markers.Append(svg, Marker, px[i], py[i], Size);
        svg.Raw("\"/>\n");
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y)
    {
        svg.Raw("<path ").Raw(Markers.Paint(Marker, Color, 1, EdgeColor)).Raw(" d=\"");
        Markers.Append(svg, Marker, x, y, Math.Min(Size, 5));
        svg.Raw("\"/>\n");
    }

    internal override void MarkOccupancy(PlotContext context, Occupancy occupancy)
    {
        int[] points = Visible(context, out double[] px, out double[] py);
        foreach (int i in points) occupancy.Mark(px[i], py[i]);
    }

    private int[] Visible(PlotContext context, out double[] px, out double[] py)
    {
        context.ToPixels(X, Y, out px, out py);
        int n = px.Length;
        if (n > MaxMarkers) return Decimation.FirstPerCell(px, py, Size);
        var finite = new List<int>(n);
        for (int i = 0; i < n; i++)
            if (double.IsFinite(px[i]) && double.IsFinite(py[i])) finite.Add(i);
        return finite.ToArray();
    }
}
