namespace Descent.Plotting;

/// <summary>
/// A 3-D picture inside an <see cref="Axes"/> (made by <see cref="Axes.Scene3D"/>): surfaces, lines, markers and
/// vertical sticks in data coordinates, projected by a <see cref="View3D"/> and drawn back to front (the painter's
/// algorithm: every quad, segment and marker sorted by depth), inside a box whose back panes carry grid lines and
/// whose front edges carry the ticks of x, y and z. Surfaces are coloured by height through a colour map and shaded
/// by the angle of each quad to the light, so the shape reads without colour. The SVG group carries the view
/// (<c>data-view</c>: azimuth, elevation, z aspect; <c>data-box</c>: the data box; <c>data-screen</c>: the pixel
/// centre and scale, px = cx + s·X, py = cy − s·Y), so a reader can project data points and compare.
/// </summary>
public sealed class Scene3D : Series
{
    private readonly Axes _axes;
    private readonly List<Element> _elements = [];

    internal Scene3D(Axes axes, View3D view)
    {
        _axes = axes;
        View = view;
    }

    /// <summary>The camera and the data box.</summary>
    public View3D View { get; }

    /// <summary>Name of the x axis (drawn along its front edge).</summary>
    public string? XLabel { get; set; }

    /// <summary>Name of the y axis.</summary>
    public string? YLabel { get; set; }

    /// <summary>Name of the z (vertical) axis.</summary>
    public string? ZLabel { get; set; }

    internal IReadOnlyList<Element> Elements => _elements;

    /// <summary>
    /// The surface z = grid value over the grid's (x, y) points, as shaded quads coloured by height through
    /// <paramref name="colormap"/> (viridis by default) over the view's z range. Non-finite values leave holes.
    /// </summary>
    public void Surface(Grid2D grid, Colormap? colormap = null, double opacity = 1, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var map = colormap ?? Colormap.Viridis;
        _elements.Add(new SurfaceElement(grid, map, Math.Clamp(opacity, 0, 1)));
        AddLegend(label, (svg, x, y) => svg.Rect(x - 8, y - 6, 16, 12, map.At(0.5).Hex));
    }

    /// <summary>A polyline through the points (x[i], y[i], z[i]) (a descent path on a surface, say).</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public void Line(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z, string? label = null, Color? color = null,
        double width = 2)
    {
        var points = Points(x, y, z, "Scene3D.Line");
        var colour = color ?? Palette.At(3);
        _elements.Add(new LineElement(points, colour, width));
        AddLegend(label, (svg, px, py) => svg.Line(px - 12, py, px + 12, py, colour.Hex, Math.Min(width, 4)));
    }

    /// <summary>Markers at the points (x[i], y[i], z[i]).</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public void Scatter(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z, string? label = null, Color? color = null,
        MarkerShape marker = MarkerShape.Circle, double size = 4)
    {
        var points = Points(x, y, z, "Scene3D.Scatter");
        var colour = color ?? Palette.At(0);
        _elements.Add(new MarkerElement(points, colour, marker, size));
        AddLegend(label, (svg, px, py) =>
        {
            svg.Raw("<path ").Raw(Markers.Paint(marker, colour, 1, new Color(0x22, 0x22, 0x22))).Raw(" d=\"");
            Markers.Append(svg, marker, px, py, Math.Min(size, 5));
            svg.Raw("\"/>\n");
        });
    }

    /// <summary>Vertical sticks from (x[i], y[i], from[i]) to (x[i], y[i], to[i]): residuals between a point and a fitted surface.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public void Sticks(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> from, IReadOnlyList<double> to,
        string? label = null, Color? color = null)
    {
        var bottoms = Points(x, y, from, "Scene3D.Sticks");
        var tops = Points(x, y, to, "Scene3D.Sticks");
        var colour = color ?? Palette.Grey;
        _elements.Add(new StickElement(bottoms, tops, colour));
        AddLegend(label, (svg, px, py) => svg.Line(px, py - 7, px, py + 7, colour.Hex, 1.6));
    }

    internal override void ExtendBounds(ref DataBounds bounds)
    {
    }

    internal override void Render(PlotContext context) => Scene3DRenderer.Render(this, context);

    internal override void MarkOccupancy(PlotContext context, Occupancy occupancy) => Scene3DRenderer.MarkOccupancy(this, context, occupancy);

    private void AddLegend(string? label, Action<SvgWriter, double, double> symbol)
    {
        if (!string.IsNullOrEmpty(label)) _axes.Add(new LegendEntrySeries(symbol) { Label = label });
    }

    private static (double X, double Y, double Z)[] Points(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z, string what)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (x.Count != y.Count || x.Count != z.Count)
            throw new ArgumentException($"{what}: x, y and z have {x.Count}, {y.Count} and {z.Count} values; every point needs all three.");
        var points = new (double, double, double)[x.Count];
        for (int i = 0; i < points.Length; i++) points[i] = (x[i], y[i], z[i]);
        return points;
    }

    internal abstract record Element;
    internal sealed record SurfaceElement(Grid2D Grid, Colormap Map, double Opacity) : Element;
    internal sealed record LineElement((double X, double Y, double Z)[] Points, Color Color, double Width) : Element;
    internal sealed record MarkerElement((double X, double Y, double Z)[] Points, Color Color, MarkerShape Shape, double Size) : Element;
    internal sealed record StickElement((double X, double Y, double Z)[] Bottoms, (double X, double Y, double Z)[] Tops, Color Color) : Element;
}

/// <summary>A legend entry with no data of its own (a part of a <see cref="Scene3D"/>): it draws only its symbol.</summary>
internal sealed class LegendEntrySeries(Action<SvgWriter, double, double> symbol) : Series
{
    internal override void ExtendBounds(ref DataBounds bounds)
    {
    }

    internal override void Render(PlotContext context)
    {
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y) => symbol(svg, x, y);
}
