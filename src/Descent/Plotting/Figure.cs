namespace Descent.Plotting;

/// <summary>
/// A picture made of one or more <see cref="Axes"/> in a grid, written as SVG. The same figure always gives the
/// same bytes: numbers have fixed precision in the invariant culture and nothing depends on time or machine.
/// </summary>
/// <example><code>
/// var figure = new Figure { Title = "Cost per epoch" };
/// figure.Axes.Line(epochs, costs, "training");
/// figure.Axes.YScale = AxisScale.Log;
/// File.WriteAllText("loss.svg", figure.ToSvg());
/// </code></example>
public sealed class Figure
{
    private const double TitleFont = 16;
    private readonly Axes[] _axes;

    /// <summary>A figure of rows × columns axes; the default size is 640 × 480 px for one axes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns below 1, or a size that is not positive.</exception>
    public Figure(int rows = 1, int columns = 1, double width = 0, double height = 0)
    {
        if (rows < 1 || columns < 1)
            throw new ArgumentOutOfRangeException(nameof(rows), $"Figure: needs at least 1 row and 1 column, got {rows}×{columns}.");
        if (width < 0 || height < 0 || !double.IsFinite(width) || !double.IsFinite(height))
            throw new ArgumentOutOfRangeException(nameof(width), $"Figure: size must be positive, got {width}×{height}.");
        Rows = rows;
        Columns = columns;
        Width = width > 0 ? width : columns == 1 ? 640 : 460 * columns;
        Height = height > 0 ? height : rows == 1 ? 480 : 380 * rows;
        _axes = new Axes[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                _axes[r * columns + c] = new Axes(r, c);
    }

    /// <summary>Rows of axes.</summary>
    public int Rows { get; }

    /// <summary>Columns of axes.</summary>
    public int Columns { get; }

    /// <summary>Width in pixels.</summary>
    public double Width { get; }

    /// <summary>Height in pixels.</summary>
    public double Height { get; }

    /// <summary>A title over the whole figure (also its accessible name).</summary>
    public string? Title { get; set; }

    /// <summary>The axes at (row, column).</summary>
    public Axes this[int row, int column]
    {
        get
        {
            if (row < 0 || row >= Rows || column < 0 || column >= Columns)
                throw new ArgumentOutOfRangeException(nameof(row), $"Figure: axes ({row}, {column}) is outside the {Rows}×{Columns} grid.");
            return _axes[row * Columns + column];
        }
    }

    /// <summary>The first (for a one-plot figure, the only) axes.</summary>
    public Axes Axes => _axes[0];

    /// <summary>All axes, row by row.</summary>
    public IReadOnlyList<Axes> AllAxes => _axes;

    /// <summary>
    /// The SVG document. <paramref name="idPrefix"/> starts every id inside it, so several figures can be inlined
    /// in one HTML page; <paramref name="standalone"/> adds the XML namespace needed by a stand-alone .svg file
    /// (inline SVG in HTML does not need it).
    /// </summary>
    public string ToSvg(string idPrefix = "figure", bool standalone = true) => ToSvg(idPrefix, standalone, out _);

    /// <summary>The SVG document, and the size in px of its smallest text (to keep it legible when scaled down).</summary>
    internal string ToSvg(string idPrefix, bool standalone, out double smallestFont)
    {
        ArgumentNullException.ThrowIfNull(idPrefix);
        var svg = new SvgWriter(SvgWriter.Escape(idPrefix).Replace(' ', '-'));
        svg.Raw("<svg");
        if (standalone) svg.Raw(" xmlns=\"http://www.w3.org/2000/svg\"");
        svg.Attr("width", Width).Attr("height", Height).Raw(" viewBox=\"0 0 ").Num(Width).Raw(" ").Num(Height).Raw("\"")
            .Raw(" role=\"img\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" fill=\"#222222\">\n");
        if (Title is not null || _axes.Any(a => a.Title is not null))
            svg.Raw("<title>").Text(Title ?? string.Join("; ", _axes.Where(a => a.Title is not null).Select(a => a.Title!)))
                .Raw("</title>\n");
        svg.Rect(0, 0, Width, Height, "#ffffff");
        double top = 0;
        if (Title is not null)
        {
            string[] lines = AxesLayout.Wrap(Title, TitleFont, Width - 20, bold: true);
            for (int k = 0; k < lines.Length; k++)
                svg.TextElement(Width / 2, 24 + k * (TitleFont + AxesLayout.LineGap), lines[k], "middle", TitleFont,
                    "font-weight=\"bold\" class=\"figure-title\"");
            top = 34 + (lines.Length - 1) * (TitleFont + AxesLayout.LineGap);
        }
        double cellWidth = Width / Columns, cellHeight = (Height - top) / Rows;
        for (int i = 0; i < _axes.Length; i++)
            AxesRenderer.Render(svg, _axes[i], i, _axes[i].Column * cellWidth, top + _axes[i].Row * cellHeight, cellWidth, cellHeight);
        svg.Raw("</svg>\n");
        smallestFont = svg.SmallestFont;
        return svg.ToString();
    }

    /// <summary>Writes the stand-alone SVG to a file, atomically (a temporary file moved into place).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToSvg());
}
