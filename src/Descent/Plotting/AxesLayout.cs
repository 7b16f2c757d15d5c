namespace Descent.Plotting;

/// <summary>
/// Where an axes goes inside its cell of the figure: its data limits, its ticks, and the margins its tick labels,
/// axis labels, title, legend (when below the plot) and colour bar need. Text is measured with
/// <see cref="TextMetrics"/>, so the margins hold every label whole; a title or x label wider than the cell is wrapped.
/// </summary>
internal sealed class AxesLayout
{
    public const double TickFont = 11.5, LabelFont = 13, TitleFont = 14.5, LineGap = 4;

    public double XLow, XHigh, YLow, YHigh;
    public double[] XTickValues = [], YTickValues = [];
    public string[] XTickLabels = [], YTickLabels = [];
    public double Left, Top, Width, Height;

    /// <summary>The title and the x label, wrapped to the cell's width.</summary>
    public string[] TitleLines = [], XLabelLines = [];

    /// <summary>
    /// The x at which the title and the x label are centred: the plot area's centre, moved just enough that their widest
    /// line stays inside the cell (a wide y margin shifts the plot right, and a centred title would run off the figure).
    /// </summary>
    public double TitleX, XLabelX;

    /// <summary>True when the x tick labels are drawn at −45° (category names that would overlap).</summary>
    public bool RotateXLabels;

    /// <summary>Height under the plot area taken by the x ticks and their labels (rotated or not).</summary>
    public double XTickSpace;

    /// <summary>Width of the widest y tick label.</summary>
    public double YTickWidth;

    /// <summary>Top of the legend when it is drawn below the plot (0 otherwise).</summary>
    public double LegendTop;

    /// <param name="axes">The axes to lay out.</param>
    /// <param name="cellLeft">Left edge of the axes' cell in the figure.</param>
    /// <param name="cellTop">Top edge of the cell.</param>
    /// <param name="cellWidth">Width of the cell.</param>
    /// <param name="cellHeight">Height of the cell.</param>
    /// <param name="legendBelow">Height to keep under the x label for a legend below the plot (0 for none).</param>
    public static AxesLayout Compute(Axes axes, double cellLeft, double cellTop, double cellWidth, double cellHeight, double legendBelow = 0)
    {
        var layout = new AxesLayout();
        var bounds = new DataBounds(axes.XScale, axes.YScale);
        var tight = new DataBounds(axes.XScale, axes.YScale);
        foreach (var series in axes.Series)
        {
            if (series.Tight) series.ExtendBounds(ref tight);
            else series.ExtendBounds(ref bounds);
        }
        (layout.XLow, layout.XHigh) = Limits(bounds.XMin, bounds.XMax, bounds.HasX, tight.XMin, tight.XMax, tight.HasX,
            axes.XScale, axes.XMin, axes.XMax);
        (layout.YLow, layout.YHigh) = Limits(bounds.YMin, bounds.YMax, bounds.HasY, tight.YMin, tight.YMax, tight.HasY,
            axes.YScale, axes.YMin, axes.YMax);

        int maxXTicks = Math.Max(2, (int)((cellWidth - 90) / 80));
        int maxYTicks = Math.Max(2, (int)((cellHeight - 80) / 42));
        (layout.XTickValues, layout.XTickLabels) = TicksFor(axes.XTicks, axes.XScale, layout.XLow, layout.XHigh, maxXTicks);
        // fewer ticks while the labels would not fit side by side with a gap
        while (axes.XTicks is null && maxXTicks > 2
               && layout.XTickLabels.Sum(l => TickWidth(l) + 14) > cellWidth - 110)
            (layout.XTickValues, layout.XTickLabels) = TicksFor(null, axes.XScale, layout.XLow, layout.XHigh, --maxXTicks);
        (layout.YTickValues, layout.YTickLabels) = TicksFor(axes.YTicks, axes.YScale, layout.YLow, layout.YHigh, maxYTicks);

        layout.YTickWidth = layout.YTickLabels.Length == 0 ? 0 : layout.YTickLabels.Max(TickWidth);
        double xTickWidth = layout.XTickLabels.Length == 0 ? 0 : layout.XTickLabels.Max(TickWidth);
        bool rotateX = axes.XTicks is not null && xTickWidth + 6 > cellWidth / Math.Max(1, layout.XTickLabels.Length);
        layout.TitleLines = axes.Title is null ? [] : Wrap(axes.Title, TitleFont, cellWidth - 16, bold: true);
        layout.XLabelLines = axes.XLabel is null ? [] : Wrap(axes.XLabel, LabelFont, cellWidth - 16);

        double right = 16 + ColorBarRenderer.Width(axes.ColorBarSpec);
        double left = 10 + (axes.YLabel is null ? 0 : LabelFont + 8) + layout.YTickWidth + 8;
        // a rotated label runs down and to the left of its tick: the first one must not leave the cell
        double xTickSpace = rotateX ? xTickWidth * 0.71 + 16 : TickFont + 10;
        if (rotateX && layout.XTickValues.Length > 0)
            left = Math.Max(left, xTickWidth * 0.71 + 14 - FirstTickOffset(axes, layout, cellWidth - left - right));
        double bottom = 8 + LinesHeight(layout.XLabelLines.Length, LabelFont, 10) + xTickSpace + (legendBelow > 0 ? legendBelow + 8 : 0);
        double top = layout.TitleLines.Length == 0 ? 12 : LinesHeight(layout.TitleLines.Length, TitleFont, 16);
        // the plot area at whole hundredths of a pixel, as the SVG writes it, so data-plot maps pixels back exactly
        layout.Left = Hundredths(cellLeft + left);
        layout.Top = Hundredths(cellTop + top);
        layout.Width = Hundredths(Math.Max(20, cellWidth - left - right));
        layout.Height = Hundredths(Math.Max(20, cellHeight - top - bottom));
        layout.RotateXLabels = rotateX;
        layout.TitleX = CentreInside(layout.TitleLines, TitleFont, true, layout.Left + layout.Width / 2, cellLeft, cellWidth);
        layout.XLabelX = CentreInside(layout.XLabelLines, LabelFont, false, layout.Left + layout.Width / 2, cellLeft, cellWidth);
        layout.XTickSpace = xTickSpace;
        if (legendBelow > 0)
            layout.LegendTop = layout.Top + layout.Height + xTickSpace + LinesHeight(layout.XLabelLines.Length, LabelFont, 10) + 4;
        return layout;
    }

