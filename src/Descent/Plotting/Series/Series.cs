namespace Descent.Plotting;

/// <summary>Something drawn inside an <see cref="Axes"/>' plot area: a line, markers, a filled contour, a text.</summary>
public abstract class Series
{
    /// <summary>The legend entry, or null for none.</summary>
    public string? Label { get; set; }

    /// <summary>Adds this series' data extent to <paramref name="bounds"/> (only values the axis scales can show).</summary>
    internal abstract void ExtendBounds(ref DataBounds bounds);

    /// <summary>True when the axes limits should hug this series exactly (grids, heatmaps) instead of adding a margin.</summary>
    internal virtual bool Tight => false;

    /// <summary>Writes the series' SVG inside the clipped plot area.</summary>
    internal abstract void Render(PlotContext context);

    /// <summary>Draws the legend symbol centred at (x, y), inside a 24 × 12 px box.</summary>
    internal virtual void RenderLegendSymbol(SvgWriter svg, double x, double y) { }

    /// <summary>Marks the coarse cells of <paramref name="occupancy"/> this series covers, so the legend can avoid them.</summary>
    internal virtual void MarkOccupancy(PlotContext context, Occupancy occupancy) { }

    /// <summary>Copies a list into an array, rejecting a null list.</summary>
    internal static double[] Copy(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var result = new double[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = values[i];
        return result;
    }

    /// <summary>Throws unless two coordinate lists have the same length.</summary>
    internal static void SameLength(int xCount, int yCount, string what)
    {
        if (xCount != yCount)
            throw new ArgumentException(
                $"{what}: x has {xCount} values but y has {yCount}; every point needs one x and one y.");
    }
}

/// <summary>The data extent of an axes, counting only values its scales can show (positive ones on log axes).</summary>
internal struct DataBounds
{
    public AxisScale XScale, YScale;
    public double XMin, XMax, YMin, YMax;

    public DataBounds(AxisScale xScale, AxisScale yScale)
    {
        XScale = xScale; YScale = yScale;
        XMin = YMin = double.PositiveInfinity;
        XMax = YMax = double.NegativeInfinity;
    }

    public readonly bool HasX => XMax >= XMin;
    public readonly bool HasY => YMax >= YMin;

    public void IncludeX(double x)
    {
        if (!double.IsFinite(x) || (XScale == AxisScale.Log && !(x > 0))) return;
        if (x < XMin) XMin = x;
        if (x > XMax) XMax = x;
    }

    public void IncludeY(double y)
    {
        if (!double.IsFinite(y) || (YScale == AxisScale.Log && !(y > 0))) return;
        if (y < YMin) YMin = y;
        if (y > YMax) YMax = y;
    }

    public void Include(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) return;
        if (XScale == AxisScale.Log && !(x > 0)) return;
        if (YScale == AxisScale.Log && !(y > 0)) return;
        IncludeX(x);
        IncludeY(y);
    }
}

/// <summary>What a series needs to draw itself: the plot area, the two axis maps and the writer.</summary>
internal sealed class PlotContext
{
    public PlotContext(SvgWriter svg, ScaleMap x, ScaleMap y, double left, double top, double width, double height)
    {
        Svg = svg; X = x; Y = y; Left = left; Top = top; Width = width; Height = height;
    }

    public SvgWriter Svg { get; }
    public ScaleMap X { get; }
    public ScaleMap Y { get; }
    public double Left { get; }
    public double Top { get; }
    public double Width { get; }
    public double Height { get; }

    public double Px(double x) => X.Map(x);
    public double Py(double y) => Y.Map(y);

    /// <summary>The pixel positions (px[i], py[i]) of the data points (x[i], y[i]).</summary>
    public void ToPixels(IReadOnlyList<double> x, IReadOnlyList<double> y, out double[] px, out double[] py)
    {
        px = new double[x.Count];
        py = new double[x.Count];
        for (int i = 0; i < px.Length; i++)
        {
            px[i] = Px(x[i]);
            py[i] = Py(y[i]);
        }
    }
}

/// <summary>A coarse grid over the plot area (cells of <see cref="CellSize"/> px) counting what is drawn where.</summary>
internal sealed class Occupancy
{
    public const double CellSize = 8;
    private readonly int[,] _counts;
    private readonly PlotContext _context;

    public Occupancy(PlotContext context)
    {
        _context = context;
        _counts = new int[(int)(context.Height / CellSize) + 1, (int)(context.Width / CellSize) + 1];
    }

    public void Mark(double px, double py)
    {
        if (!double.IsFinite(px) || !double.IsFinite(py)) return;
        int column = (int)((px - _context.Left) / CellSize), row = (int)((py - _context.Top) / CellSize);
        if (row >= 0 && column >= 0 && row < _counts.GetLength(0) && column < _counts.GetLength(1))
            _counts[row, column]++;
    }

    /// <summary>Marks points along the segment every half cell.</summary>
    public void MarkSegment(double x0, double y0, double x1, double y1)
    {
        if (!double.IsFinite(x0) || !double.IsFinite(y0) || !double.IsFinite(x1) || !double.IsFinite(y1)) return;
        double length = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        int steps = Math.Min(10_000, (int)(length / (CellSize / 2)) + 1);
        for (int s = 0; s <= steps; s++)
            Mark(x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps);
    }

    /// <summary>How many marks fall in the pixel rectangle.</summary>
    public int Count(double left, double top, double width, double height)
    {
        int c0 = Math.Max(0, (int)((left - _context.Left) / CellSize));
        int r0 = Math.Max(0, (int)((top - _context.Top) / CellSize));
        int c1 = Math.Min(_counts.GetLength(1) - 1, (int)((left + width - _context.Left) / CellSize));
        int r1 = Math.Min(_counts.GetLength(0) - 1, (int)((top + height - _context.Top) / CellSize));
        int total = 0;
        for (int r = r0; r <= r1; r++)
            for (int c = c0; c <= c1; c++)
                total += _counts[r, c];
        return total;
    }
}
