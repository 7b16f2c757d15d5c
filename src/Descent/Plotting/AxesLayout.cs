namespace Descent.Plotting;

/// <summary>
/// Where an axes goes inside its cell of the figure: its data limits, its ticks, and the margins its tick labels,
/// axis labels, title and colour bar need.
/// </summary>
internal sealed class AxesLayout
{
    public const double TickFont = 11.5, LabelFont = 13, TitleFont = 14.5;
    public const double CharWidth = 0.6; // average glyph width of a sans-serif font, in ems

    public double XLow, XHigh, YLow, YHigh;
    public double[] XTickValues = [], YTickValues = [];
    public string[] XTickLabels = [], YTickLabels = [];
    public double Left, Top, Width, Height;

    public static AxesLayout Compute(Axes axes, double cellLeft, double cellTop, double cellWidth, double cellHeight)
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
               && layout.XTickLabels.Sum(l => TextWidth(l) + 14) > cellWidth - 110)
            (layout.XTickValues, layout.XTickLabels) = TicksFor(null, axes.XScale, layout.XLow, layout.XHigh, --maxXTicks);
        (layout.YTickValues, layout.YTickLabels) = TicksFor(axes.YTicks, axes.YScale, layout.YLow, layout.YHigh, maxYTicks);

        double yTickWidth = layout.YTickLabels.Length == 0 ? 0 : layout.YTickLabels.Max(TextWidth);
        double xTickWidth = layout.XTickLabels.Length == 0 ? 0 : layout.XTickLabels.Max(TextWidth);
        bool rotateX = axes.XTicks is not null && xTickWidth > cellWidth / Math.Max(1, layout.XTickLabels.Length) * 0.9;
        double left = 10 + (axes.YLabel is null ? 0 : LabelFont + 8) + Math.Min(yTickWidth, cellWidth * 0.3) + 8;
        double xTickSpace = rotateX ? Math.Min(xTickWidth * 0.71, 90) + 14 : TickFont + 10;
        double bottom = 8 + (axes.XLabel is null ? 0 : LabelFont + 10) + xTickSpace;
        double top = axes.Title is null ? 12 : TitleFont + 16;
        double right = 16 + ColorBarRenderer.Width(axes.ColorBarSpec);
        layout.Left = cellLeft + left;
        layout.Top = cellTop + top;
        layout.Width = Math.Max(20, cellWidth - left - right);
        layout.Height = Math.Max(20, cellHeight - top - bottom);
        layout.RotateXLabels = rotateX;
        layout.XTickSpace = xTickSpace;
        return layout;
    }

    public bool RotateXLabels;

    /// <summary>Height under the plot area taken by the x ticks and their labels (rotated or not).</summary>
    public double XTickSpace;

    public ScaleMap XMap(Axes axes) => new(axes.XScale, XLow, XHigh, Left, Left + Width);

    public ScaleMap YMap(Axes axes) => axes.YInverted
        ? new(axes.YScale, YLow, YHigh, Top, Top + Height)
        : new(axes.YScale, YLow, YHigh, Top + Height, Top);

    /// <summary>Approximate rendered width of a tick label in pixels.</summary>
    public static double TextWidth(string text) => text.Length * TickFont * CharWidth;

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
