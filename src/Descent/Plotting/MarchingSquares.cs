namespace Descent.Plotting;

/// <summary>
/// Marching squares over a <see cref="Grid2D"/>: the level set {f = level} as polylines, and the region
/// {f &gt;= level} as polygons, both by linear interpolation along cell edges, in data coordinates.
/// Cells with a non-finite corner are skipped. A saddle cell (opposite corners on the same side) is resolved by
/// the mean of its four corners, as in matplotlib.
/// </summary>
public static class MarchingSquares
{
    /// <summary>
    /// The polylines where the interpolated field equals <paramref name="level"/>. Segments that share a cell edge
    /// are joined, so each closed level curve is one polyline whose last point equals its first.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)[]> IsoLines(Grid2D grid, double level)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int nx = grid.Xs.Length, ny = grid.Ys.Length;
        var v = grid.Values;
        var segments = new List<(int A, int B)>();
        for (int i = 0; i < ny - 1; i++)
        {
            for (int j = 0; j < nx - 1; j++)
            {
                double a = v[i, j], b = v[i, j + 1], c = v[i + 1, j + 1], d = v[i + 1, j];
                if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c) || !double.IsFinite(d)) continue;
                int index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
                if (index is 0 or 15) continue;
                int bottom = Horizontal(i, j, nx), right = Vertical(i, j + 1, nx), top = Horizontal(i + 1, j, nx),
                    left = Vertical(i, j, nx);
                bool centreInside = (a + b + c + d) / 4 >= level;
                switch (index)
                {
                    case 5: // a, c inside
                        if (centreInside) { segments.Add((bottom, right)); segments.Add((top, left)); }
                        else { segments.Add((left, bottom)); segments.Add((right, top)); }
                        break;
                    case 10: // b, d inside
                        if (centreInside) { segments.Add((left, bottom)); segments.Add((right, top)); }
                        else { segments.Add((bottom, right)); segments.Add((top, left)); }
                        break;
                    default:
                        int first = -1;
                        foreach (int edge in (ReadOnlySpan<int>)[bottom, right, top, left])
                        {
                            if (!Crosses(edge, grid, level)) continue;
                            if (first < 0) first = edge;
                            else segments.Add((first, edge));
                        }
                        break;
                }
            }
        }
        return Join(segments, grid, level);
    }

    /// <summary>
    /// The region where the interpolated field is &gt;= <paramref name="level"/>, as polygons (each cell clipped
    /// against the level; runs of whole cells in a row merged into one rectangle). Their union is the region.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)[]> SuperLevelPolygons(Grid2D grid, double level)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int nx = grid.Xs.Length, ny = grid.Ys.Length;
        var v = grid.Values;
        double[] xs = grid.Xs, ys = grid.Ys;
        var polygons = new List<(double X, double Y)[]>();
        Span<(double X, double Y, double V)> corners = stackalloc (double, double, double)[4];
        for (int i = 0; i < ny - 1; i++)
        {
            int runStart = -1;
            for (int j = 0; j <= nx - 1; j++)
            {
                bool full = false, any = false;
                if (j < nx - 1)
                {
                    double a = v[i, j], b = v[i, j + 1], c = v[i + 1, j + 1], d = v[i + 1, j];
                    bool finite = double.IsFinite(a) && double.IsFinite(b) && double.IsFinite(c) && double.IsFinite(d);
                    full = finite && a >= level && b >= level && c >= level && d >= level;
                    any = finite && (a >= level || b >= level || c >= level || d >= level);
                }
                if (full) { if (runStart < 0) runStart = j; continue; }
                if (runStart >= 0)
                {
                    polygons.Add([(xs[runStart], ys[i]), (xs[j], ys[i]), (xs[j], ys[i + 1]), (xs[runStart], ys[i + 1])]);
                    runStart = -1;
                }
                if (!any) continue;
                corners[0] = (xs[j], ys[i], v[i, j]);
                corners[1] = (xs[j + 1], ys[i], v[i, j + 1]);
                corners[2] = (xs[j + 1], ys[i + 1], v[i + 1, j + 1]);
                corners[3] = (xs[j], ys[i + 1], v[i + 1, j]);
                polygons.Add(Clip(corners, level));
            }
        }
        return polygons;
    }

    /// <summary>Sutherland–Hodgman clip of the cell quad against v &gt;= level, interpolating on crossed edges.</summary>
    private static (double X, double Y)[] Clip(ReadOnlySpan<(double X, double Y, double V)> corners, double level)
    {
        var result = new List<(double X, double Y)>(6);
        for (int k = 0; k < 4; k++)
        {
            var p = corners[k];
            var q = corners[(k + 1) % 4];
            bool pIn = p.V >= level, qIn = q.V >= level;
            if (pIn) result.Add((p.X, p.Y));
            if (pIn != qIn)
            {
                double t = (level - p.V) / (q.V - p.V);
                result.Add((p.X + t * (q.X - p.X), p.Y + t * (q.Y - p.Y)));
            }
        }
        return result.ToArray();
    }

    // Edge ids: the horizontal edge from node (i, j) to (i, j+1) is 2(i·nx + j); the vertical one to (i+1, j) is +1.
    private static int Horizontal(int i, int j, int nx) => 2 * (i * nx + j);
    private static int Vertical(int i, int j, int nx) => 2 * (i * nx + j) + 1;

    private static bool Crosses(int edge, Grid2D grid, double level)
    {
        var (v0, v1, _, _, _, _) = Ends(edge, grid);
        return (v0 >= level) != (v1 >= level);
    }

    private static (double V0, double V1, double X0, double Y0, double X1, double Y1) Ends(int edge, Grid2D grid)
    {
        int nx = grid.Xs.Length, node = edge >> 1, i = node / nx, j = node % nx;
        var v = grid.Values;
        return (edge & 1) == 0
            ? (v[i, j], v[i, j + 1], grid.Xs[j], grid.Ys[i], grid.Xs[j + 1], grid.Ys[i])
            : (v[i, j], v[i + 1, j], grid.Xs[j], grid.Ys[i], grid.Xs[j], grid.Ys[i + 1]);
    }

    /// <summary>The crossing point on an edge, always interpolated from the edge's own first end, so both cells sharing it agree.</summary>
    private static (double X, double Y) Crossing(int edge, Grid2D grid, double level)
    {
        var (v0, v1, x0, y0, x1, y1) = Ends(edge, grid);
        double t = (level - v0) / (v1 - v0);
        return (x0 + t * (x1 - x0), y0 + t * (y1 - y0));
    }

    private static List<(double X, double Y)[]> Join(List<(int A, int B)> segments, Grid2D grid, double level)
    {
        var byEdge = new Dictionary<int, List<int>>();
        for (int s = 0; s < segments.Count; s++)
        {
            Add(byEdge, segments[s].A, s);
            Add(byEdge, segments[s].B, s);
        }
        var used = new bool[segments.Count];
        var lines = new List<(double X, double Y)[]>();
        var chain = new LinkedList<int>();
        for (int s = 0; s < segments.Count; s++)
        {
            if (used[s]) continue;
            used[s] = true;
            chain.Clear();
            chain.AddLast(segments[s].A);
            chain.AddLast(segments[s].B);
            Extend(chain, forward: true, byEdge, segments, used);
            Extend(chain, forward: false, byEdge, segments, used);
            var line = new (double X, double Y)[chain.Count];
            int k = 0;
            foreach (int edge in chain) line[k++] = Crossing(edge, grid, level);
            lines.Add(line);
        }
        return lines;
    }

    private static void Extend(LinkedList<int> chain, bool forward, Dictionary<int, List<int>> byEdge,
        List<(int A, int B)> segments, bool[] used)
    {
        while (true)
        {
            int end = forward ? chain.Last!.Value : chain.First!.Value;
            int next = -1;
            foreach (int candidate in byEdge[end])
                if (!used[candidate]) { next = candidate; break; }
            if (next < 0) return;
            used[next] = true;
            int other = segments[next].A == end ? segments[next].B : segments[next].A;
            if (forward) chain.AddLast(other); else chain.AddFirst(other);
        }
    }

    private static void Add(Dictionary<int, List<int>> byEdge, int edge, int segment)
    {
        if (!byEdge.TryGetValue(edge, out var list)) byEdge[edge] = list = new List<int>(2);
        list.Add(segment);
    }
}
