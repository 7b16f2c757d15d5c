using static System.FormattableString;

namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// A binary classifier on two features: P(class 1 | x1, x2) evaluated on a grid and shaded from class 0's colour
    /// (P = 0) through white (P = 0.5) to class 1's colour (P = 1) in bands of 0.1, the decision boundary P = 0.5
    /// drawn as a thick black contour, a colour bar, and the examples scattered with one colour and marker shape per
    /// class. The plotted range is the data's range plus 10 % on each side.
    /// </summary>
    /// <param name="x1">First feature of each example (x axis).</param>
    /// <param name="x2">Second feature of each example (y axis).</param>
    /// <param name="classIndex">0 or 1 per example: index into <paramref name="classNames"/>.</param>
    /// <param name="classNames">The two class names; the probability is that of classNames[1].</param>
    /// <param name="probability">P(class 1 | x1, x2).</param>
    /// <param name="x1Label">Name of the first feature.</param>
    /// <param name="x2Label">Name of the second feature.</param>
    /// <param name="resolution">Grid points per axis.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="predicted">The class the model predicts for each example, when given: the misclassified ones are ringed.</param>
    /// <exception cref="ArgumentException">Lengths differ, there are not exactly two class names, or no example.</exception>
    public static Figure DecisionBoundary(IReadOnlyList<double> x1, IReadOnlyList<double> x2, IReadOnlyList<int> classIndex,
        IReadOnlyList<string> classNames, Func<double, double, double> probability, string x1Label = "x₁",
        string x2Label = "x₂", int resolution = 150, string title = "Decision boundary", IReadOnlyList<int>? predicted = null)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(probability);
        if (classNames.Count != 2)
            throw new ArgumentException(
                $"Figures.DecisionBoundary: draws a binary classifier and needs exactly 2 class names, got {classNames.Count}.");
        if (x1.Count == 0 || x1.Count != x2.Count)
            throw new ArgumentException($"Figures.DecisionBoundary: x1 has {x1.Count} values and x2 {x2.Count}; they must match and be non-empty.");
        var (xMin, xMax) = Padded(x1, 0.1);
        var (yMin, yMax) = Padded(x2, 0.1);
        var grid = Grid2D.Evaluate(probability, xMin, xMax, yMin, yMax, resolution, resolution);

        var figure = new Figure(width: 700, height: 540);
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = x1Label;
        axes.YLabel = x2Label;
        axes.ShowGrid = false;
        var shading = axes.FilledContour(grid, Grid2D.Spaced(0, 1, 11), Colormap.Diverging(Palette.At(0), Palette.At(1), 0.45));
        axes.ColorBar(shading, $"P({classNames[1]})");
        var boundary = axes.ContourLines(grid, [0.5], new Color(0, 0, 0), "decision boundary (P = 0.5)");
        boundary.Width = 2.5;
        foreach (var points in axes.ScatterByClass(x1, x2, classIndex, classNames))
        {
            points.EdgeColor = new Color(0x22, 0x22, 0x22);
            points.Opacity = 1;
        }
        RingMisclassified(axes, x1, x2, classIndex, predicted);
        return figure;
    }

    /// <summary>
    /// Rings the examples whose predicted class differs from their class, labelled "misclassified: k of n" (also when
    /// k is 0); nothing when <paramref name="predicted"/> is null.
    /// </summary>
    private static void RingMisclassified(Axes axes, IReadOnlyList<double> x1, IReadOnlyList<double> x2, IReadOnlyList<int> classIndex,
        IReadOnlyList<int>? predicted)
    {
        if (predicted is null) return;
        if (predicted.Count != classIndex.Count)
            throw new ArgumentException($"Figures: {classIndex.Count} examples but {predicted.Count} predictions.", nameof(predicted));
        int[] wrong = Enumerable.Range(0, classIndex.Count).Where(i => predicted[i] != classIndex[i]).ToArray();
        var rings = axes.Scatter(wrong.Select(i => x1[i]).ToArray(), wrong.Select(i => x2[i]).ToArray(),
            $"misclassified: {wrong.Length} of {classIndex.Count}", new Color(0, 0, 0), MarkerShape.Ring);
        rings.Size = 8;
        rings.Opacity = 1;
    }

    /// <summary>
    /// A confusion matrix as an annotated heatmap: rows are the true classes, columns the predicted ones (as
    /// scikit-learn's), each cell its count, or with <paramref name="normalizeRows"/> the fraction of its row (the
    /// recall of each class on the diagonal).
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square or does not match the class names.</exception>
    public static Figure ConfusionMatrix(int[,] counts, IReadOnlyList<string> classNames, bool normalizeRows = false,
        string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(classNames);
        int k = counts.GetLength(0);
        if (counts.GetLength(1) != k || k != classNames.Count)
            throw new ArgumentException(
                $"Figures.ConfusionMatrix: the matrix is {counts.GetLength(0)}×{counts.GetLength(1)} with {classNames.Count} class names; " +
                "it must be square, one row and column per class.");
        var values = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            double total = 0;
            for (int j = 0; j < k; j++) total += counts[i, j];
            for (int j = 0; j < k; j++)
                values[i, j] = normalizeRows ? (total > 0 ? counts[i, j] / total : 0) : counts[i, j];
        }
        double side = Math.Clamp(260 + 48 * k, 420, 900);
        var figure = new Figure(width: side + 120, height: side);
        var axes = figure.Axes;
        axes.Title = title + (normalizeRows ? " (fraction of each true class)" : "");
        axes.XLabel = "Predicted label";
        axes.YLabel = "True label";
        axes.Legend = LegendPosition.None;
        var heatmap = axes.Heatmap(values, classNames, classNames, Colormap.Blues, 0, normalizeRows ? 1 : null);
        heatmap.AnnotationFormat = normalizeRows ? "0.00" : "0";
        axes.ColorBar(heatmap, normalizeRows ? "fraction of true class" : "count");
        return figure;
    }

    private static (double Min, double Max) Padded(IReadOnlyList<double> values, double fraction)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
            if (double.IsFinite(v)) { min = Math.Min(min, v); max = Math.Max(max, v); }
        if (min > max) throw new ArgumentException("Figures: no finite value to draw.");
        double pad = max > min ? (max - min) * fraction : Math.Max(Math.Abs(min) * fraction, 0.5);
        return (min - pad, max + pad);
    }
}
