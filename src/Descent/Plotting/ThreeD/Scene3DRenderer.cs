namespace Descent.Plotting;

/// <summary>
/// Draws a <see cref="Scene3D"/>: fits the projected box into the plot area at one scale for both screen axes (so
/// nothing is stretched), draws the back panes with their grid, the ticks and axis names along the front edges
/// (<see cref="Box3DRenderer"/>), then every quad, segment and marker back to front.
/// </summary>
internal static class Scene3DRenderer
{
    private const double Margin = 4;

    /// <summary>A drawable piece: a quad, a segment or a marker, in pixels, with its depth and the element it belongs to.</summary>
    private readonly record struct Piece(double Depth, int Order, int Element, int Kind, double[] Px, double[] Py, Color Color, double Opacity);

    /// <summary>
    /// How much nearer than its own depth a line or marker is sorted: about half the depth span of a quad of a 28 × 28
    /// surface, so a path lying on a surface is drawn after the quads it lies on, not hidden by their neighbours.
    /// </summary>
    private const double OnSurface = 0.03;

    private const int QuadKind = 0, SegmentKind = 1, MarkerKind = 2, StickKind = 3;

    /// <summary>Screen (box units) to pixels: px = Cx + S·X, py = Cy − S·Y.</summary>
    public readonly record struct Screen(double Cx, double Cy, double S)
    {
        public (double X, double Y) ToPixel(double x, double y) => (Cx + S * x, Cy - S * y);
    }

