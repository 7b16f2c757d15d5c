namespace Descent.Plotting;

/// <summary>
/// Draws one axes: white plot area, grid, clipped series, frame, ticks and their labels, axis labels, title,
/// legend and colour bar. The plot group carries <c>data-*</c> attributes giving the data value at each edge of
/// the plot area, so a reader of the SVG (or a test) can map pixels back to data.
/// </summary>
internal static class AxesRenderer
{
    private const string Axis = "#333333", GridColour = "#e5e5e5";

    public static void Render(SvgWriter svg, Axes axes, int index, double cellLeft, double cellTop, double cellWidth,
        double cellHeight)
    {
        var layout = AxesLayout.Compute(axes, cellLeft, cellTop, cellWidth, cellHeight);
        var context = Context(svg, axes, layout);
        var legend = LegendRenderer.Place(axes, context);
        if (legend.Below)
        {
            layout = AxesLayout.Compute(axes, cellLeft, cellTop, cellWidth, cellHeight, LegendRenderer.BelowHeight(axes, cellWidth));
            context = Context(svg, axes, layout);
        }
        double left = layout.Left, top = layout.Top, width = layout.Width, height = layout.Height;
        double bottom = top + height, right = left + width;
        string clipId = $"{svg.IdPrefix}-clip{index}";

        svg.Raw("<g class=\"axes\"").Attr("data-plot", $"{SvgWriter.Number(left)} {SvgWriter.Number(top)} {SvgWriter.Number(width)} {SvgWriter.Number(height)}")
            .Attr("data-x-scale", axes.XScale == AxisScale.Log ? "log" : "linear")
            .Attr("data-y-scale", axes.YScale == AxisScale.Log ? "log" : "linear")
            .Attr("data-x-left", SvgWriter.Exact(layout.XLow)).Attr("data-x-right", SvgWriter.Exact(layout.XHigh))
            .Attr("data-y-bottom", SvgWriter.Exact(axes.YInverted ? layout.YHigh : layout.YLow))
            .Attr("data-y-top", SvgWriter.Exact(axes.YInverted ? layout.YLow : layout.YHigh)).Raw(">\n");
        svg.Raw("<clipPath").Attr("id", clipId).Raw(">");
        svg.Rect(left, top, width, height, "#ffffff");
        svg.Raw("</clipPath>\n");
        svg.Rect(left, top, width, height, "#ffffff");

        if (axes.ShowGrid)
        {
            svg.Raw("<g class=\"grid\">\n");
            foreach (double v in layout.XTickValues)
                if (Inside(context.Px(v), left, right)) svg.Line(context.Px(v), top, context.Px(v), bottom, GridColour, 1);
            foreach (double v in layout.YTickValues)
                if (Inside(context.Py(v), top, bottom)) svg.Line(left, context.Py(v), right, context.Py(v), GridColour, 1);
            svg.Raw("</g>\n");
        }

        svg.Raw("<g class=\"plot\"").Attr("clip-path", $"url(#{clipId})").Raw(">\n");
        foreach (var series in axes.Series) series.Render(context);
        svg.Raw("</g>\n");

        if (axes.ShowFrame) svg.Rect(left, top, width, height, "none", $"stroke=\"{Axis}\" stroke-width=\"1\"");
        DrawTicks(svg, axes, layout, context);
        DrawLabels(svg, axes, layout);
        if (legend.Below) LegendRenderer.RenderBelow(svg, axes, cellLeft, cellWidth, layout.LegendTop);
        else if (legend.Show) LegendRenderer.RenderInside(svg, axes, context, legend);
        ColorBarRenderer.Render(svg, axes.ColorBarSpec, right + 14, top, height);
        svg.Raw("</g>\n");
    }

    private static void DrawTicks(SvgWriter svg, Axes axes, AxesLayout layout, PlotContext context)
    {
        double bottom = layout.Top + layout.Height;
        svg.Raw("<g class=\"ticks\"").Attr("fill", Axis).Raw(">\n");
        for (int k = 0; k < layout.XTickValues.Length; k++)
        {
            double px = context.Px(layout.XTickValues[k]);
            if (!Inside(px, layout.Left, layout.Left + layout.Width)) continue;
            svg.Line(px, bottom, px, bottom + 5, Axis, 1);
            if (layout.RotateXLabels)
                svg.TextElement(px, bottom + 9, layout.XTickLabels[k], "end", AxesLayout.TickFont,
                    $"transform=\"rotate(-45 {SvgWriter.Number(px)} {SvgWriter.Number(bottom + 9)})\" dominant-baseline=\"hanging\"");
            else
                svg.TextElement(px, bottom + 8 + AxesLayout.TickFont * 0.85, layout.XTickLabels[k], "middle", AxesLayout.TickFont);
        }
        for (int k = 0; k < layout.YTickValues.Length; k++)
        {
            double py = context.Py(layout.YTickValues[k]);
            if (!Inside(py, layout.Top, bottom)) continue;
            svg.Line(layout.Left - 5, py, layout.Left, py, Axis, 1);
            svg.TextElement(layout.Left - 8, py + AxesLayout.TickFont * 0.35, layout.YTickLabels[k], "end", AxesLayout.TickFont);
        }
        svg.Raw("</g>\n");
    }

    private static void DrawLabels(SvgWriter svg, Axes axes, AxesLayout layout)
    {
        double bottom = layout.Top + layout.Height;
        const double gap = AxesLayout.LineGap;
        for (int k = 0; k < layout.TitleLines.Length; k++)
        {
            double y = layout.Top - 9 - (layout.TitleLines.Length - 1 - k) * (AxesLayout.TitleFont + gap);
            svg.TextElement(layout.TitleX, y, layout.TitleLines[k], "middle", AxesLayout.TitleFont, "font-weight=\"bold\" class=\"title\"");
        }
        for (int k = 0; k < layout.XLabelLines.Length; k++)
        {
            double y = bottom + layout.XTickSpace + AxesLayout.LabelFont + 2 + k * (AxesLayout.LabelFont + gap);
            svg.TextElement(layout.XLabelX, y, layout.XLabelLines[k], "middle", AxesLayout.LabelFont, "class=\"xlabel\"");
        }
        if (axes.YLabel is not null)
        {
            double x = layout.Left - 8 - layout.YTickWidth - 10;
            double y = layout.Top + layout.Height / 2;
            svg.TextElement(x, y, axes.YLabel, "middle", AxesLayout.LabelFont,
                $"transform=\"rotate(-90 {SvgWriter.Number(x)} {SvgWriter.Number(y)})\" class=\"ylabel\"");
        }
    }

    private static PlotContext Context(SvgWriter svg, Axes axes, AxesLayout layout) =>
        new(svg, layout.XMap(axes), layout.YMap(axes), layout.Left, layout.Top, layout.Width, layout.Height);

    private static bool Inside(double p, double low, double high) => double.IsFinite(p) && p >= low - 0.5 && p <= high + 0.5;
}
