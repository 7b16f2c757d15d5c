namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>Margins the axes keep around a frameless plot area without labels or ticks (see AxesLayout).</summary>
    private const double DiagramLeft = 18, DiagramRight = 16, DiagramTop = 12, DiagramBottom = 30, FigureTitleHeight = 34;

    /// <summary>
    /// A figure just large enough for a diagram drawn in its own pixels (a tree, a computation graph): one frameless
    /// axes without grid, ticks or legend that holds <paramref name="diagram"/>, at least as wide as the title.
    /// </summary>
    private static Figure Diagram(DiagramSeries diagram, string? title)
    {
        double titleWidth = title is null ? 0 : TreeDiagramLayout.TextWidth(title, 16, bold: true) + 40;
        double width = Math.Ceiling(Math.Max(diagram.DiagramWidth + DiagramLeft + DiagramRight, Math.Max(titleWidth, 320)));
        double height = Math.Ceiling(diagram.DiagramHeight + DiagramTop + DiagramBottom + (title is null ? 0 : FigureTitleHeight));
        var figure = new Figure(width: width, height: height) { Title = title };
        var axes = figure.Axes;
        axes.ShowFrame = false;
        axes.ShowGrid = false;
        axes.Legend = LegendPosition.None;
        axes.SetXTicks([], []);
        axes.SetYTicks([], []);
        (axes.XMin, axes.XMax, axes.YMin, axes.YMax) = (0, 1, 0, 1);
        axes.Add(diagram);
        return figure;
    }
}
