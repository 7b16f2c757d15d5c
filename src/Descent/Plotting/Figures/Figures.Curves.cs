using static System.FormattableString;

namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// The cost after each iteration (index 0 = before the first update), optionally with a validation cost and a
    /// log y axis (costs that fall by decades read better on it).
    /// </summary>
    /// <exception cref="ArgumentException">The cost list is empty.</exception>
    public static Figure LossCurve(IReadOnlyList<double> costs, bool logY = false, IReadOnlyList<double>? validationCosts = null,
        string costLabel = "Cost J(θ)", string iterationLabel = "Iteration", string title = "Cost during training")
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count == 0) throw new ArgumentException("Figures.LossCurve: the cost list is empty; nothing to draw.");
        var figure = new Figure();
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = iterationLabel;
        axes.YLabel = costLabel + (logY ? " (log scale)" : "");
        axes.YScale = logY ? AxisScale.Log : AxisScale.Linear;
        axes.Line(Enumerable.Range(0, costs.Count).Select(i => (double)i).ToArray(), costs,
            validationCosts is null ? $"training cost (final {Ticks.Significant(costs[^1], 4)})" : "training");
        if (validationCosts is not null)
            axes.Line(Enumerable.Range(0, validationCosts.Count).Select(i => (double)i).ToArray(), validationCosts, "validation")
                .Style = LineStyle.Dashed;
        return figure;
    }

    /// <summary>
    /// Several cost curves on one plot (one per learning rate, say), index 0 = before the first step, solid, dashed
    /// and dotted in turn. A curve marked <c>Diverged</c> (its costs up to the step where training was stopped) ends in
    /// a cross, and its legend says at which step it diverged, so a rate that blows up is shown, not dropped.
    /// </summary>
    /// <exception cref="ArgumentException">No curve, or a curve without costs.</exception>
    public static Figure LossCurves(IReadOnlyList<(string Label, IReadOnlyList<double> Costs, bool Diverged)> curves, bool logY = false,
        string title = "Cost per iteration for several learning rates", string costLabel = "Cost J(θ)", string iterationLabel = "Iteration")
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0 || curves.Any(c => c.Costs is null || c.Costs.Count == 0))
            throw new ArgumentException("Figures.LossCurves: give at least one curve, each with recorded costs.", nameof(curves));
        var figure = new Figure();
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = iterationLabel;
        axes.YLabel = costLabel + (logY ? " (log scale)" : "");
        axes.YScale = logY ? AxisScale.Log : AxisScale.Linear;
        LineStyle[] styles = [LineStyle.Solid, LineStyle.Dashed, LineStyle.Dotted];
        for (int k = 0; k < curves.Count; k++)
        {
            var (label, costs, diverged) = curves[k];
            int steps = costs.Count - 1;
            string text = diverged ? $"{label}: diverged, stopped at step {steps}" : label;
            var line = axes.Line(Enumerable.Range(0, costs.Count).Select(i => (double)i).ToArray(), costs, text, Palette.At(k));
            line.Width = 2.2;
            line.Style = styles[k % styles.Length];
            if (!diverged) continue;
            int last = Enumerable.Range(0, costs.Count).Last(i => double.IsFinite(costs[i]) && (!logY || costs[i] > 0));
            var end = axes.Scatter([last], [costs[last]], null, Palette.At(k), MarkerShape.Cross);
            end.Size = 7;
            end.Opacity = 1;
            line.Marker = MarkerShape.Circle;
            line.MarkerSize = 2.5;
        }
        return figure;
    }

    /// <summary>The loss curve of a fit's recorded history.</summary>
    public static Figure LossCurve(FitHistory history, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        return LossCurve(history.Costs, logY);
    }

    /// <summary>
    /// ROC curves: true-positive rate against false-positive rate through exactly the given points, the AUC in the
    /// legend (trapezoidal rule over the points when not given), and the chance diagonal.
    /// </summary>
    public static Figure Roc(IReadOnlyList<double> falsePositiveRate, IReadOnlyList<double> truePositiveRate,
        double? auc = null, string name = "model") =>
        Roc([(name, falsePositiveRate, truePositiveRate, auc)]);

    /// <summary>Several ROC curves on one plot (models, or classes one-vs-rest).</summary>
    /// <exception cref="ArgumentException">A curve's fpr and tpr differ in length or are empty.</exception>
    public static Figure Roc(IReadOnlyList<(string Name, IReadOnlyList<double> Fpr, IReadOnlyList<double> Tpr, double? Auc)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var figure = new Figure(width: 560, height: 520);
        var axes = UnitSquare(figure, "ROC curve", "False positive rate (1 − specificity)", "True positive rate (recall)");
        axes.Legend = LegendPosition.LowerRight;
        foreach (var (name, fpr, tpr, auc) in curves)
        {
            if (fpr.Count != tpr.Count || fpr.Count == 0)
                throw new ArgumentException($"Figures.Roc: curve '{name}' has {fpr.Count} fpr and {tpr.Count} tpr values; they must match and be non-empty.");
            double area = auc ?? Trapezoid(fpr, tpr);
            axes.Line(fpr, tpr, Invariant($"{name} (AUC = {area:0.000})")).Width = 2.2;
        }
        axes.Line([0.0, 1.0], [0.0, 1.0], "chance (AUC = 0.5)", Palette.Grey).Style = LineStyle.Dashed;
        return figure;
    }

    /// <summary>
    /// The precision-recall curve drawn as scikit-learn's PrecisionRecallDisplay does (recall on x, precision on
    /// y, steps-post through the given points), the average precision in the legend, and when the positive fraction
    /// is given, the precision of a random classifier as a dashed line.
    /// </summary>
    /// <exception cref="ArgumentException">precision and recall differ in length or are empty.</exception>
    public static Figure PrecisionRecall(IReadOnlyList<double> precision, IReadOnlyList<double> recall,
        double? averagePrecision = null, double? positiveFraction = null, string name = "model") =>
        PrecisionRecall([(name, precision, recall, averagePrecision, positiveFraction)]);

    /// <summary>
    /// Several precision-recall curves on one plot (models, or classes one-vs-rest), each with its average precision in
    /// the legend; the chance levels given are dashed grey lines, one per distinct level.
    /// </summary>
    /// <exception cref="ArgumentException">A curve's precision and recall differ in length or are empty.</exception>
    public static Figure PrecisionRecall(
        IReadOnlyList<(string Name, IReadOnlyList<double> Precision, IReadOnlyList<double> Recall, double? AveragePrecision, double? PositiveFraction)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var figure = new Figure(width: 560, height: 520);
        var axes = UnitSquare(figure, "Precision–recall curve", "Recall (true positive rate)", "Precision (positive predictive value)");
        axes.Legend = LegendPosition.LowerLeft;
        foreach (var (name, precision, recall, averagePrecision, _) in curves)
        {
            ArgumentNullException.ThrowIfNull(precision);
            ArgumentNullException.ThrowIfNull(recall);
            if (precision.Count != recall.Count || precision.Count == 0)
                throw new ArgumentException($"Figures.PrecisionRecall: curve '{name}' has {precision.Count} precision and {recall.Count} recall values; they must match and be non-empty.");
            var line = axes.Line(recall, precision, averagePrecision is { } ap ? Invariant($"{name} (AP = {ap:0.000})") : name);
            line.Steps = true;
            line.Width = 2.2;
        }
        var levels = curves.Where(c => c.PositiveFraction is not null).GroupBy(c => c.PositiveFraction!.Value).ToArray();
        foreach (var level in levels)
        {
            double p = level.Key;
            string whose = levels.Length == 1 ? "" : $" for {string.Join(", ", level.Select(c => c.Name))}";
            axes.Line([0.0, 1.0], [p, p], Invariant($"chance{whose} (precision = {p:0.###})"), Palette.Grey).Style = LineStyle.Dashed;
        }
        return figure;
    }

    private static Axes UnitSquare(Figure figure, string title, string xLabel, string yLabel)
    {
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = xLabel;
        axes.YLabel = yLabel;
        axes.XMin = axes.YMin = -0.02;
        axes.XMax = axes.YMax = 1.02;
        return axes;
    }

    /// <summary>Area under the polyline through the points: sum of (x[i+1] - x[i]) (y[i] + y[i+1]) / 2.</summary>
    internal static double Trapezoid(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double area = 0;
        for (int i = 1; i < x.Count; i++) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        return Math.Abs(area);
    }
}
