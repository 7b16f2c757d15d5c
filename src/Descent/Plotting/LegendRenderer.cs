namespace Descent.Plotting;

/// <summary>
/// Draws the legend of an axes (one entry per labelled series: its symbol and label) in a white box: at the
/// preferred inner corner when nothing is drawn under it, else at another free corner, else below the plot with the
/// entries flowing in rows (<see cref="LegendPosition"/>). What is drawn where comes from each series'
/// <see cref="Series.MarkOccupancy"/>.
/// </summary>
internal static class LegendRenderer
{
    private const double RowHeight = 18, Padding = 7, SymbolWidth = 26, FontSize = 12, EntryGap = 18;

    /// <summary>Where the legend goes: nowhere, inside at (left, top), or below the plot.</summary>
    public readonly record struct Placement(bool Show, bool Below, double Left, double Top);

    /// <summary>
    /// Chooses the legend's place for an axes laid out as <paramref name="context"/>: a free corner (the preferred
    /// one first), or below the plot when every corner would cover a mark.
    /// </summary>
    public static Placement Place(Axes axes, PlotContext context)
    {
        var entries = Entries(axes);
        if (axes.Legend == LegendPosition.None || entries.Count == 0) return default;
        if (axes.Legend == LegendPosition.Below) return new Placement(true, true, 0, 0);
        var (width, height) = BoxSize(entries, context.Width);
        const double inset = 8;
        double leftX = context.Left + inset, rightX = context.Left + context.Width - inset - width;
        double topY = context.Top + inset, bottomY = context.Top + context.Height - inset - height;
        (double X, double Y)[] corners = [(rightX, topY), (leftX, topY), (rightX, bottomY), (leftX, bottomY)];
        int preferred = axes.Legend switch
        {
            LegendPosition.UpperLeft => 1,
            LegendPosition.LowerRight => 2,
            LegendPosition.LowerLeft => 3,
            _ => 0,
        };
        if (width > context.Width - 2 * inset || height > context.Height - 2 * inset)
            return new Placement(true, true, 0, 0);
        var occupancy = new Occupancy(context);
        foreach (var series in axes.Series) series.MarkOccupancy(context, occupancy);
        foreach (int c in new[] { preferred, 0, 1, 2, 3 })
            if (occupancy.Count(corners[c].X - 2, corners[c].Y - 2, width + 4, height + 4) == 0)
                return new Placement(true, false, corners[c].X, corners[c].Y);
        return new Placement(true, true, 0, 0);
    }

    /// <summary>The height a legend below the plot needs within <paramref name="width"/> px (entries flow in rows).</summary>
    public static double BelowHeight(Axes axes, double width) => Rows(Entries(axes), width).Count * RowHeight + 2 * Padding - 4;

    /// <summary>Draws the legend inside the plot at its placement.</summary>
    public static void RenderInside(SvgWriter svg, Axes axes, PlotContext context, Placement placement)
    {
        var entries = Entries(axes);
        var (width, height) = BoxSize(entries, context.Width);
        svg.Raw("<g class=\"legend\">\n");
        svg.Rect(placement.Left, placement.Top, width, height, "#ffffff", "fill-opacity=\"0.9\" stroke=\"#bbbbbb\" stroke-width=\"1\" rx=\"3\"");
        for (int k = 0; k < entries.Count; k++)
            Entry(svg, entries[k], placement.Left + Padding, placement.Top + Padding + RowHeight * k + RowHeight / 2 - 2);
        svg.Raw("</g>\n");
    }

    /// <summary>Draws the legend below the plot: rows of entries centred in [left, left + width], starting at top.</summary>
    public static void RenderBelow(SvgWriter svg, Axes axes, double left, double width, double top)
    {
        var rows = Rows(Entries(axes), width);
        double boxWidth = rows.Max(r => r.Width) + 2 * Padding, boxLeft = left + (width - boxWidth) / 2;
        svg.Raw("<g class=\"legend below\">\n");
        svg.Rect(boxLeft, top, boxWidth, rows.Count * RowHeight + 2 * Padding - 4, "#ffffff", "stroke=\"#bbbbbb\" stroke-width=\"1\" rx=\"3\"");
        for (int r = 0; r < rows.Count; r++)
        {
            double x = left + (width - rows[r].Width) / 2, y = top + Padding + RowHeight * r + RowHeight / 2 - 2;
            foreach (var series in rows[r].Entries)
            {
                Entry(svg, series, x, y);
                x += EntryWidth(series) + EntryGap;
            }
        }
        svg.Raw("</g>\n");
    }

    private static void Entry(SvgWriter svg, Series series, double left, double y)
    {
        series.RenderLegendSymbol(svg, left + SymbolWidth / 2, y);
        svg.TextElement(left + SymbolWidth + 6, y + FontSize * 0.35, series.Label!, "start", FontSize);
    }

    private static List<Series> Entries(Axes axes) => axes.Series.Where(s => !string.IsNullOrEmpty(s.Label)).ToList();

    private static double EntryWidth(Series series) => SymbolWidth + 6 + TextMetrics.Width(series.Label!, FontSize);

    private static (double Width, double Height) BoxSize(List<Series> entries, double plotWidth) =>
        (Padding * 2 + entries.Max(EntryWidth), Padding * 2 + entries.Count * RowHeight - 4);

    /// <summary>Greedy rows: entries in order, a new row when the next would pass <paramref name="width"/>.</summary>
    private static List<(List<Series> Entries, double Width)> Rows(List<Series> entries, double width)
    {
        var rows = new List<(List<Series>, double)>();
        var current = new List<Series>();
        double used = 0, available = Math.Max(40, width - 2 * Padding - 8);
        foreach (var series in entries)
        {
            double w = EntryWidth(series);
            if (current.Count > 0 && used + EntryGap + w > available)
            {
                rows.Add((current, used));
                current = [];
                used = 0;
            }
            used += (current.Count > 0 ? EntryGap : 0) + w;
            current.Add(series);
        }
        if (current.Count > 0) rows.Add((current, used));
        return rows;
    }
}
