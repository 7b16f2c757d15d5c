namespace Descent.Plotting;

/// <summary>
/// Draws the legend of an axes (one row per labelled series: its symbol and label) in a white box at an inner
/// corner; <see cref="LegendPosition.Auto"/> picks the corner whose box covers the fewest drawn points.
/// </summary>
internal static class LegendRenderer
{
    private const double RowHeight = 18, Padding = 7, SymbolWidth = 26, FontSize = 12;

    public static void Render(SvgWriter svg, Axes axes, PlotContext context)
    {
        if (axes.Legend == LegendPosition.None) return;
        var entries = axes.Series.Where(s => !string.IsNullOrEmpty(s.Label)).ToList();
        if (entries.Count == 0) return;
        double textWidth = entries.Max(s => s.Label!.Length) * FontSize * AxesLayout.CharWidth;
        double width = Math.Min(context.Width - 8, Padding * 2 + SymbolWidth + 6 + textWidth);
        double height = Padding * 2 + entries.Count * RowHeight - 4;
        var (left, top) = Place(axes, context, width, height);

        svg.Raw("<g class=\"legend\">\n");
        svg.Rect(left, top, width, height, "#ffffff", "fill-opacity=\"0.9\" stroke=\"#bbbbbb\" stroke-width=\"1\" rx=\"3\"");
        for (int k = 0; k < entries.Count; k++)
        {
            double y = top + Padding + RowHeight * k + RowHeight / 2 - 2;
            entries[k].RenderLegendSymbol(svg, left + Padding + SymbolWidth / 2, y);
            svg.TextElement(left + Padding + SymbolWidth + 6, y + FontSize * 0.35, entries[k].Label!, "start", FontSize);
        }
        svg.Raw("</g>\n");
    }

    private static (double Left, double Top) Place(Axes axes, PlotContext context, double width, double height)
    {
        const double inset = 8;
        double leftX = context.Left + inset, rightX = context.Left + context.Width - inset - width;
        double topY = context.Top + inset, bottomY = context.Top + context.Height - inset - height;
        (double, double)[] corners = [(rightX, topY), (leftX, topY), (rightX, bottomY), (leftX, bottomY)];
        switch (axes.Legend)
        {
            case LegendPosition.UpperRight: return corners[0];
            case LegendPosition.UpperLeft: return corners[1];
            case LegendPosition.LowerRight: return corners[2];
            case LegendPosition.LowerLeft: return corners[3];
        }
        var occupancy = new Occupancy(context);
        foreach (var series in axes.Series) series.MarkOccupancy(context, occupancy);
        int best = 0, bestCount = int.MaxValue;
        for (int c = 0; c < corners.Length; c++)
        {
            int count = occupancy.Count(corners[c].Item1, corners[c].Item2, width, height);
            if (count < bestCount) { best = c; bestCount = count; }
        }
        return corners[best];
    }
}
