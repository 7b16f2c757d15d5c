using Descent.Linear;
using Descent.ModelSelection;
using Descent.Plotting;

namespace Descent.Plotting.Models;

public static partial class ModelFigures
{
    /// <summary>
    /// A learning curve: mean training error (E_in) and validation error (E_out) over the folds against the number of
    /// training examples, with ± one standard deviation across folds as bands.
    /// </summary>
    public static Figure LearningCurve(LearningCurveResult result, string errorLabel, string title = "Learning curve")
    {
        ArgumentNullException.ThrowIfNull(result);
        return Figures.LearningCurve(result.TrainSizes.Select(s => (double)s).ToArray(), result.MeanTrainScores,
            result.MeanValidationScores, result.StandardDeviationTrainScores, result.StandardDeviationValidationScores,
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
        return Figures.ValidationCurve(result.Values.Select(position).ToArray(), result.MeanTrainScores, result.MeanValidationScores,
            parameterName, logX, result.StandardDeviationTrainScores, result.StandardDeviationValidationScores, errorLabel, title);
    }

    /// <summary>
    /// Several learning curves side by side (one panel each, same y range so heights compare): mean training error
    /// E_in and validation error E_out against the number of training examples. The y axis runs from 0 to
    /// <paramref name="yMax"/> (default: the largest error), so a curve that starts far higher enters from the top;
    /// <paramref name="reference"/>, when given, is drawn as a dotted horizontal line (e.g. the noise level).
    /// </summary>
    /// <exception cref="ArgumentException">No curve.</exception>
    public static Figure LearningCurves(IReadOnlyList<(string Title, LearningCurveResult Result)> curves, string errorLabel, string title,
        double? yMax = null, (double Value, string Label)? reference = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) throw new ArgumentException("ModelFigures.LearningCurves: no curve to draw.", nameof(curves));
        var figure = new Figure(1, curves.Count, width: 380 * curves.Count, height: 430) { Title = title };
        double high = yMax ?? curves.SelectMany(c => c.Result.MeanTrainScores.Concat(c.Result.MeanValidationScores)).Where(double.IsFinite).Max();
        for (int k = 0; k < curves.Count; k++)
        {
            var (panelTitle, result) = curves[k];
            var axes = figure[0, k];
            axes.Title = panelTitle;
            axes.XLabel = "Training examples m";
            axes.YLabel = k == 0 ? errorLabel : null;
            axes.Legend = k == 0 ? LegendPosition.UpperRight : LegendPosition.None;
            (axes.YMin, axes.YMax) = (0, high);
            double[] sizes = result.TrainSizes.Select(s => (double)s).ToArray();
            if (reference is { } line)
                axes.Line([0, sizes[^1]], [line.Value, line.Value], line.Label, Palette.Grey).Style = LineStyle.Dotted;
            var train = axes.Line(sizes, result.MeanTrainScores, "training error E_in", Palette.At(0));
            train.Marker = MarkerShape.Circle;
            var validation = axes.Line(sizes, result.MeanValidationScores, "validation error E_out", Palette.At(1));
            validation.Marker = MarkerShape.Square;
            validation.Style = LineStyle.Dashed;
        }
        return figure;
    }

    /// <summary>
    /// Bias–variance decompositions of models of growing complexity (<see cref="BiasVariance.Decompose{TModel}"/> or
    /// <see cref="BiasVariance.Bootstrap{TModel}"/>, one per complexity) as <see cref="Figures.BiasVariance"/> draws them.
    /// </summary>
    /// <exception cref="ArgumentException">No result.</exception>
    public static Figure BiasVariance(IReadOnlyList<(double Complexity, BiasVarianceResult Result)> results, string complexityLabel,
        string title = "Bias² + variance + noise = test error")
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("ModelFigures.BiasVariance: no result to draw.", nameof(results));
        return Figures.BiasVariance(results.Select(r => r.Complexity).ToArray(), results.Select(r => r.Result.BiasSquared).ToArray(),
            results.Select(r => r.Result.Variance).ToArray(), results.Select(r => r.Result.Noise).ToArray(),
            results.Select(r => r.Result.TestError).ToArray(), complexityLabel, title);
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
        return Figures.RegularizationPath(path.Alphas, coefficients, featureNames, title);
    }
}
