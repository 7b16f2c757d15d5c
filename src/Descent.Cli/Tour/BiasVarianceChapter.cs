using Descent.Plotting.Models;
using Descent.ModelSelection;
using Descent.Plotting;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Bias and variance through learning curves on the sine data: E_in and E_out (5-fold cross-validation) against
/// the number of training examples for a polynomial of too low, about right and too high a degree.
/// </summary>
internal sealed class BiasVarianceChapter : TourChapter
{
    public const int SampleCount = 200;
    public const long Seed = 3;
    private static readonly (int Degree, string Name)[] Models = [(1, "high bias"), (4, "about right"), (15, "high variance")];
    private static readonly SplitSize[] Sizes = [8, 12, 16, 20, 24, 32, 48, 64, 96, 128, 160];

    public override string Key => "bias_variance";

    public override string Title => "Bias and variance: learning curves";

    public override void Run(ChapterWriter chapter)
    {
        var (x, y) = SineData.Sample(SampleCount, Seed);
        var features = AsColumn(x);
        var cv = new KFold(5) { Shuffle = true, Seed = 0 };
        var curves = Models.Select(m => (m, LearningCurve.Compute(PolynomialRegressionChapter.Polynomial(m.Degree), features, y, Sizes, cv)))
            .ToArray();
        double noise = SineData.Noise * SineData.Noise;
        double[] lastTrain = curves.Select(c => c.Item2.MeanTrainScores[^1]).ToArray();
        double[] lastValidation = curves.Select(c => c.Item2.MeanValidationScores[^1]).ToArray();
        int m = curves[0].Item2.TrainSizes[^1];

        chapter.Paragraph(
            "How much data does a model need, and would more help? A learning curve answers it: train on the first m examples, " +
            "measure the error on those m (E_in, training error) and on examples held out (E_out, validation error, here by 5-fold " +
            $"cross-validation), for growing m. The data are {SampleCount} fresh points from the noisy sine curve of the polynomial " +
            $"chapter; no model can beat the noise, a mean squared error of {Fixed(noise, 2)}.");
        chapter.Figure("learning-curves", ModelFigures.LearningCurves(
                curves.Select(c => ($"degree {c.m.Degree}: {c.m.Name}", c.Item2)).ToArray(), "Mean squared error",
                "Learning curves: training and validation error against the number of training examples", yMax: 0.6,
                reference: (noise, $"noise level {Fixed(noise, 2)}")),
            "Left: a straight line (degree 1). Both errors meet quickly, far above the noise level (dotted): more data does not " +
            "help, the model is too simple (high bias). Middle: degree 4. Both errors approach the noise level. Right: degree 15. " +
            "With few examples the training error is near zero while the validation error is far off the top of the plot (high " +
            "variance); the gap closes only as m grows.");
        chapter.Paragraph(
            $"With all {m} training examples, the straight line still has E_in = {Fixed(lastTrain[0], 3)} and E_out = {Fixed(lastValidation[0], 3)}: " +
            $"high bias, which only a richer model fixes. Degree 4 reaches E_out = {Fixed(lastValidation[1], 3)}, near the noise level " +
            $"{Fixed(noise, 2)}. Degree 15 needs many examples before its E_out ({Fixed(lastValidation[2], 3)} at m = {m}) comes down: " +
            "high variance, which more data or regularization fixes.");
        chapter.Section.Table(["model", $"E_in at m = {m}", $"E_out at m = {m}"],
            curves.Select((c, k) => (IReadOnlyList<string>)[$"degree {c.m.Degree} ({c.m.Name})", Fixed(lastTrain[k], 4), Fixed(lastValidation[k], 4)]),
            "Training and validation mean squared error with the most training examples");

        chapter.Metric("sample_count", SampleCount).Metric("degrees", Models.Select(c => (double)c.Degree).ToArray())
            .Metric("train_sizes", curves[0].Item2.TrainSizes.Select(s => (double)s).ToArray());
        foreach (var (model, result) in curves)
        {
            chapter.Metric($"degree{model.Degree}_train_mse", result.MeanTrainScores)
                .Metric($"degree{model.Degree}_validation_mse", result.MeanValidationScores);
        }
        chapter.SetSummary("polynomial, degree 1 / 4 / 15", $"sine, {SampleCount} points", $"E_out at m = {m} (CV MSE)",
            $"{Fixed(lastValidation[0], 3)} / {Fixed(lastValidation[1], 3)} / {Fixed(lastValidation[2], 3)}");
    }
}
