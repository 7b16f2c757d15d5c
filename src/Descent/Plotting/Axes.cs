namespace Descent.Plotting;

/// <summary>
/// One plot in a <see cref="Figure"/>: a rectangle with an x and a y axis, the series drawn in it, a title, axis
/// labels, a legend and optionally a colour bar. Series added without a colour take the next colour of the
/// <see cref="Palette"/>. Limits default to the data's extent plus a 5 % margin (none for grids and heatmaps).
/// </summary>
public sealed class Axes
{
    private readonly List<Series> _series = [];
    private int _nextColor;

    internal Axes(int row, int column)
    {
        Row = row;
        Column = column;
    }

    /// <summary>Row of this axes in its figure's grid.</summary>
    public int Row { get; }

    /// <summary>Column of this axes in its figure's grid.</summary>
    public int Column { get; }

    /// <summary>Title above the plot.</summary>
    public string? Title { get; set; }

    /// <summary>Label under the x axis (give units where known: "Population of city (10,000s)").</summary>
    public string? XLabel { get; set; }

    /// <summary>Label beside the y axis.</summary>
    public string? YLabel { get; set; }

    /// <summary>Linear or log x axis.</summary>
    public AxisScale XScale { get; set; }

    /// <summary>Linear or log y axis.</summary>
    public AxisScale YScale { get; set; }

    /// <summary>Fixed lower x limit, or null to fit the data.</summary>
    public double? XMin { get; set; }

    /// <summary>Fixed upper x limit, or null to fit the data.</summary>
    public double? XMax { get; set; }

    /// <summary>Fixed lower y limit, or null to fit the data.</summary>
    public double? YMin { get; set; }

    /// <summary>Fixed upper y limit, or null to fit the data.</summary>
    public double? YMax { get; set; }

    /// <summary>True to draw y increasing downwards (matrices: row 0 on top).</summary>
    public bool YInverted { get; set; }

    /// <summary>Light grid lines at the major ticks.</summary>
    public bool ShowGrid { get; set; } = true;

    /// <summary>The frame around the plot area (false for pictures that are not plots, such as a tree diagram).</summary>
    public bool ShowFrame { get; set; } = true;

    /// <summary>Where the legend goes.</summary>
    public LegendPosition Legend { get; set; } = LegendPosition.Auto;

    /// <summary>The series in drawing order.</summary>
    public IReadOnlyList<Series> Series => _series;

    internal (double[] Positions, string[] Labels)? XTicks { get; private set; }
    internal (double[] Positions, string[] Labels)? YTicks { get; private set; }
    internal ColorBarSpec? ColorBarSpec { get; private set; }

    /// <summary>Replaces the automatic x ticks by labelled positions (categories).</summary>
    public void SetXTicks(IReadOnlyList<double> positions, IReadOnlyList<string> labels) => XTicks = CustomTicks(positions, labels);

    /// <summary>Replaces the automatic y ticks by labelled positions (categories).</summary>
    public void SetYTicks(IReadOnlyList<double> positions, IReadOnlyList<string> labels) => YTicks = CustomTicks(positions, labels);

    /// <summary>Adds any series built elsewhere.</summary>
    public T Add<T>(T series) where T : Series
    {
        ArgumentNullException.ThrowIfNull(series);
        _series.Add(series);
        return series;
    }

    /// <summary>A line through the points (x[i], y[i]).</summary>
    /// <exception cref="ArgumentException">x and y differ in length.</exception>
    public LineSeries Line(IReadOnlyList<double> x, IReadOnlyList<double> y, string? label = null, Color? color = null)
    {
        var xs = Plotting.Series.Copy(x, nameof(x));
        var ys = Plotting.Series.Copy(y, nameof(y));
        Plotting.Series.SameLength(xs.Length, ys.Length, "Axes.Line");
        return Add(new LineSeries(xs, ys, color ?? NextColor()) { Label = label });
    }

