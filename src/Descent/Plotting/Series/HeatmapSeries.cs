using System.Globalization;

namespace Descent.Plotting;

/// <summary>
/// A matrix drawn as coloured cells, cell (i, j) centred on x = j, y = i (row 0 at the top when the axes' y is
/// inverted, as <see cref="Axes.Heatmap"/> sets it), optionally annotated with its value in a colour that
/// contrasts with the cell.
/// </summary>
public sealed class HeatmapSeries : Series
{
    internal HeatmapSeries(double[,] values, Colormap colormap, double min, double max)
    {
        Values = values; Colormap = colormap; Min = min; Max = max;
    }

    /// <summary>The values, [row, column].</summary>
    public double[,] Values { get; }

    /// <summary>The colour map; a value v gets Colormap.At((v - Min) / (Max - Min)).</summary>
    public Colormap Colormap { get; }

    /// <summary>The value given the first colour of the map.</summary>
    public double Min { get; }

    /// <summary>The value given the last colour of the map.</summary>
    public double Max { get; }

    /// <summary>A .NET format string for the cell annotations ("0", "0.00"), or null for none.</summary>
    public string? AnnotationFormat { get; set; } = "0.##";

    /// <summary>Optional annotation text per cell (overrides <see cref="AnnotationFormat"/>).</summary>
    public string[,]? Annotations { get; set; }

    internal override bool Tight => true;

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        bounds.Include(-0.5, -0.5);
        bounds.Include(Values.GetLength(1) - 0.5, Values.GetLength(0) - 0.5);
    }

    /// <summary>The cell colour of a value.</summary>
    public Color ColorOf(double value) =>
        Colormap.At(Max > Min ? (value - Min) / (Max - Min) : 0.5);

    internal override void Render(PlotContext context)
    {
        var svg = context.Svg;
        int rows = Values.GetLength(0), columns = Values.GetLength(1);
        double cellHeight = Math.Abs(context.Py(1) - context.Py(0));
        double fontSize = Math.Clamp(Math.Min(cellHeight, Math.Abs(context.Px(1) - context.Px(0))) * 0.32, 9, 16);
        svg.Raw("<g class=\"series heatmap\">\n");
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double x0 = context.Px(j - 0.5), x1 = context.Px(j + 0.5);
                double y0 = context.Py(i - 0.5), y1 = context.Py(i + 0.5);
                var colour = double.IsFinite(Values[i, j]) ? ColorOf(Values[i, j]) : new Color(255, 255, 255);
                svg.Rect(Math.Min(x0, x1), Math.Min(y0, y1), Math.Abs(x1 - x0), Math.Abs(y1 - y0), colour.Hex,
                    "stroke=\"#ffffff\" stroke-width=\"1\"");
                string? text = Annotations?[i, j]
                    ?? (AnnotationFormat is null ? null : Values[i, j].ToString(AnnotationFormat, CultureInfo.InvariantCulture));
                if (!string.IsNullOrEmpty(text))
                    svg.TextElement((x0 + x1) / 2, (y0 + y1) / 2 + fontSize * 0.35, text, "middle", fontSize,
                        $"fill=\"{colour.ContrastingText.Hex}\" class=\"annotation\"");
            }
        }
        svg.Raw("</g>\n");
    }
}
