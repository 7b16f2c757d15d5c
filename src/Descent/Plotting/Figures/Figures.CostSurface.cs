using static System.FormattableString;

namespace Descent.Plotting;

/// <summary>
/// Ready-made teaching figures, each a static function of plain data (arrays, functions, grids) that returns a
/// labelled <see cref="Figure"/>: title, axis labels, legend and colour bar where they apply.
/// </summary>
public static partial class Figures
{
    /// <summary>
    /// The cost surface J(θ0, θ1) of a two-parameter model as filled contours with log-spaced levels (as the course
    /// draws it: logspace between the smallest and largest cost on the grid), contour lines, a colour bar, and the
    /// gradient-descent path over it: a line through every step, markers and arrows at a subset of the steps
    /// (spaced geometrically, so the large early steps all show), the start and the end labelled.
    /// </summary>
    /// <param name="cost">J(θ0, θ1).</param>
    /// <param name="theta0Min">Left end of the θ0 range.</param>
    /// <param name="theta0Max">Right end of the θ0 range.</param>
    /// <param name="theta1Min">Bottom of the θ1 range.</param>
    /// <param name="theta1Max">Top of the θ1 range.</param>
    /// <param name="path">The parameters at each step (each an array [θ0, θ1]), e.g. FitHistory.ParameterPath; or null.</param>
    /// <param name="levels">Number of contour levels.</param>
    /// <param name="resolution">Grid points per axis at which J is evaluated.</param>
    /// <param name="theta0Label">Label of the θ0 axis.</param>
    /// <param name="theta1Label">Label of the θ1 axis.</param>
    /// <exception cref="ArgumentException">A path entry does not hold 2 values, or a range is empty.</exception>
    public static Figure CostSurface(Func<double, double, double> cost, double theta0Min, double theta0Max,
        double theta1Min, double theta1Max, IReadOnlyList<double[]>? path = null, int levels = 20, int resolution = 120,
        string theta0Label = "θ₀ (intercept)", string theta1Label = "θ₁ (slope)")
    {
        ArgumentNullException.ThrowIfNull(cost);
        var figure = new Figure(width: 680, height: 520);
        CostContours(figure.Axes, cost, theta0Min, theta0Max, theta1Min, theta1Max, path, levels, resolution, theta0Label, theta1Label);
        figure.Axes.Title = path is null ? "Cost surface J(θ₀, θ₁)" : "Gradient descent on the cost surface J(θ₀, θ₁)";
        return figure;
    }