    /// <summary>The curve y = f(x) sampled at <paramref name="points"/> evenly spaced x in [xMin, xMax].</summary>
    public LineSeries Function(Func<double, double> f, double xMin, double xMax, string? label = null, Color? color = null,
        int points = 400)
    {
        ArgumentNullException.ThrowIfNull(f);
        double[] xs = Grid2D.Spaced(xMin, xMax, Math.Max(2, points));
        var ys = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++) ys[i] = f(xs[i]);
        return Add(new LineSeries(xs, ys, color ?? NextColor()) { Label = label });
    }

    /// <summary>Markers at the points (x[i], y[i]) in one colour and shape.</summary>
    /// <exception cref="ArgumentException">x and y differ in length.</exception>
    public ScatterSeries Scatter(IReadOnlyList<double> x, IReadOnlyList<double> y, string? label = null, Color? color = null,
        MarkerShape marker = MarkerShape.Circle)
    {
        var xs = Plotting.Series.Copy(x, nameof(x));
        var ys = Plotting.Series.Copy(y, nameof(y));
        Plotting.Series.SameLength(xs.Length, ys.Length, "Axes.Scatter");
        return Add(new ScatterSeries(xs, ys, color ?? NextColor(), marker) { Label = label });
    }

    /// <summary>
    /// One scatter series per class: point i belongs to class classIndex[i] (0-based) and class k is drawn in
    /// palette colour k with marker shape k, labelled classNames[k].
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or a class index is outside the names.</exception>
    public IReadOnlyList<ScatterSeries> ScatterByClass(IReadOnlyList<double> x, IReadOnlyList<double> y,
        IReadOnlyList<int> classIndex, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classIndex);
        ArgumentNullException.ThrowIfNull(classNames);
        Plotting.Series.SameLength(x.Count, y.Count, "Axes.ScatterByClass");
        if (classIndex.Count != x.Count)
            throw new ArgumentException($"Axes.ScatterByClass: {x.Count} points but {classIndex.Count} class indices.");
        var result = new List<ScatterSeries>(classNames.Count);
        for (int k = 0; k < classNames.Count; k++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < x.Count; i++)
            {
                int c = classIndex[i];
                if (c < 0 || c >= classNames.Count)
                    throw new ArgumentException(
                        $"Axes.ScatterByClass: point {i} has class index {c}, but there are {classNames.Count} class names.");
                if (c == k) { xs.Add(x[i]); ys.Add(y[i]); }
            }
            result.Add(Add(new ScatterSeries(xs.ToArray(), ys.ToArray(), Palette.At(k), Palette.MarkerAt(k)) { Label = classNames[k] }));
        }
        _nextColor = Math.Max(_nextColor, classNames.Count);
        return result;
    }

    /// <summary>
    /// Filled bands between consecutive levels (strictly increasing, at least 2) of a grid, coloured by the colour
    /// map (viridis by default) at the band's centre: band k gets colormap((k + 0.5) / bands).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 levels, or levels not strictly increasing.</exception>
    public FilledContourSeries FilledContour(Grid2D grid, IReadOnlyList<double> levels, Colormap? colormap = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var edges = CheckLevels(levels, 2, "Axes.FilledContour");
        var map = colormap ?? Colormap.Viridis;
        var colours = new Color[edges.Length - 1];
        for (int k = 0; k < colours.Length; k++) colours[k] = map.At((k + 0.5) / colours.Length);
        return Add(new FilledContourSeries(grid, edges, colours));
    }

    /// <summary>Contour lines of a grid at the given levels.</summary>
    /// <exception cref="ArgumentException">No level, or levels not strictly increasing.</exception>
    public ContourLineSeries ContourLines(Grid2D grid, IReadOnlyList<double> levels, Color? color = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var values = CheckLevels(levels, 1, "Axes.ContourLines");
        return Add(new ContourLineSeries(grid, values, color ?? new Color(0x33, 0x33, 0x33)) { Label = label });
    }

    /// <summary>
    /// A matrix as coloured, annotated cells: row i at y = i (drawn top-down), column j at x = j, the ticks labelled
    /// with the given names. Colours span [min, max] (default: the matrix's range).
    /// </summary>
    public HeatmapSeries Heatmap(double[,] values, IReadOnlyList<string>? columnLabels = null,
        IReadOnlyList<string>? rowLabels = null, Colormap? colormap = null, double? min = null, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        if (rows == 0 || columns == 0)
            throw new ArgumentException($"Axes.Heatmap: the matrix is {rows}×{columns}; it needs at least one cell.");
        if (columnLabels is not null && columnLabels.Count != columns)
            throw new ArgumentException($"Axes.Heatmap: {columnLabels.Count} column labels for {columns} columns.");
        if (rowLabels is not null && rowLabels.Count != rows)
            throw new ArgumentException($"Axes.Heatmap: {rowLabels.Count} row labels for {rows} rows.");
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (double v in values)
            if (double.IsFinite(v)) { low = Math.Min(low, v); high = Math.Max(high, v); }
        if (low > high) { low = 0; high = 1; }
        YInverted = true;
        ShowGrid = false;
        SetXTicks(Enumerable.Range(0, columns).Select(j => (double)j).ToArray(),
            columnLabels ?? Enumerable.Range(0, columns).Select(j => j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        SetYTicks(Enumerable.Range(0, rows).Select(i => (double)i).ToArray(),
            rowLabels ?? Enumerable.Range(0, rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        return Add(new HeatmapSeries((double[,])values.Clone(), colormap ?? Colormap.Viridis, min ?? low, max ?? high));
    }

    /// <summary>Vertical bars of the given heights centred on x.</summary>
    public BarSeries Bars(IReadOnlyList<double> x, IReadOnlyList<double> heights, string? label = null, Color? color = null,
        double barWidth = 0.8)
    {
        var xs = Plotting.Series.Copy(x, nameof(x));
        var hs = Plotting.Series.Copy(heights, nameof(heights));
        Plotting.Series.SameLength(xs.Length, hs.Length, "Axes.Bars");
        return Add(new BarSeries(xs, hs, color ?? NextColor(), barWidth) { Label = label });
    }

    /// <summary>Horizontal bars of the given lengths along x, centred on the y positions (names as y ticks read whole).</summary>
    public BarSeries HorizontalBars(IReadOnlyList<double> y, IReadOnlyList<double> lengths, string? label = null, Color? color = null,
        double barHeight = 0.8)
    {
        var ys = Plotting.Series.Copy(y, nameof(y));
        var ls = Plotting.Series.Copy(lengths, nameof(lengths));
        Plotting.Series.SameLength(ys.Length, ls.Length, "Axes.HorizontalBars");
        return Add(new BarSeries(ys, ls, color ?? NextColor(), barHeight, horizontal: true) { Label = label });
    }

    /// <summary>A translucent band between lower and upper over x.</summary>
    public BandSeries Band(IReadOnlyList<double> x, IReadOnlyList<double> lower, IReadOnlyList<double> upper,
        Color color, string? label = null)
    {
        var xs = Plotting.Series.Copy(x, nameof(x));
        var lo = Plotting.Series.Copy(lower, nameof(lower));
        var hi = Plotting.Series.Copy(upper, nameof(upper));
        Plotting.Series.SameLength(xs.Length, lo.Length, "Axes.Band (lower)");
        Plotting.Series.SameLength(xs.Length, hi.Length, "Axes.Band (upper)");
        return Add(new BandSeries(xs, lo, hi, color) { Label = label });
    }

    /// <summary>
    /// Turns this axes into a 3-D picture seen through <paramref name="view"/>: no frame, grid or 2-D ticks; the scene
    /// draws its own box, ticks and axis names. Add surfaces, lines, markers and sticks to the returned scene.
    /// </summary>
    public Scene3D Scene3D(View3D view)
    {
        ArgumentNullException.ThrowIfNull(view);
        ShowFrame = false;
        ShowGrid = false;
        SetXTicks([], []);
        SetYTicks([], []);
        (XMin, XMax, YMin, YMax) = (0, 1, 0, 1);
        return Add(new Scene3D(this, view));
    }

    /// <summary>A text at the data point (x, y).</summary>
    public TextAnnotation Text(double x, double y, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(new TextAnnotation(x, y, text));
    }

    /// <summary>An arrow from (x0, y0) to (x1, y1) in data units.</summary>
    public ArrowAnnotation Arrow(double x0, double y0, double x1, double y1, Color? color = null) =>
        Add(new ArrowAnnotation(x0, y0, x1, y1, color ?? new Color(0, 0, 0)));

    /// <summary>A colour bar beside the plot with one block per band of the filled contour, ticks at its levels.</summary>
    public void ColorBar(FilledContourSeries contour, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(contour);
        ColorBarSpec = new ColorBarSpec(contour.Levels.ToArray(), contour.BandColors.ToArray(), null, 0, 0, label);
    }

    /// <summary>A continuous colour bar beside the plot for the heatmap's colour map and range.</summary>
    public void ColorBar(HeatmapSeries heatmap, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(heatmap);
        ColorBarSpec = new ColorBarSpec(null, null, heatmap.Colormap, heatmap.Min, heatmap.Max, label);
    }

    private Color NextColor() => Palette.At(_nextColor++);

    private static (double[], string[]) CustomTicks(IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(labels);
        if (positions.Count != labels.Count)
            throw new ArgumentException($"Axes: {positions.Count} tick positions but {labels.Count} tick labels.");
        return (positions.ToArray(), labels.ToArray());
    }

    private static double[] CheckLevels(IReadOnlyList<double> levels, int minimum, string what)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var values = levels.ToArray();
        if (values.Length < minimum)
            throw new ArgumentException($"{what}: needs at least {minimum} level(s), got {values.Length}.");
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]) || (i > 0 && !(values[i] > values[i - 1])))
                throw new ArgumentException($"{what}: levels must be finite and strictly increasing; level {i} = {values[i]} is not.");
        return values;
    }
}

/// <summary>What a colour bar shows: discrete bands between levels, or a continuous map over [min, max].</summary>
internal sealed record ColorBarSpec(double[]? Levels, Color[]? BandColors, Colormap? Map, double Min, double Max, string? Label);
