namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// A classifier with any number of classes on two features: each point of the plane is tinted with the colour
    /// of the class of highest probability, the boundaries between classes are drawn in black where the two
    /// leading probabilities are equal (the zero level of the margin p_k - max_{j≠k} p_j, found by marching squares
    /// on a grid), and the examples are scattered with one colour and marker shape per class. The plotted range is
    /// the data's range plus 10 % on each side.
    /// </summary>
    /// <param name="x1">First feature of each example (x axis).</param>
    /// <param name="x2">Second feature of each example (y axis).</param>
    /// <param name="classIndex">Class of each example: index into <paramref name="classNames"/>.</param>
    /// <param name="classNames">The class names, in the order of the probabilities.</param>
    /// <param name="probabilities">(x1, x2) → one probability (or any score) per class.</param>
    /// <param name="x1Label">Name of the first feature.</param>
    /// <param name="x2Label">Name of the second feature.</param>
    /// <param name="resolution">Grid points per axis.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="predicted">The class the model predicts for each example, when given: the misclassified ones are ringed.</param>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 2 classes, or probabilities of the wrong length.</exception>
    public static Figure DecisionRegions(IReadOnlyList<double> x1, IReadOnlyList<double> x2, IReadOnlyList<int> classIndex,
        IReadOnlyList<string> classNames, Func<double, double, double[]> probabilities, string x1Label = "x₁",
        string x2Label = "x₂", int resolution = 150, string title = "Decision regions", IReadOnlyList<int>? predicted = null)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(probabilities);
        int k = classNames.Count;
        if (k < 2)
            throw new ArgumentException($"Figures.DecisionRegions: needs at least 2 class names, got {k}.");
        if (x1.Count == 0 || x1.Count != x2.Count)
            throw new ArgumentException($"Figures.DecisionRegions: x1 has {x1.Count} values and x2 {x2.Count}; they must match and be non-empty.");
        var (xMin, xMax) = Padded(x1, 0.1);
        var (yMin, yMax) = Padded(x2, 0.1);
        double[] xs = Grid2D.Spaced(xMin, xMax, resolution), ys = Grid2D.Spaced(yMin, yMax, resolution);
        var margins = new double[k][,];
        for (int c = 0; c < k; c++) margins[c] = new double[resolution, resolution];
        for (int i = 0; i < resolution; i++)
        {
            for (int j = 0; j < resolution; j++)
            {
                double[] p = probabilities(xs[j], ys[i]);
                if (p is null || p.Length != k)
                    throw new ArgumentException(
                        $"Figures.DecisionRegions: probabilities returned {p?.Length ?? 0} values at ({xs[j]}, {ys[i]}) but there are {k} classes.");
                for (int c = 0; c < k; c++)
                {
                    double best = double.NegativeInfinity;
                    for (int o = 0; o < k; o++)
                        if (o != c && p[o] > best) best = p[o];
                    margins[c][i, j] = p[c] - best;
                }
            }
        }

        var figure = new Figure(width: 680, height: 540);
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = x1Label;
        axes.YLabel = x2Label;
        axes.ShowGrid = false;
        var white = new Color(255, 255, 255);
        var grids = new Grid2D[k];
        for (int c = 0; c < k; c++)
        {
            grids[c] = new Grid2D(xs, ys, margins[c]);
            // the region where class c leads: margin >= 0 (the upper level only bounds the band; margins are <= 1)
            var (_, max) = grids[c].Range();
            if (!(max >= 0)) continue;
            axes.Add(new FilledContourSeries(grids[c], [0, Math.Max(max, 0) + 1], [Color.Lerp(white, Palette.At(c), 0.3)]));
        }
        for (int c = 0; c < k; c++)
        {
            var boundary = axes.ContourLines(grids[c], [0.0], new Color(0, 0, 0), c == 0 ? "decision boundary" : null);
            boundary.Width = 2;
        }
        foreach (var points in axes.ScatterByClass(x1, x2, classIndex, classNames))
        {
            points.EdgeColor = new Color(0x22, 0x22, 0x22);
            points.Opacity = 1;
        }
        RingMisclassified(axes, x1, x2, classIndex, predicted);
        return figure;
    }
}
