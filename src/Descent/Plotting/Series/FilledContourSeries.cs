namespace Descent.Plotting;

/// <summary>
/// Filled bands between consecutive <see cref="Levels"/> of a grid of values (marching squares): band k, between
/// Levels[k] and Levels[k+1], takes <see cref="BandColors"/>[k]. Values at or above the last level take the last
/// band's colour; values below the first level are left unfilled. Drawn by stacking the regions
/// {f &gt;= Levels[k]} in increasing order, so neighbouring bands meet without gaps.
/// </summary>
public sealed class FilledContourSeries : Series
{
    internal FilledContourSeries(Grid2D grid, double[] levels, Color[] bandColors)
    {
        Grid = grid; Levels = levels; BandColors = bandColors;
    }

    /// <summary>The values drawn.</summary>
    public Grid2D Grid { get; }

    /// <summary>The band edges, strictly increasing.</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>One colour per band (Levels.Count - 1).</summary>
    public IReadOnlyList<Color> BandColors { get; }

    /// <summary>Fill opacity, 0..1.</summary>
    public double Opacity { get; set; } = 1;

    internal override bool Tight => true;

    internal override void ExtendBounds(ref DataBounds bounds)
    {
        bounds.Include(Grid.Xs[0], Grid.Ys[0]);
        bounds.Include(Grid.Xs[^1], Grid.Ys[^1]);
    }

    internal override void Render(PlotContext context)
    {
        var svg = context.Svg;
        svg.Raw("<g class=\"series filled-contour\"");
        if (Opacity < 1) svg.Attr("opacity", Opacity);
        svg.Raw(">\n");
        for (int k = 0; k < BandColors.Count; k++)
        {
            var polygons = MarchingSquares.SuperLevelPolygons(Grid, Levels[k]);
            if (polygons.Count == 0) continue;
            string colour = BandColors[k].Hex;
            // The thin stroke in the fill colour hides the hairline seams antialiasing leaves between cell polygons.
            svg.Raw("<path").Attr("data-level", SvgWriter.Exact(Levels[k])).Attr("fill", colour).Attr("stroke", colour)
                .Raw(" stroke-width=\"0.6\" stroke-linejoin=\"round\" d=\"");
            foreach (var polygon in polygons)
            {
                svg.Raw("M");
                for (int p = 0; p < polygon.Length; p++)
                {
                    if (p > 0) svg.Raw(" ");
                    svg.Point(context.Px(polygon[p].X), context.Py(polygon[p].Y));
                }
                svg.Raw("z");
            }
            svg.Raw("\"/>\n");
        }
        svg.Raw("</g>\n");
    }

    internal override void RenderLegendSymbol(SvgWriter svg, double x, double y)
    {
        int middle = BandColors.Count / 2;
        svg.Rect(x - 10, y - 6, 20, 12, BandColors[middle].Hex, "stroke=\"#888888\" stroke-width=\"0.5\"");
    }
}
