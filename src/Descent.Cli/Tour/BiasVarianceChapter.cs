using Descent.ModelSelection;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Plotting;
using Descent.Plotting.Models;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Bias and variance on the sine data: the decomposition of the test error into bias², variance and noise, computed by
/// refitting polynomials of degree 1 to 15 on many resampled training sets (their sum checked against the measured
/// test error); and the learning curves E_in and E_out (5-fold cross-validation) against the number of training
/// examples for a polynomial of too low, about right and too high a degree.
/// </summary>
internal sealed class BiasVarianceChapter : TourChapter
{
    public const int SampleCount = 200;
    public const long Seed = 3;
    private static readonly (int Degree, string Name)[] Models = [(1, "high bias"), (4, "about right"), (15, "high variance")];
    private static readonly SplitSize[] Sizes = [8, 12, 16, 20, 24, 32, 48, 64, 96, 128, 160];

    public override string Key => "bias_variance";

    public override string Title => "Bias and variance: the decomposition and the learning curves";

    public const int TrainSize = 30, Resamples = 200, MaxDegree = 15, TestPoints = 100;

    public override void Run(ChapterWriter chapter)
    {
        Decomposition(chapter);
        LearningCurves(chapter);
    }

    private static void Decomposition(ChapterWriter chapter)
    {
        chapter.Paragraph(
            "Why does a flexible model fail on new data? Imagine drawing many training sets from the same source and fitting the " +
            "same model to each. At a point x, the average of those models, E f̂(x), misses the truth f(x) by the bias; the models " +
            "scatter around their average by the variance; and a new target y = f(x) + ε carries noise no model can predict. " +
            "For the squared error, the three add up exactly:");
        chapter.Formula("E[(y − f̂(x))²] = (f(x) − E f̂(x))² + E[(f̂(x) − E f̂(x))²] + σ²  =  bias² + variance + noise");

        // <code decomposition>
        var sine = new KnownRegression(
            (rng, n) => Matrix.Wrap(Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray(), n, 1),   // x uniform in [0, 1]
            x => x.Column(0).ToArray().Select(v => Math.Sin(2 * Math.PI * v)).ToArray(),                    // f(x) = sin(2πx)
            NoiseStd: 0.3);                                                                                  // ε ~ N(0, 0.3²)
        var testX = sine.DrawInputs(new Rng(99), 100);
        var decompositions = Enumerable.Range(1, 15).Select(degree => BiasVariance.Decompose(
            PolynomialRegressionChapter.Polynomial(degree), sine, trainSize: 30, testX, resamples: 200, seed: degree)).ToArray();
        // </code>
        chapter.Paragraph(
            $"On the sine data the truth is known, so the decomposition can be computed honestly: for each degree, fit the " +
            $"polynomial to {Resamples} training sets of {TrainSize} fresh points, predict at {TestPoints} test points, and measure the " +
            "error against fresh noisy targets there:");
        chapter.Code("decomposition");
        double[] degrees = Enumerable.Range(1, MaxDegree).Select(d => (double)d).ToArray();
        double[] bias = decompositions.Select(d => d.BiasSquared).ToArray(), variance = decompositions.Select(d => d.Variance).ToArray();
        double[] error = decompositions.Select(d => d.TestError).ToArray(), sum = decompositions.Select(d => d.Sum).ToArray();
        int best = Array.IndexOf(error, error.Min());
        double worstGap = Enumerable.Range(0, MaxDegree).Max(k => Math.Abs(error[k] - sum[k]) / error[k]);
        chapter.Figure("bias-variance", ModelFigures.BiasVariance(degrees.Zip(decompositions).ToArray(), "Polynomial degree d",
                $"Bias² + variance + noise against the degree ({Resamples} training sets of {TrainSize} points)"),
            $"Bias² (blue) and variance (orange) of polynomials of degree 1 to {MaxDegree}, the noise σ² = {Fixed(SineData.Noise * SineData.Noise, 2)} " +
            "(dotted), their sum (dashed) and the test error measured on fresh noisy targets (diamonds), on a log scale.");
        chapter.Notice(
            "bias² falls steeply from degree 1 to 3 (a line cannot follow the sine; a cubic can), while the variance grows with " +
            $"every degree: a degree-{MaxDegree} curve through {TrainSize} points swings wildly with every sample, so wildly that even " +
            "the average of the curves is pulled off the sine and bias² climbs again. The test error is lowest in between, at degree " +
            $"{best + 1}. The measured error sits on the sum: at every degree it is within {Fixed(100 * worstGap, 1)}% of " +
            "bias² + variance + noise, the sampling error of the noisy targets.");
        chapter.Metric("decomposition_degrees", degrees).Metric("bias_squared", bias).Metric("variance", variance)
            .Metric("noise", decompositions[0].Noise).Metric("test_error", error).Metric("decomposition_sum", sum)
            .Metric("decomposition_train_size", TrainSize).Metric("resamples", Resamples).Metric("best_degree", best + 1)
            .Metric("largest_relative_gap", worstGap);
    }

    private static void LearningCurves(ChapterWriter chapter)
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
            "How much data does a model need, and would more help? The learning curve answers it without knowing the truth: train on the first m examples, " +
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