    /// <summary>
    /// The cost surface J(θ0, θ1) twice, side by side: on the left as a shaded surface in 3-D with the descent path
    /// drawn on it (every step at its height J(θ), start and end marked), on the right seen from above as the filled
    /// contours of <see cref="CostSurface(Func{double, double, double}, double, double, double, double, IReadOnlyList{double[]}?, int, int, string, string)"/>
    /// with the same path. The 3-D surface is evaluated on a <paramref name="surfaceResolution"/>² grid.
    /// </summary>
    /// <exception cref="ArgumentException">A path entry does not hold 2 values, or a range is empty.</exception>
    public static Figure CostSurface3D(Func<double, double, double> cost, double theta0Min, double theta0Max, double theta1Min,
        double theta1Max, IReadOnlyList<double[]>? path = null, int levels = 20, int resolution = 120, int surfaceResolution = 28,
        string theta0Label = "θ₀ (intercept)", string theta1Label = "θ₁ (slope)")
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (path is not null) CheckPath(path);
        var surface = Grid2D.Evaluate(cost, theta0Min, theta0Max, theta1Min, theta1Max, Math.Max(2, surfaceResolution), Math.Max(2, surfaceResolution));
        var (low, high) = surface.Range();
        double[]? heights = path?.Select(p => cost(p[0], p[1])).ToArray();
        if (heights is not null)
            foreach (double h in heights.Where(double.IsFinite)) (low, high) = (Math.Min(low, h), Math.Max(high, h));
        var figure = new Figure(1, 2, width: 1180, height: 560)
        {
            Title = path is null ? "The cost surface J(θ₀, θ₁)" : "Gradient descent on the cost surface J(θ₀, θ₁)",
        };
        var left = figure[0, 0];
        left.Title = "in 3-D: the height is the cost";
        var scene = left.Scene3D(new View3D(theta0Min, theta0Max, theta1Min, theta1Max, low, high > low ? high : low + 1) { Azimuth = -125, Elevation = 50 });
        (scene.XLabel, scene.YLabel, scene.ZLabel) = (theta0Label, theta1Label, "J(θ₀, θ₁)");
        scene.Surface(surface);
        if (path is not null)
        {
            var colour = Palette.At(3);
            double[] t0 = path.Select(p => p[0]).ToArray(), t1 = path.Select(p => p[1]).ToArray();
            scene.Line(t0, t1, heights!, $"gradient descent ({path.Count - 1} steps)", colour, 2.4);
            scene.Scatter([t0[0]], [t1[0]], [heights![0]], "start", new Color(255, 255, 255), MarkerShape.Circle, 6);
            scene.Scatter([t0[^1]], [t1[^1]], [heights[^1]], "end", colour, MarkerShape.Diamond, 7);
        }
        var right = figure[0, 1];
        CostContours(right, cost, theta0Min, theta0Max, theta1Min, theta1Max, path, levels, resolution, theta0Label, theta1Label);
        right.Title = "from above: contours of equal cost";
        return figure;
    }

    /// <summary>
    /// <see cref="CostSurface3D(Func{double, double, double}, double, double, double, double, IReadOnlyList{double[]}?, int, int, int, string, string)"/>
    /// around a descent path, framed as <see cref="CostSurface(Func{double, double, double}, IReadOnlyList{double[]}, int, int)"/> frames it.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty or an entry does not hold 2 values.</exception>
    public static Figure CostSurface3D(Func<double, double, double> cost, IReadOnlyList<double[]> path, string theta0Label = "θ₀ (intercept)",
        string theta1Label = "θ₁ (slope)")
    {
        var (t0Min, t0Max, t1Min, t1Max) = FrameAround(path);
        return CostSurface3D(cost, t0Min, t0Max, t1Min, t1Max, path, theta0Label: theta0Label, theta1Label: theta1Label);
    }

    /// <summary>Filled log-spaced contours of J with lines, a colour bar and, when given, the descent path, into <paramref name="axes"/>.</summary>
    private static void CostContours(Axes axes, Func<double, double, double> cost, double theta0Min, double theta0Max,
        double theta1Min, double theta1Max, IReadOnlyList<double[]>? path, int levels, int resolution, string theta0Label, string theta1Label)
    {
        var grid = Grid2D.Evaluate(cost, theta0Min, theta0Max, theta1Min, theta1Max, resolution, resolution);
        axes.XLabel = theta0Label;
        axes.YLabel = theta1Label;
        axes.ShowGrid = false;
        (axes.XMin, axes.XMax, axes.YMin, axes.YMax) = (theta0Min, theta0Max, theta1Min, theta1Max);
        var edges = CostLevels(grid, Math.Max(3, levels));
        var fill = axes.FilledContour(grid, edges);
        axes.ContourLines(grid, edges, new Color(255, 255, 255)).Opacity = 0.35;
        axes.ColorBar(fill, "cost J(θ₀, θ₁)" + (edges[0] > 0 && edges[^1] / edges[0] > 100 ? " (log-spaced levels)" : ""));
        if (path is { Count: > 0 }) DrawPath(axes, path);
    }

    /// <summary>
    /// The cost surface around a descent path: the θ ranges are centred on the path's last point and wide enough to
    /// hold the whole path with a 30 % margin.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty or an entry does not hold 2 values.</exception>
    public static Figure CostSurface(Func<double, double, double> cost, IReadOnlyList<double[]> path, int levels = 20,
        int resolution = 120)
    {
        var (t0Min, t0Max, t1Min, t1Max) = FrameAround(path);
        return CostSurface(cost, t0Min, t0Max, t1Min, t1Max, path, levels, resolution);
    }

    /// <summary>θ ranges centred on the path's last point, holding the whole path with a 30 % margin.</summary>
    private static (double T0Min, double T0Max, double T1Min, double T1Max) FrameAround(IReadOnlyList<double[]> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        CheckPath(path);
        double[] end = path[^1];
        double r0 = 0, r1 = 0;
        foreach (var p in path)
        {
            r0 = Math.Max(r0, Math.Abs(p[0] - end[0]));
            r1 = Math.Max(r1, Math.Abs(p[1] - end[1]));
        }
        r0 = Math.Max(r0 * 1.3, Math.Max(1e-3, Math.Abs(end[0]) * 0.5));
        r1 = Math.Max(r1 * 1.3, Math.Max(1e-3, Math.Abs(end[1]) * 0.5));
        return (end[0] - r0, end[0] + r0, end[1] - r1, end[1] + r1);
    }

    /// <summary>
    /// Contour levels of a cost grid: log-spaced from its smallest to its largest value when all are positive
    /// (costs span decades), else evenly spaced.
    /// </summary>
    internal static double[] CostLevels(Grid2D grid, int count)
    {
        var (min, max) = grid.Range();
        if (double.IsNaN(min) || !(max > min)) return [min - 0.5, min + 0.5];
        return min > 0 ? Grid2D.LogSpaced(min, max, count) : Grid2D.Spaced(min, max, count);
    }

    private static void DrawPath(Axes axes, IReadOnlyList<double[]> path)
    {
        CheckPath(path);
        var colour = Palette.At(3); // vermillion reads on every part of viridis
        var xs = path.Select(p => p[0]).ToArray();
        var ys = path.Select(p => p[1]).ToArray();
        var line = axes.Line(xs, ys, $"gradient descent ({path.Count - 1} steps)", colour);
        line.Width = 2;

        int[] shown = GeometricSteps(path.Count, 24);
        var markers = axes.Scatter(shown.Select(i => xs[i]).ToArray(), shown.Select(i => ys[i]).ToArray(), null, colour);
        markers.Size = 3.5;
        markers.Opacity = 1;
        for (int k = 1; k < Math.Min(shown.Length, 12); k++)
            axes.Arrow(xs[shown[k - 1]], ys[shown[k - 1]], xs[shown[k]], ys[shown[k]], colour).Width = 1.2;

        var start = axes.Scatter([xs[0]], [ys[0]], "start", new Color(255, 255, 255), MarkerShape.Circle);
        start.Size = 6;
        start.EdgeColor = new Color(0, 0, 0);
        start.Opacity = 1;
        var end = axes.Scatter([xs[^1]], [ys[^1]], $"end: θ₀ = {Ticks.Significant(xs[^1], 4)}, θ₁ = {Ticks.Significant(ys[^1], 4)}", colour, MarkerShape.Diamond);
        end.Size = 7;
        end.Opacity = 1;
        axes.Text(xs[0], ys[0], "start").OffsetX = 9;
    }

    /// <summary>Indices 0, 1, 2, 4, 8, … (about <paramref name="count"/> of them, geometric) and the last index.</summary>
    internal static int[] GeometricSteps(int length, int count)
    {
        var result = new SortedSet<int> { 0, length - 1 };
        double ratio = Math.Pow(Math.Max(2, length), 1.0 / Math.Max(1, count));
        for (double i = 1; i < length; i = Math.Max(i + 1, i * ratio)) result.Add((int)i);
        return result.ToArray();
    }

    private static void CheckPath(IReadOnlyList<double[]> path)
    {
        if (path.Count == 0) throw new ArgumentException("Figures.CostSurface: the descent path is empty.");
        for (int i = 0; i < path.Count; i++)
            if (path[i] is null || path[i].Length != 2)
                throw new ArgumentException(
                    $"Figures.CostSurface: path step {i} holds {path[i]?.Length ?? 0} values; each step must be [θ0, θ1] " +
                    "(the surface is drawn only for models with an intercept and one feature).");
    }
}
