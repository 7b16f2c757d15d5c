namespace Descent.Plotting;

/// <summary>
/// The box around a <see cref="Scene3D"/>: the three panes behind the data (those facing away from the viewer),
/// light grey with grid lines at the ticks, drawn first; then the ticks, tick labels and names of x and y along the
/// bottom edges nearest the viewer and of z along the leftmost vertical edge, drawn last.
/// </summary>
internal static class Box3DRenderer
{
    private const string Pane = "#f3f4f6", PaneEdge = "#c8c8c8", GridLine = "#dcdcdc", Ink = "#333333";
    private const double TickFont = AxesLayout.TickFont, LabelFont = AxesLayout.LabelFont;

    /// <summary>The eight corners of the data box.</summary>
    public static IEnumerable<(double X, double Y, double Z)> Corners(View3D v)
    {
        foreach (double x in new[] { v.XMin, v.XMax })
            foreach (double y in new[] { v.YMin, v.YMax })
                foreach (double z in new[] { v.ZMin, v.ZMax })
                    yield return (x, y, z);
    }

    public static void RenderBack(Scene3D scene, SvgWriter svg, Scene3DRenderer.Screen screen)
    {
        var v = scene.View;
        var eye = v.Eye();
        double[] xt = Ticks.Linear(v.XMin, v.XMax, 5), yt = Ticks.Linear(v.YMin, v.YMax, 5), zt = Ticks.Linear(v.ZMin, v.ZMax, 5);
        svg.Raw("<g class=\"s3-panes\">\n");
        // a pane is behind the data when its outward normal points away from the viewer
        double x = eye.U > 0 ? v.XMin : v.XMax, y = eye.V > 0 ? v.YMin : v.YMax, z = eye.W > 0 ? v.ZMin : v.ZMax;
        Pane3(svg, v, screen, [(x, v.YMin, v.ZMin), (x, v.YMax, v.ZMin), (x, v.YMax, v.ZMax), (x, v.YMin, v.ZMax)],
            yt.Select(t => ((x, t, v.ZMin), (x, t, v.ZMax))).Concat(zt.Select(t => ((x, v.YMin, t), (x, v.YMax, t)))));
        Pane3(svg, v, screen, [(v.XMin, y, v.ZMin), (v.XMax, y, v.ZMin), (v.XMax, y, v.ZMax), (v.XMin, y, v.ZMax)],
            xt.Select(t => ((t, y, v.ZMin), (t, y, v.ZMax))).Concat(zt.Select(t => ((v.XMin, y, t), (v.XMax, y, t)))));
        Pane3(svg, v, screen, [(v.XMin, v.YMin, z), (v.XMax, v.YMin, z), (v.XMax, v.YMax, z), (v.XMin, v.YMax, z)],
            xt.Select(t => ((t, v.YMin, z), (t, v.YMax, z))).Concat(yt.Select(t => ((v.XMin, t, z), (v.XMax, t, z)))));
        svg.Raw("</g>\n");
    }

    /// <summary>A tick mark: from the box point (X, Y) (screen units) to Dx, Dy pixels away.</summary>
    internal readonly record struct Mark(double X, double Y, double Dx, double Dy);

    /// <summary>A text anchored Dx, Dy pixels from the box point (X, Y), possibly rotated −90° (z's name).</summary>
    internal readonly record struct Text(double X, double Y, double Dx, double Dy, string Value, string Anchor, double Size, bool Rotated, string Class)
    {
        /// <summary>The text's extent around its anchor in pixels: (left, right, top, bottom) offsets.</summary>
        public (double Left, double Right, double Top, double Bottom) Extent()
        {
            double width = TextMetrics.Width(Value, Size);
            if (Rotated) return (-0.8 * Size, 0.25 * Size, -width / 2, width / 2);
            double left = Anchor == "start" ? 0 : Anchor == "end" ? -width : -width / 2;
            return (left, left + width, -0.8 * Size, 0.25 * Size);
        }
    }

    /// <summary>
    /// The ticks and texts of the three axes: x and y along the bottom edges nearest the viewer, z along the vertical
    /// edge furthest to the left on screen, each pushed outwards, away from the box's centre. None depends on the
    /// scale the scene is drawn at, so the scene can be fitted with them.
    /// </summary>
    public static (List<Mark> Marks, List<Text> Texts) Axes(Scene3D scene)
    {
        var v = scene.View;
        var eye = v.Eye();
        double bottom = eye.W >= 0 ? v.ZMin : v.ZMax;
        double yEdge = eye.V < 0 ? v.YMin : v.YMax, xEdge = eye.U > 0 ? v.XMax : v.XMin;
        var (zx, zy) = new[] { (v.XMin, v.YMin), (v.XMin, v.YMax), (v.XMax, v.YMin), (v.XMax, v.YMax) }
            .OrderBy(c => v.Project(c.Item1, c.Item2, v.ZMin).X).First();
        var marks = new List<Mark>();
        var texts = new List<Text>();
        Axis(v, scene.XLabel, Ticks.Linear(v.XMin, v.XMax, 5), v.XMin, v.XMax, t => (t, yEdge, bottom), "x", marks, texts);
        Axis(v, scene.YLabel, Ticks.Linear(v.YMin, v.YMax, 5), v.YMin, v.YMax, t => (xEdge, t, bottom), "y", marks, texts);
        Axis(v, scene.ZLabel, Ticks.Linear(v.ZMin, v.ZMax, 5), v.ZMin, v.ZMax, t => (zx, zy, t), "z", marks, texts);
        return (marks, texts);
    }

