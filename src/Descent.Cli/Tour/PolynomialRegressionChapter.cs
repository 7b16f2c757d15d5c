using Descent.Plotting.Models;
using Descent.Linear;
using Descent.Metrics;
using Descent.Plotting;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Polynomial regression on a small noisy sample of sin(2πx): degree 1 underfits, a middle degree fits, a high
/// degree bends through the training points and fails on new ones; training and test error per degree (a validation
/// curve over the degree, with the new points as the validation set).
/// </summary>
internal sealed class PolynomialRegressionChapter : TourChapter
{
    public const int TrainCount = 15, TestCount = 200;
    public const long TrainSeed = 1, TestSeed = 2;
    private static readonly int[] Shown = [1, 3, 12];
    private const int MaxDegree = 12;

    public override string Key => "polynomial_regression";

    public override string Title => "Polynomial regression: underfitting and overfitting";

    /// <summary>Polynomial features of <paramref name="degree"/>, standardized, then least squares.</summary>
    public static RegressionPipeline<LinearModel> Polynomial(int degree) =>
        new Pipeline(new PolynomialFeatures { Degree = degree, IncludeBias = false }, new StandardScaler()).Then(new LinearRegression());

    public override void Run(ChapterWriter chapter)
    {
        var (xTrain, yTrain) = SineData.Sample(TrainCount, TrainSeed);
        var (xTest, yTest) = SineData.Sample(TestCount, TestSeed);
        var train = AsColumn(xTrain);
        var test = AsColumn(xTest);

        var degrees = Enumerable.Range(1, MaxDegree).ToArray();
        var trainErrors = new double[degrees.Length];
        var testErrors = new double[degrees.Length];
        var models = new Dictionary<int, IRegressionModel>();
        for (int k = 0; k < degrees.Length; k++)
        {
            var model = Polynomial(degrees[k]).Fit(train, yTrain);
            models[degrees[k]] = model;
            trainErrors[k] = RegressionMetrics.MeanSquaredError(yTrain, model.Predict(train));
            testErrors[k] = RegressionMetrics.MeanSquaredError(yTest, model.Predict(test));
        }
        int best = degrees[Array.IndexOf(testErrors, testErrors.Min())];

        chapter.Paragraph(
            $"A straight line cannot follow a curve. Here {TrainCount} training points were drawn from the curve y = sin(2πx) " +
            $"with noise of standard deviation {SineData.Noise} added (a seeded generator: the same points every run). " +
            "Polynomial regression adds the powers x², x³, …, x^d as new features and fits a linear model to them: the " +
            "model is still linear in θ, but the curve it draws bends.");
        chapter.Figure("polynomial-fits", Fits(models, xTrain, yTrain, xTest, yTest),
            $"Polynomials of degree {Shown[0]}, {Shown[1]} and {Shown[2]} fitted to the {TrainCount} training points (circles). " +
            $"The triangles are {TestCount} new points from the same curve that no model saw.");
        chapter.Paragraph(
            $"Degree 1 underfits: the line misses the curve everywhere (high bias). Degree {Shown[1]} follows the curve. " +
            $"Degree {Shown[2]} has almost as many coefficients as there are points: it bends to pass through nearly every training " +
            $"point, noise included, and swings wildly between them: it overfits (high variance). Its training error is the smallest " +
            $"({Fixed(trainErrors[Shown[2] - 1], 4)}), its error on new points the largest ({Plotting.Ticks.Significant(testErrors[Shown[2] - 1], 3)}).");
        var errorFigure = Plotting.Figures.ValidationCurve(degrees.Select(d => (double)d).ToArray(), trainErrors, testErrors,
            "Polynomial degree d", errorLabel: "Mean squared error (log scale)", title: "Validation curve: error against the polynomial degree");
        errorFigure.Axes.YScale = AxisScale.Log;
        RenameValidation(errorFigure, $"test error ({TestCount} new points)", $"training error ({TrainCount} points)");
        chapter.Figure("validation-curve", errorFigure,
            $"A validation curve: the mean squared error on the {TrainCount} training points and on the {TestCount} new points for " +
            "every degree (log scale). Training error only falls as the degree grows; the error on new points falls, then rises " +
            $"steeply. The best degree for new data is {best}; the noise alone gives an error of {Fixed(SineData.Noise * SineData.Noise, 2)}.");
        chapter.Section.Table(["degree", "training MSE", "test MSE"],
            degrees.Select(d => (IReadOnlyList<string>)[Count(d), Fixed(trainErrors[d - 1], 4), Fixed(testErrors[d - 1], 4)]),
            "Error of each degree on the training points and on new points");

        chapter.Metric("train_count", TrainCount).Metric("test_count", TestCount).Metric("noise_std", SineData.Noise)
            .Metric("degrees", degrees.Select(d => (double)d).ToArray()).Metric("train_mse", trainErrors).Metric("test_mse", testErrors)
            .Metric("best_test_degree", best);
        chapter.SetSummary($"polynomial, degree 1-{MaxDegree}", $"sine, {TrainCount} points", $"test MSE, degree {best}", Fixed(testErrors[best - 1], 4));
    }

    private static Figure Fits(Dictionary<int, IRegressionModel> models, double[] xTrain, double[] yTrain, double[] xTest, double[] yTest)
    {
        var fits = Shown.Select(d => (d, ModelFigures.OneFeature(models[d]))).ToArray();
        var figure = Plotting.Figures.PolynomialFits(xTrain, yTrain, fits, xTest, yTest, "x", "y",
            "Polynomial fits of degree 1, 3 and 12: underfitting and overfitting");
        figure.Axes.Function(SineData.Truth, 0, 1, "true curve sin(2πx)", Palette.Grey).Style = LineStyle.Dotted;
        foreach (var points in figure.Axes.Series.OfType<ScatterSeries>())
        {
            bool training = points.Label == "training data";
            points.Label = training ? $"training data ({xTrain.Length} points)" : $"new data ({xTest.Length} points)";
            points.Color = training ? new Color(0, 0, 0) : new Color(0x99, 0x99, 0x99);
            points.Size = training ? 5.5 : 3;
            points.Opacity = training ? 1 : 0.6;
        }
        return figure;
    }

    /// <summary>The shared train/validation figure names its curves "training error" and "validation error"; here they are train and test.</summary>
    private static void RenameValidation(Figure figure, string validation, string training)
    {
        foreach (var series in figure.Axes.Series)
        {
            if (series.Label == "validation error") series.Label = validation;
            else if (series.Label == "training error") series.Label = training;
            else if (series.Label?.StartsWith("lowest validation error", StringComparison.Ordinal) == true)
                series.Label = series.Label.Replace("lowest validation error", "lowest test error", StringComparison.Ordinal);
        }
    }
}