    /// <summary>
    /// The largest scale (and the centring) at which the projected box, with its ticks and axis names at their fixed
    /// pixel offsets, fits in the plot area, found by bisection (the extents grow with the scale).
    /// </summary>
    public static Screen Fit(Scene3D scene, PlotContext context)
    {
        var view = scene.View;
        var corners = Box3DRenderer.Corners(view).Select(c => view.Project(c.X, c.Y, c.Z)).ToArray();
        var (marks, texts) = Box3DRenderer.Axes(scene);
        (double Left, double Right, double Top, double Bottom) Extent(double s)
        {
            double left = double.PositiveInfinity, right = double.NegativeInfinity, top = double.PositiveInfinity, bottom = double.NegativeInfinity;
            void Include(double x, double y) => (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
            foreach (var c in corners) Include(s * c.X, -s * c.Y);
            foreach (var m in marks) Include(s * m.X + m.Dx, -s * m.Y + m.Dy);
            foreach (var t in texts)
            {
                var (l, r, u, d) = t.Extent();
                Include(s * t.X + t.Dx + l, -s * t.Y + t.Dy + u);
                Include(s * t.X + t.Dx + r, -s * t.Y + t.Dy + d);
            }
            return (left, right, top, bottom);
        }
        double width = context.Width - 2 * Margin, height = context.Height - 2 * Margin;
        double low = 0, high = 4 * Math.Max(context.Width, context.Height);
        for (int k = 0; k < 60; k++)
        {
            double mid = (low + high) / 2;
            var e = Extent(mid);
            if (e.Right - e.Left <= width && e.Bottom - e.Top <= height) low = mid;
            else high = mid;
        }
        double scale = Math.Floor(low * 1e4) / 1e4;
        var extent = Extent(scale);
        double cx = Math.Round(context.Left + Margin + (width - (extent.Right - extent.Left)) / 2 - extent.Left, 2);
        double cy = Math.Round(context.Top + Margin + (height - (extent.Bottom - extent.Top)) / 2 - extent.Top, 2);
        return new Screen(cx, cy, scale);
    }

    public static void Render(Scene3D scene, PlotContext context)
    {
        var svg = context.Svg;
        var view = scene.View;
        var screen = Fit(scene, context);
        svg.Raw("<g class=\"scene3d\"")
            .Attr("data-view", $"{SvgWriter.Exact(view.Azimuth)} {SvgWriter.Exact(view.Elevation)} {SvgWriter.Exact(view.ZAspect)}")
            .Attr("data-box", string.Join(' ', new[] { view.XMin, view.XMax, view.YMin, view.YMax, view.ZMin, view.ZMax }.Select(SvgWriter.Exact)))
            .Attr("data-screen", $"{SvgWriter.Exact(screen.Cx)} {SvgWriter.Exact(screen.Cy)} {SvgWriter.Exact(screen.S)}")
            .Attr("data-elements", string.Join('|', scene.Elements.Select(e => e.GetType().Name.Replace("Element", "", StringComparison.Ordinal).ToLowerInvariant())))
            .Raw(">\n");
        Box3DRenderer.RenderBack(scene, svg, screen);
        var pieces = Pieces(scene, screen);
        pieces.Sort((a, b) => a.Depth != b.Depth ? a.Depth.CompareTo(b.Depth) : a.Order.CompareTo(b.Order));
        WritePieces(svg, scene, pieces);
        Box3DRenderer.RenderAxes(scene, svg, screen);
        svg.Raw("</g>\n");
    }

    public static void MarkOccupancy(Scene3D scene, PlotContext context, Occupancy occupancy)
    {
        var screen = Fit(scene, context);
        var view = scene.View;
        var corners = Box3DRenderer.Corners(view).Select(c => view.Project(c.X, c.Y, c.Z)).Select(p => screen.ToPixel(p.X, p.Y)).ToArray();
        for (int a = 0; a < corners.Length; a++)       // the box's edges (corners differing in one coordinate)
            for (int b = a + 1; b < corners.Length; b++)
                if (int.PopCount(a ^ b) == 1) occupancy.MarkSegment(corners[a].X, corners[a].Y, corners[b].X, corners[b].Y);
        foreach (var text in Box3DRenderer.Axes(scene).Texts)
        {
            var (px, py) = screen.ToPixel(text.X, text.Y);
            var (l, r, u, d) = text.Extent();
            occupancy.MarkSegment(px + text.Dx + l, py + text.Dy + (u + d) / 2, px + text.Dx + r, py + text.Dy + (u + d) / 2);
        }
        foreach (var piece in Pieces(scene, screen))
            for (int k = 0; k < piece.Px.Length; k++)
            {
                int next = (k + 1) % piece.Px.Length;
                occupancy.MarkSegment(piece.Px[k], piece.Py[k], piece.Px[next], piece.Py[next]);
            }
    }

    private static List<Piece> Pieces(Scene3D scene, Screen screen)
    {
        var view = scene.View;
        var pieces = new List<Piece>();
        (double X, double Y, double Depth) Project((double X, double Y, double Z) p)
        {
            var q = view.Project(p.X, p.Y, p.Z);
            var (px, py) = screen.ToPixel(q.X, q.Y);
            return (px, py, q.Depth);
        }
        for (int e = 0; e < scene.Elements.Count; e++)
        {
            switch (scene.Elements[e])
            {
                case Scene3D.SurfaceElement surface:
                    AddSurface(pieces, view, surface, e, Project);
                    break;
                case Scene3D.LineElement line:
                    // consecutive points closer than half a pixel merge into one segment; the vertices kept are path points
                    int last = -1;
                    for (int i = 0; i < line.Points.Length; i++)
                    {
                        if (!Finite(line.Points[i])) { last = -1; continue; }
                        var b = Project(line.Points[i]);
                        if (last < 0) { last = i; continue; }
                        var a = Project(line.Points[last]);
                        bool final = i == line.Points.Length - 1;
                        if (!final && Math.Abs(b.X - a.X) + Math.Abs(b.Y - a.Y) < 0.5) continue;
                        pieces.Add(new Piece((a.Depth + b.Depth) / 2 + OnSurface, pieces.Count, e, SegmentKind, [a.X, b.X], [a.Y, b.Y], line.Color, 1));
                        last = i;
                    }
                    break;
                case Scene3D.MarkerElement markers:
                    foreach (var point in markers.Points.Where(Finite))
                    {
                        var p = Project(point);
                        pieces.Add(new Piece(p.Depth + OnSurface, pieces.Count, e, MarkerKind, [p.X], [p.Y], markers.Color, 1));
                    }
                    break;
                case Scene3D.StickElement sticks:
                    for (int i = 0; i < sticks.Bottoms.Length; i++)
                    {
                        if (!Finite(sticks.Bottoms[i]) || !Finite(sticks.Tops[i])) continue;
                        var a = Project(sticks.Bottoms[i]);
                        var b = Project(sticks.Tops[i]);
                        pieces.Add(new Piece((a.Depth + b.Depth) / 2 + 0.003, pieces.Count, e, StickKind, [a.X, b.X], [a.Y, b.Y], sticks.Color, 1));
                    }
                    break;
            }
        }
        return pieces;
    }

    /// <summary>One shaded quad per grid cell: colour map at the cell's mean height, darkened by 0.6 + 0.4·|n·L|.</summary>
    private static void AddSurface(List<Piece> pieces, View3D view, Scene3D.SurfaceElement surface, int element,
        Func<(double, double, double), (double X, double Y, double Depth)> project)
    {
        var grid = surface.Grid;
        var eye = view.Eye();
        var light = Normalized((eye.U * 0.6, eye.V * 0.6, eye.W * 0.6 + 1));
        var black = new Color(0, 0, 0);
        for (int i = 0; i + 1 < grid.Ys.Length; i++)
        {
            for (int j = 0; j + 1 < grid.Xs.Length; j++)
            {
                (double, double, double)[] corners =
                [
                    (grid.Xs[j], grid.Ys[i], grid.Values[i, j]), (grid.Xs[j + 1], grid.Ys[i], grid.Values[i, j + 1]),
                    (grid.Xs[j + 1], grid.Ys[i + 1], grid.Values[i + 1, j + 1]), (grid.Xs[j], grid.Ys[i + 1], grid.Values[i + 1, j]),
                ];
                if (!corners.All(Finite)) continue;
                double mean = corners.Average(c => c.Item3);
                var box = corners.Select(c => view.Normalize(c.Item1, c.Item2, c.Item3)).ToArray();
                var normal = Normalized(Cross(Minus(box[1], box[0]), Minus(box[3], box[0])));
                double shade = 0.6 + 0.4 * Math.Abs(normal.U * light.U + normal.V * light.V + normal.W * light.W);
                var colour = Color.Lerp(black, surface.Map.At((mean - view.ZMin) / (view.ZMax - view.ZMin)), shade);
                var projected = corners.Select(project).ToArray();
                pieces.Add(new Piece(projected.Average(p => p.Depth), pieces.Count, element, QuadKind,
                    projected.Select(p => p.X).ToArray(), projected.Select(p => p.Y).ToArray(), colour, surface.Opacity));
            }
        }
    }

    /// <summary>Writes the pieces in order; a run of segments, sticks or markers of one element shares one path.</summary>
    private static void WritePieces(SvgWriter svg, Scene3D scene, List<Piece> pieces)
    {
        int k = 0;
        while (k < pieces.Count)
        {
            var first = pieces[k];
            if (first.Kind == QuadKind)
            {
                svg.Raw("<path class=\"s3-surface\"").Attr("fill", first.Color.Hex).Attr("stroke", first.Color.Hex)
                    .Raw(" stroke-width=\"0.6\" stroke-linejoin=\"round\"");
                if (first.Opacity < 1) svg.Attr("fill-opacity", first.Opacity).Attr("stroke-opacity", first.Opacity);
                svg.Raw(" d=\"");
                for (int c = 0; c < 4; c++) svg.Raw(c == 0 ? "M" : "L").Point(first.Px[c], first.Py[c]);
                svg.Raw("z\"/>\n");
                k++;
                continue;
            }
            int end = k;
            while (end < pieces.Count && pieces[end].Kind == first.Kind && pieces[end].Element == first.Element) end++;
            switch (first.Kind)
            {
                case MarkerKind:
                    var markers = (Scene3D.MarkerElement)scene.Elements[first.Element];
                    svg.Raw("<path class=\"s3-scatter\"").Attr("data-e", first.Element).Raw(" ")
                        .Raw(Markers.Paint(markers.Shape, markers.Color, 1, new Color(0x22, 0x22, 0x22))).Raw(" d=\"");
                    for (int p = k; p < end; p++) Markers.Append(svg, markers.Shape, pieces[p].Px[0], pieces[p].Py[0], markers.Size);
                    break;
                default:
                    double width = first.Kind == StickKind ? 1.4 : ((Scene3D.LineElement)scene.Elements[first.Element]).Width;
                    svg.Raw(first.Kind == StickKind ? "<path class=\"s3-stick\"" : "<path class=\"s3-line\"").Attr("data-e", first.Element)
                        .Raw(" fill=\"none\"").Attr("stroke", first.Color.Hex).Attr("stroke-width", width).Raw(" stroke-linecap=\"round\" d=\"");
                    for (int p = k; p < end; p++)
                        svg.Raw("M").Point(pieces[p].Px[0], pieces[p].Py[0]).Raw("L").Point(pieces[p].Px[1], pieces[p].Py[1]);
                    break;
            }
            svg.Raw("\"/>\n");
            k = end;
        }
    }

    private static bool Finite((double X, double Y, double Z) p) => double.IsFinite(p.X) && double.IsFinite(p.Y) && double.IsFinite(p.Z);

    private static (double U, double V, double W) Minus((double U, double V, double W) a, (double U, double V, double W) b) =>
        (a.U - b.U, a.V - b.V, a.W - b.W);

    private static (double U, double V, double W) Cross((double U, double V, double W) a, (double U, double V, double W) b) =>
        (a.V * b.W - a.W * b.V, a.W * b.U - a.U * b.W, a.U * b.V - a.V * b.U);

    private static (double U, double V, double W) Normalized((double U, double V, double W) a)
    {
        double length = Math.Sqrt(a.U * a.U + a.V * a.V + a.W * a.W);
        return length > 0 ? (a.U / length, a.V / length, a.W / length) : (0, 0, 1);
    }
}
