using Descent.Plotting;

namespace Descent.Plotting.Models;

public static partial class ModelFigures
{
    /// <summary>Predicted against actual values, with the line ŷ = y on which a perfect model's points would lie.</summary>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static Figure PredictedVsActual(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string targetName,
        string title = "Predicted against actual")
    {
        SameNonEmpty(actual, predicted, "PredictedVsActual");
        var figure = new Figure(width: 560, height: 520);
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = $"actual {targetName}";
        axes.YLabel = $"predicted {targetName}";
        double low = Math.Min(actual.Min(), predicted.Min()), high = Math.Max(actual.Max(), predicted.Max());
        axes.Scatter(actual, predicted, "test rows", Palette.At(0));
        axes.Line([low, high], [low, high], "perfect prediction (ŷ = y)", Palette.Grey).Style = LineStyle.Dashed;
        return figure;
    }

    /// <summary>Residuals y − ŷ against the prediction ŷ, with the zero line: a good fit scatters evenly around it.</summary>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static Figure Residuals(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string targetName,
        string title = "Residuals")
    {
        SameNonEmpty(actual, predicted, "Residuals");
        var residuals = new double[actual.Count];
        for (int i = 0; i < residuals.Length; i++)
            residuals[i] = actual[i] - predicted[i];
        var figure = new Figure(width: 640, height: 440);
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = $"predicted {targetName} ŷ";
        axes.YLabel = "residual y − ŷ";
        axes.Scatter(predicted, residuals, "test rows", Palette.At(0));
        axes.Line([predicted.Min(), predicted.Max()], [0, 0], "zero", Palette.Grey).Style = LineStyle.Dashed;
        return figure;
    }

    /// <summary>
    /// Feature importances (impurity decrease, normalized to sum 1) as horizontal bars, largest at the top, at most
    /// <paramref name="top"/> of them, each named whole on the y axis.
    /// </summary>
    /// <exception cref="ArgumentException">The names do not match the importances.</exception>
    public static Figure FeatureImportances(IReadOnlyList<double> importances, IReadOnlyList<string> featureNames, int top = 15,
        string title = "Feature importances")
    {
        ArgumentNullException.ThrowIfNull(importances);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (importances.Count != featureNames.Count || importances.Count == 0)
            throw new ArgumentException(
                $"ModelFigures.FeatureImportances: {featureNames.Count} names for {importances.Count} importances.", nameof(featureNames));
        int[] order = Enumerable.Range(0, importances.Count).OrderByDescending(j => importances[j]).ThenBy(j => j).Take(top).ToArray();
        var figure = new Figure(width: 720, height: Math.Max(320, 30 * order.Length + 120));
        var axes = figure.Axes;
        axes.Title = order.Length < importances.Count ? $"{title} (the {order.Length} largest of {importances.Count})" : title;
        axes.XLabel = "Importance (mean decrease in impurity)";
        double[] positions = Enumerable.Range(0, order.Length).Select(k => (double)k).ToArray();
        axes.HorizontalBars(positions, order.Select(j => importances[j]).ToArray(), color: Palette.At(0));
        axes.SetYTicks(positions, order.Select(j => featureNames[j]).ToArray());
        axes.YInverted = true;
        axes.XMin = 0;
        axes.Legend = LegendPosition.None;
        return figure;
    }

    private static void SameNonEmpty(IReadOnlyList<double> a, IReadOnlyList<double> b, string function)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count || a.Count == 0)
            throw new ArgumentException($"ModelFigures.{function}: {a.Count} actual and {b.Count} predicted values; they must match and be non-empty.");
    }
}
