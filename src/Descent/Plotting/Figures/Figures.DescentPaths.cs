namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>Palette colours that stand out on viridis shading: vermillion, orange, reddish purple, black, sky blue.</summary>
    private static readonly int[] OnViridis = [3, 1, 4, 6, 5];

    /// <summary>
    /// Several descent paths over one cost surface J(θ0, θ1) (filled log-spaced contours, as
    /// <see cref="CostSurface(Func{double, double, double}, double, double, double, double, IReadOnlyList{double[]}?, int, int, string, string)"/>):
    /// one colour per path, its start a circle, its end a diamond. The θ ranges hold every path with a 15 % margin.
    /// Paths from random starts on a convex cost all end at the same minimum.
    /// </summary>
    /// <param name="cost">J(θ0, θ1).</param>
    /// <param name="paths">Each path: the parameters [θ0, θ1] at every step.</param>
    /// <param name="labels">A legend label per path.</param>
    /// <param name="theta0Label">Label of the θ0 axis.</param>
    /// <param name="theta1Label">Label of the θ1 axis.</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">No path, a path step without 2 values, or labels that do not match the paths.</exception>
    public static Figure DescentPaths(Func<double, double, double> cost, IReadOnlyList<IReadOnlyList<double[]>> paths, IReadOnlyList<string> labels,
        string theta0Label = "θ₀ (intercept)", string theta1Label = "θ₁ (slope)", string title = "Gradient descent from several starts")
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(labels);
        if (paths.Count == 0 || labels.Count != paths.Count)
            throw new ArgumentException($"Figures.DescentPaths: {paths.Count} paths and {labels.Count} labels; give at least one path, each with a label.");
        foreach (var path in paths) CheckPath(path);
        var (t0Min, t0Max) = Padded(paths.SelectMany(p => p.Select(t => t[0])).ToArray(), 0.15);
        var (t1Min, t1Max) = Padded(paths.SelectMany(p => p.Select(t => t[1])).ToArray(), 0.15);
        var figure = new Figure(width: 720, height: 560);
        var axes = figure.Axes;
        CostContours(axes, cost, t0Min, t0Max, t1Min, t1Max, null, 20, 120, theta0Label, theta1Label);
        axes.Title = title;
        for (int k = 0; k < paths.Count; k++)
        {
            var colour = Palette.At(OnViridis[k % OnViridis.Length]);
            double[] xs = paths[k].Select(t => t[0]).ToArray(), ys = paths[k].Select(t => t[1]).ToArray();
            axes.Line(xs, ys, labels[k], colour).Width = 2;
            var start = axes.Scatter([xs[0]], [ys[0]], null, colour, MarkerShape.Circle);
            (start.Size, start.Opacity, start.EdgeColor) = (6, 1, new Color(0, 0, 0));
            var end = axes.Scatter([xs[^1]], [ys[^1]], null, colour, MarkerShape.Diamond);
            (end.Size, end.Opacity, end.EdgeColor) = (6, 1, new Color(0, 0, 0));
        }
        return figure;
    }
}
