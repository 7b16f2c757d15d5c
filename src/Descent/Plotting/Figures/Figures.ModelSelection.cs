using static System.FormattableString;

namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// A learning curve: training error (E_in) and validation error (an estimate of E_out) against the number of
    /// training examples, with ± one standard deviation bands when given (e.g. across cross-validation folds).
    /// High, close curves mean bias (underfitting); a wide gap means variance (overfitting).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static Figure LearningCurve(IReadOnlyList<double> trainingSizes, IReadOnlyList<double> trainingError,
        IReadOnlyList<double> validationError, IReadOnlyList<double>? trainingStd = null,
        IReadOnlyList<double>? validationStd = null, string errorLabel = "Error", string title = "Learning curve")
    {
        var figure = TrainValidation(trainingSizes, trainingError, validationError, trainingStd, validationStd, false,
            "Number of training examples (m)", errorLabel, title, "Figures.LearningCurve");
        return figure;
    }

    /// <summary>
    /// A validation curve: training and validation error against one hyper-parameter (polynomial degree, α, depth,
    /// learning rate), with optional ± one standard deviation bands, a log x axis for parameters spanning decades, and
    /// the value with the lowest validation error marked. A value whose validation error is not finite (its fits
    /// diverged or failed) is not dropped: a cross marks it at the top of the plot, labelled "diverged (no finite
    /// error)".
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, or a log axis with a non-positive parameter value.</exception>
    public static Figure ValidationCurve(IReadOnlyList<double> parameterValues, IReadOnlyList<double> trainingError,
        IReadOnlyList<double> validationError, string parameterName, bool logX = false,
        IReadOnlyList<double>? trainingStd = null, IReadOnlyList<double>? validationStd = null, string errorLabel = "Error",
        string title = "Validation curve")
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        if (logX && parameterValues.Any(v => !(v > 0)))
            throw new ArgumentException($"Figures.ValidationCurve: a log x axis needs {parameterName} > 0 everywhere.");
        var figure = TrainValidation(parameterValues, trainingError, validationError, trainingStd, validationStd, logX,
            parameterName, errorLabel, title, "Figures.ValidationCurve");
        int best = -1;
        for (int i = 0; i < validationError.Count; i++)
            if (double.IsFinite(validationError[i]) && (best < 0 || validationError[i] < validationError[best])) best = i;
        var axes = figure.Axes;
        if (best >= 0)
        {
            var marker = axes.Scatter([parameterValues[best]], [validationError[best]],
                $"lowest validation error ({parameterName} = {Ticks.Significant(parameterValues[best], 4)})", new Color(0, 0, 0), MarkerShape.Diamond);
            marker.Size = 6;
            marker.Opacity = 1;
        }
        int[] failed = Enumerable.Range(0, validationError.Count).Where(i => !double.IsFinite(validationError[i])).ToArray();
        if (failed.Length > 0)
        {
            // the crosses sit above every finite error, at the top of the plot
            double[] finite = trainingError.Concat(validationError).Where(double.IsFinite).ToArray();
            double top = finite.Length == 0 ? 1 : finite.Max() * 1.6;
            var crosses = axes.Scatter(failed.Select(i => parameterValues[i]).ToArray(), failed.Select(_ => top).ToArray(),
                "diverged (no finite error)", Palette.At(3), MarkerShape.Cross);
            crosses.Size = 7;
            crosses.Opacity = 1;
        }
        return figure;
    }

    /// <summary>
    /// The regularization path: each coefficient against the regularization strength α on a log axis (α decreasing
    /// to the right is scikit-learn's lasso_path order; here α increases to the right, as a reader expects).
    /// </summary>
    /// <param name="alphas">The α values (all &gt; 0).</param>
    /// <param name="coefficients">[alpha index, feature index].</param>
    /// <param name="featureNames">One name per feature (column of coefficients).</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">Shapes disagree or an α is not positive.</exception>
    public static Figure RegularizationPath(IReadOnlyList<double> alphas, double[,] coefficients,
        IReadOnlyList<string> featureNames, string title = "Regularization path")
    {
        ArgumentNullException.ThrowIfNull(alphas);
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (coefficients.GetLength(0) != alphas.Count || coefficients.GetLength(1) != featureNames.Count)
            throw new ArgumentException(
                $"Figures.RegularizationPath: coefficients are {coefficients.GetLength(0)}×{coefficients.GetLength(1)} but there are " +
                $"{alphas.Count} alphas and {featureNames.Count} feature names; they must be (alphas)×(features).");
        if (alphas.Any(a => !(a > 0)))
            throw new ArgumentException("Figures.RegularizationPath: every α must be > 0 for the log axis.");
        var figure = new Figure(width: 720, height: 500);
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = "Regularization strength α (log scale)";
        axes.YLabel = "Coefficient value";
        axes.XScale = AxisScale.Log;
        double low = alphas.Min(), high = alphas.Max();
        axes.Line([low, high], [0.0, 0.0], null, Palette.Grey).Width = 1;
        LineStyle[] styles = [LineStyle.Solid, LineStyle.Dashed, LineStyle.Dotted];
        for (int f = 0; f < featureNames.Count; f++)
        {
            var ys = new double[alphas.Count];
            for (int a = 0; a < alphas.Count; a++) ys[a] = coefficients[a, f];
            var line = axes.Line(alphas, ys, featureNames[f], Palette.At(f));
            line.Style = styles[(f / Palette.Count) % styles.Length];
        }
        return figure;
    }

    private static Figure TrainValidation(IReadOnlyList<double> x, IReadOnlyList<double> training, IReadOnlyList<double> validation,
        IReadOnlyList<double>? trainingStd, IReadOnlyList<double>? validationStd, bool logX, string xLabel, string yLabel,
        string title, string what)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        if (training.Count != x.Count || validation.Count != x.Count
            || (trainingStd is not null && trainingStd.Count != x.Count) || (validationStd is not null && validationStd.Count != x.Count))
            throw new ArgumentException($"{what}: {x.Count} x values need as many training and validation errors (and deviations).");
        var figure = new Figure();
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = xLabel;
        axes.YLabel = yLabel;
        axes.XScale = logX ? AxisScale.Log : AxisScale.Linear;
        Color trainColour = Palette.At(0), validationColour = Palette.At(1);
        if (trainingStd is not null) axes.Band(x, Shift(training, trainingStd, -1), Shift(training, trainingStd, 1), trainColour);
        if (validationStd is not null) axes.Band(x, Shift(validation, validationStd, -1), Shift(validation, validationStd, 1), validationColour);
        var train = axes.Line(x, training, "training error", trainColour);
        train.Marker = MarkerShape.Circle;
        var valid = axes.Line(x, validation, "validation error", validationColour);
        valid.Marker = MarkerShape.Square;
        valid.Style = LineStyle.Dashed;
        return figure;
    }

    private static double[] Shift(IReadOnlyList<double> mean, IReadOnlyList<double> std, double sign)
    {
        var result = new double[mean.Count];
        for (int i = 0; i < result.Length; i++) result[i] = mean[i] + sign * std[i];
        return result;
    }
}
