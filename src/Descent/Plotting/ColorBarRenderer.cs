using System.Globalization;

namespace Descent.Plotting;

/// <summary>
/// Draws a vertical colour bar to the right of a plot: for a filled contour, one equal-height block per band with
/// the level values at the block edges (thinned to fit); for a heatmap, the continuous map with nice ticks.
/// </summary>
internal static class ColorBarRenderer
{
    private const double BarWidth = 16, FontSize = 11;

    /// <summary>Horizontal room the colour bar needs (0 when there is none).</summary>
    public static double Width(ColorBarSpec? spec)
    {
        if (spec is null) return 0;
        double labels = Labels(spec, 400).Max(l => TextMetrics.Width(l.Text, FontSize));
        return BarWidth + 14 + 8 + labels + (spec.Label is null ? 0 : AxesLayout.LabelFont + 10);
    }

    public static void Render(SvgWriter svg, ColorBarSpec? spec, double left, double top, double height)
    {
        if (spec is null) return;
        svg.Raw("<g class=\"colorbar\">\n");
        if (spec.Levels is { } levels && spec.BandColors is { } colours)
        {
            double block = height / colours.Length;
            for (int k = 0; k < colours.Length; k++)
                svg.Rect(left, top + height - (k + 1) * block, BarWidth, block + 0.5, colours[k].Hex);
        }
        else if (spec.Map is { } map)
        {
            const int steps = 64;
            double block = height / steps;
            for (int k = 0; k < steps; k++)
                svg.Rect(left, top + height - (k + 1) * block, BarWidth, block + 0.5, map.At((k + 0.5) / steps).Hex);
        }
        svg.Rect(left, top, BarWidth, height, "none", "stroke=\"#333333\" stroke-width=\"1\"");
        double maxLabel = 0;
        foreach (var (position, text) in Labels(spec, height))
        {
            double y = top + height - position * height;
            svg.Line(left + BarWidth, y, left + BarWidth + 4, y, "#333333", 1);
            svg.TextElement(left + BarWidth + 7, y + FontSize * 0.35, text, "start", FontSize);
            maxLabel = Math.Max(maxLabel, TextMetrics.Width(text, FontSize));
        }
        if (spec.Label is not null)
        {
            double x = left + BarWidth + 10 + maxLabel + AxesLayout.LabelFont, y = top + height / 2;
            svg.TextElement(x, y, spec.Label, "middle", AxesLayout.LabelFont,
                $"transform=\"rotate(-90 {SvgWriter.Number(x)} {SvgWriter.Number(y)})\"");
        }
        svg.Raw("</g>\n");
    }

    /// <summary>Tick positions along the bar (0 bottom .. 1 top) and their labels.</summary>
    private static List<(double Position, string Text)> Labels(ColorBarSpec spec, double height)
    {
        var result = new List<(double, string)>();
        if (spec.Levels is { } levels)
        {
            int maxLabels = Math.Max(2, (int)(height / 22));
            int stride = Math.Max(1, (int)Math.Ceiling(levels.Length / (double)maxLabels));
            for (int k = 0; k < levels.Length; k += stride)
                result.Add((k / (double)(levels.Length - 1), Short(levels[k])));
            return result;
        }
        double span = spec.Max - spec.Min;
        if (!(span > 0)) return [(0.5, Short(spec.Min))];
        var ticks = Ticks.Linear(spec.Min, spec.Max, Math.Max(2, (int)(height / 40)));
        double step = ticks.Length > 1 ? ticks[1] - ticks[0] : span;
        foreach (double t in ticks) result.Add(((t - spec.Min) / span, Ticks.Format(t, step)));
        return result;
    }

    private static string Short(double value) => Ticks.Significant(value);
}