    public static void RenderAxes(Scene3D scene, SvgWriter svg, Scene3DRenderer.Screen screen)
    {
        var (marks, texts) = Axes(scene);
        svg.Raw("<g class=\"s3-axes\"").Attr("fill", Ink).Raw(">\n");
        foreach (var mark in marks)
        {
            var (px, py) = screen.ToPixel(mark.X, mark.Y);
            svg.Line(px, py, px + mark.Dx, py + mark.Dy, Ink, 1);
        }
        foreach (var text in texts)
        {
            var (px, py) = screen.ToPixel(text.X, text.Y);
            double x = px + text.Dx, y = py + text.Dy;
            string extra = $"class=\"{text.Class}\"" + (text.Rotated ? $" transform=\"rotate(-90 {SvgWriter.Number(x)} {SvgWriter.Number(y)})\"" : "");
            svg.TextElement(x, y, text.Value, text.Anchor, text.Size, extra);
        }
        svg.Raw("</g>\n");
    }

    private static void Pane3(SvgWriter svg, View3D v, Scene3DRenderer.Screen screen, (double, double, double)[] corners,
        IEnumerable<((double, double, double) A, (double, double, double) B)> grid)
    {
        svg.Raw("<path").Attr("fill", Pane).Attr("stroke", PaneEdge).Raw(" stroke-width=\"1\" d=\"");
        for (int k = 0; k < 4; k++)
        {
            var (px, py) = Pixel(v, screen, corners[k]);
            svg.Raw(k == 0 ? "M" : "L").Point(px, py);
        }
        svg.Raw("z\"/>\n<path fill=\"none\"").Attr("stroke", GridLine).Raw(" stroke-width=\"1\" d=\"");
        foreach (var (a, b) in grid)
        {
            var (ax, ay) = Pixel(v, screen, a);
            var (bx, by) = Pixel(v, screen, b);
            svg.Raw("M").Point(ax, ay).Raw("L").Point(bx, by);
        }
        svg.Raw("\"/>\n");
    }

    /// <summary>Tick marks and labels along one edge, pushed away from the box's centre, and the axis name beyond them.</summary>
    private static void Axis(View3D v, string? name, double[] ticks, double low, double high, Func<double, (double X, double Y, double Z)> at,
        string axis, List<Mark> marks, List<Text> texts)
    {
        var centre = v.Project((v.XMin + v.XMax) / 2, (v.YMin + v.YMax) / 2, (v.ZMin + v.ZMax) / 2);
        var a = Screen(v, at(low));
        var b = Screen(v, at(high));
        double dx, dy;   // outwards, in pixels (y down)
        if (axis == "z") (dx, dy) = (-1, 0);
        else
        {
            double ex = b.X - a.X, ey = -(b.Y - a.Y), length = Math.Sqrt(ex * ex + ey * ey);
            (dx, dy) = (-ey / length, ex / length);
            if (dx * ((a.X + b.X) / 2 - centre.X) - dy * ((a.Y + b.Y) / 2 - centre.Y) < 0) (dx, dy) = (-dx, -dy);
        }
        string anchor = dx > 0.35 ? "start" : dx < -0.35 ? "end" : "middle";
        double step = ticks.Length > 1 ? ticks[1] - ticks[0] : 1, widest = 0;
        foreach (double t in ticks)
        {
            var p = Screen(v, at(t));
            marks.Add(new Mark(p.X, p.Y, 5 * dx, 5 * dy));
            string label = Ticks.Format(t, step);
            widest = Math.Max(widest, TextMetrics.Width(label, TickFont));
            texts.Add(new Text(p.X, p.Y, 9 * dx, 9 * dy + TickFont * (0.35 + 0.5 * dy), label, anchor, TickFont, false, "s3-tick s3-" + axis));
        }
        if (name is null) return;
        double mx = (a.X + b.X) / 2, my = (a.Y + b.Y) / 2;
        if (axis == "z")
        {
            texts.Add(new Text(mx, my, -14 - widest - LabelFont * 0.4, 0, name, "middle", LabelFont, true, "s3-label zlabel"));
            return;
        }
        double reach = 14 + Math.Abs(dx) * widest + Math.Abs(dy) * TickFont + 8;
        texts.Add(new Text(mx, my, reach * dx, reach * dy + LabelFont * (0.35 + 0.5 * dy), name, anchor, LabelFont, false, $"s3-label {axis}label"));
    }

    private static (double X, double Y) Screen(View3D v, (double X, double Y, double Z) p)
    {
        var q = v.Project(p.X, p.Y, p.Z);
        return (q.X, q.Y);
    }

    private static (double X, double Y) Pixel(View3D v, Scene3DRenderer.Screen screen, (double X, double Y, double Z) p)
    {
        var q = v.Project(p.X, p.Y, p.Z);
        return screen.ToPixel(q.X, q.Y);
    }
}
