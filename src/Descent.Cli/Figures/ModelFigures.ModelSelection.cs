using Descent.Linear;
using Descent.ModelSelection;
using Descent.Plotting;

namespace Descent.Cli.Figures;

internal static partial class ModelFigures
{
    /// <summary>
    /// A learning curve: mean training error (E_in) and validation error (E_out) over the folds against the number of
    /// training examples, with ± one standard deviation across folds as bands.
    /// </summary>
    public static Figure LearningCurve(LearningCurveResult result, string errorLabel, string title = "Learning curve")
    {
        ArgumentNullException.ThrowIfNull(result);
        return Plotting.Figures.LearningCurve(result.TrainSizes.Select(s => (double)s).ToArray(), result.MeanTrainScores,
            result.MeanValidationScores, result.TrainScores.Select(Std).ToArray(), result.ValidationScores.Select(Std).ToArray(),
            errorLabel, title);
    }

    /// <summary>
    /// A validation curve: mean training and validation error over the folds against a hyper-parameter, ± one
    /// standard deviation, the best value marked.
    /// </summary>
    public static Figure ValidationCurve<TParam>(ValidationCurveResult<TParam> result, Func<TParam, double> position, string parameterName,
        string errorLabel, bool logX = false, string title = "Validation curve")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(position);
        return Plotting.Figures.ValidationCurve(result.Values.Select(position).ToArray(), result.MeanTrainScores, result.MeanValidationScores,
            parameterName, logX, result.TrainScores.Select(Std).ToArray(), result.ValidationScores.Select(Std).ToArray(), errorLabel, title);
    }

    /// <summary>
    /// Several learning curves side by side (one panel each, same y range so heights compare): mean training error
    /// E_in and validation error E_out against the number of training examples, ± one standard deviation across folds.
    /// </summary>
    /// <exception cref="ArgumentException">No curve.</exception>
    public static Figure LearningCurves(IReadOnlyList<(string Title, LearningCurveResult Result)> curves, string errorLabel, bool logY,
        string title, double? yMax = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) throw new ArgumentException("ModelFigures.LearningCurves: no curve to draw.", nameof(curves));
        var figure = new Figure(1, curves.Count, width: 380 * curves.Count, height: 430) { Title = title };
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var (_, result) in curves)
            foreach (double v in result.MeanTrainScores.Concat(result.MeanValidationScores))
                if (double.IsFinite(v) && (!logY || v > 0)) { low = Math.Min(low, v); high = Math.Max(high, v); }
        if (yMax is { } cap) high = Math.Min(high, cap);
        for (int k = 0; k < curves.Count; k++)
        {
            var (panelTitle, result) = curves[k];
            var axes = figure[0, k];
            axes.Title = panelTitle;
            axes.XLabel = "Training examples m";
            axes.YLabel = k == 0 ? errorLabel + (logY ? " (log scale)" : "") : null;
            axes.YScale = logY ? AxisScale.Log : AxisScale.Linear;
            axes.Legend = k == 0 ? LegendPosition.UpperRight : LegendPosition.None;
            if (logY) (axes.YMin, axes.YMax) = (low / 1.5, high * 1.5);
            else (axes.YMin, axes.YMax) = (0, high * 1.08);
            double[] sizes = result.TrainSizes.Select(s => (double)s).ToArray();
            var train = axes.Line(sizes, result.MeanTrainScores, "training error E_in", Palette.At(0));
            train.Marker = MarkerShape.Circle;
            var validation = axes.Line(sizes, result.MeanValidationScores, "validation error E_out", Palette.At(1));
            validation.Marker = MarkerShape.Square;
            validation.Style = LineStyle.Dashed;
        }
        return figure;
    }

    /// <summary>Each coefficient of a regularization path against α (log axis).</summary>
    /// <exception cref="ArgumentException">The names do not match the path's coefficients.</exception>
    public static Figure RegularizationPath(RegularizationPathResult path, IReadOnlyList<string> featureNames, string title = "Regularization path")
    {
        ArgumentNullException.ThrowIfNull(path);
        var coefficients = new double[path.Coefficients.Rows, path.Coefficients.Columns];
        for (int a = 0; a < coefficients.GetLength(0); a++)
            for (int f = 0; f < coefficients.GetLength(1); f++)
                coefficients[a, f] = path.Coefficients[a, f];
        return Plotting.Figures.RegularizationPath(path.Alphas, coefficients, featureNames, title);
    }

    /// <summary>Population standard deviation of the fold scores (numpy's std, as scikit-learn's examples draw the bands).</summary>
    private static double Std(double[] scores)
    {
        if (scores.Length == 0) return 0;
        double mean = scores.Average();
        return Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Length);
    }
}