    public ScaleMap XMap(Axes axes) => new(axes.XScale, XLow, XHigh, Left, Left + Width);

    public ScaleMap YMap(Axes axes) => axes.YInverted
        ? new(axes.YScale, YLow, YHigh, Top, Top + Height)
        : new(axes.YScale, YLow, YHigh, Top + Height, Top);

    /// <summary>Rendered width of a tick label in pixels.</summary>
    public static double TickWidth(string text) => TextMetrics.Width(text, TickFont);

    /// <summary>Height of <paramref name="lines"/> lines of text of <paramref name="size"/> px plus <paramref name="padding"/> (0 for none).</summary>
    public static double LinesHeight(int lines, double size, double padding) =>
        lines == 0 ? 0 : lines * size + (lines - 1) * LineGap + padding;

    /// <summary>Splits <paramref name="text"/> at spaces into lines no wider than <paramref name="width"/> px (a word longer than that keeps its own line).</summary>
    public static string[] Wrap(string text, double size, double width, bool bold = false)
    {
        if (TextMetrics.Width(text, size, bold) <= width) return [text];
        var lines = new List<string>();
        string current = "";
        foreach (string word in text.Split(' '))
        {
            string candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && TextMetrics.Width(candidate, size, bold) > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = candidate;
        }
        lines.Add(current);
        return [.. lines];
    }

    /// <summary><paramref name="centre"/>, or the nearest x at which <paramref name="lines"/> centred there keep 8 px inside the cell.</summary>
    private static double CentreInside(string[] lines, double size, bool bold, double centre, double cellLeft, double cellWidth)
    {
        if (lines.Length == 0) return centre;
        double half = lines.Max(l => TextMetrics.Width(l, size, bold)) / 2;
        double low = cellLeft + 8 + half, high = cellLeft + cellWidth - 8 - half;
        return Hundredths(low > high ? cellLeft + cellWidth / 2 : Math.Clamp(centre, low, high));
    }

    private static double Hundredths(double pixels) => Math.Round(pixels, 2, MidpointRounding.AwayFromZero);

    /// <summary>Pixels from the plot's left edge to the first x tick, for a plot <paramref name="plotWidth"/> px wide.</summary>
    private static double FirstTickOffset(Axes axes, AxesLayout layout, double plotWidth)
    {
        double first = layout.XTickValues.Min();
        var map = new ScaleMap(axes.XScale, layout.XLow, layout.XHigh, 0, plotWidth);
        return Math.Max(0, map.Map(first));
    }

    private static (double, double) Limits(double min, double max, bool has, double tightMin, double tightMax, bool hasTight,
        AxisScale scale, double? fixedMin, double? fixedMax)
    {
        double low, high;
        if (has)
        {
            // 5 % margins (matplotlib's default), in log space on log axes
            if (scale == AxisScale.Log)
            {
                double a = Math.Log10(min), b = Math.Log10(max), pad = (b - a) * 0.05;
                if (b == a) pad = 0.3;
                low = Math.Pow(10, a - pad); high = Math.Pow(10, b + pad);
            }
            else
            {
                double pad = (max - min) * 0.05;
                if (max == min) pad = Math.Max(Math.Abs(min) * 0.1, 0.5);
                low = min - pad; high = max + pad;
            }
            if (hasTight) { low = Math.Min(low, tightMin); high = Math.Max(high, tightMax); }
        }
        else if (hasTight) { low = tightMin; high = tightMax; }
        else { low = scale == AxisScale.Log ? 1 : 0; high = scale == AxisScale.Log ? 10 : 1; }
        if (fixedMin is { } fmin && (scale != AxisScale.Log || fmin > 0)) low = fmin;
        if (fixedMax is { } fmax && (scale != AxisScale.Log || fmax > 0)) high = fmax;
        if (!(high > low))
        {
            if (scale == AxisScale.Log) { low /= 2; high = low * 4; }
            else { double mid = low; low = mid - 0.5; high = mid + 0.5; }
        }
        return (low, high);
    }

    private static (double[], string[]) TicksFor((double[] Positions, string[] Labels)? custom, AxisScale scale,
        double low, double high, int maxTicks)
    {
        if (custom is { } given) return (given.Positions, given.Labels);
        if (scale == AxisScale.Log)
        {
            var values = Ticks.Log(low, high, maxTicks * 3 / 2);
            return (values, values.Select(Ticks.FormatLog).ToArray());
        }
        var linear = Ticks.Linear(low, high, maxTicks);
        double step = linear.Length > 1 ? linear[1] - linear[0] : Ticks.NiceStep(high - low, maxTicks);
        return (linear, linear.Select(v => Ticks.Format(v, step)).ToArray());
    }
}
