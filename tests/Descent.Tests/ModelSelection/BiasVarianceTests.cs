using Descent.ModelSelection;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.ModelSelection;

/// <summary>
/// The bias–variance decomposition against what the statistics of simple models say it must be: a model that predicts
/// the training mean has variance σ²/n and, on a sloped truth, the spread of the truth as its bias²; an unbiased line
/// has no bias; the measured test error is bias² + variance + noise; and a bootstrap's error is its bias² + variance.
/// </summary>
[Collection("Parallelism")]
public class BiasVarianceTests
{
    private static KnownRegression Line(double slope, double noise) => new(
        (rng, n) =>
        {
            var x = new Matrix<double>(n, 1);
            for (int i = 0; i < n; i++) x[i, 0] = 4 * rng.NextDouble();
            return x;
        },
        x => Enumerable.Range(0, x.Rows).Select(i => 3 + slope * x[i, 0]).ToArray(),
        noise);

    private static Matrix<double> Grid(int count) =>
        Matrix.Wrap(Enumerable.Range(0, count).Select(i => 4.0 * i / (count - 1)).ToArray(), count, 1);

    [Fact]
    public void TheTrainingMean_HasVarianceSigmaSquaredOverN_AndTheSpreadOfTheTruthAsBias()
    {
        var test = Grid(41);
        var mean = new ShrunkLine(double.PositiveInfinity);   // slope 0: predicts the training mean
        var flat = BiasVariance.Decompose(mean, Line(0, 1.0), trainSize: 10, test, resamples: 4000, seed: 1);
        Assert.Equal(1.0, flat.Noise);
        Assert.Equal(0.1, flat.Variance, 0.01);                 // σ²/n = 1/10
        Assert.InRange(flat.BiasSquared, 0, 0.002);              // E f̄ = f: only the sampling error of f̄ is left
        // on y = 3 − 2x the mean misses the slope: bias² → the spread of the truth over the test points, 4·var(x)
        var sloped = BiasVariance.Decompose(mean, Line(-2, 1.0), trainSize: 10, test, resamples: 4000, seed: 1);
        double[] xs = Enumerable.Range(0, 41).Select(i => 4.0 * i / 40).ToArray();
        double spread = 4 * xs.Select(v => (v - 2) * (v - 2)).Average();
        Assert.Equal(spread, sloped.BiasSquared, spread * 0.02);
        Assert.Equal(0.1 + 4 * (16.0 / 12) / 10, sloped.Variance, 0.04);   // σ²/n plus the spread of the sample's mean of f
        foreach (var result in new[] { flat, sloped })
            Assert.Equal(result.Sum, result.TestError, result.TestError * 0.03);
    }

    [Fact]
    public void AnUnbiasedLine_HasNoBias_AndItsErrorIsVariancePlusNoise()
    {
        var result = BiasVariance.Decompose(new ShrunkLine(), Line(-2, 0.5), trainSize: 20, Grid(21), resamples: 2000, seed: 7);
        Assert.InRange(result.BiasSquared, 0, 0.002);
        Assert.Equal(0.25, result.Noise);
        Assert.Equal(result.Sum, result.TestError, result.TestError * 0.03);
        Assert.Equal(2000, result.Resamples);
        Assert.Equal(21, result.MeanPrediction.Count);
        Assert.Equal(3 - 2 * 2.0, result.MeanPrediction[10], 0.02);   // f̄(2) ≈ f(2)
    }

    [Fact]
    public void SameSeed_SameResult_OnAnyThreadCount()
    {
        BiasVarianceResult Run() => BiasVariance.Decompose(new ShrunkLine(), Line(1, 1), 15, Grid(9), resamples: 50, seed: 3);
        var one = ThreadCount.With(1, Run);
        var two = ThreadCount.With(2, Run);
        Assert.Equal((one.BiasSquared, one.Variance, one.TestError), (two.BiasSquared, two.Variance, two.TestError));
        Assert.NotEqual(one.TestError, BiasVariance.Decompose(new ShrunkLine(), Line(1, 1), 15, Grid(9), resamples: 50, seed: 4).TestError);
    }

    [Fact]
    public void Bootstrap_ErrorIsExactlyBiasPlusVariance_TheNoiseUnknown()
    {
        var rng = new Rng(2);
        var problem = Line(-2, 1);
        var train = problem.DrawInputs(rng, 40);
        var test = problem.DrawInputs(rng, 30);
        double[] yTrain = problem.Truth(train).Select(v => v + rng.NextNormal()).ToArray();
        double[] yTest = problem.Truth(test).Select(v => v + rng.NextNormal()).ToArray();
        var result = BiasVariance.Bootstrap(new ShrunkLine(), train, yTrain, test, yTest, resamples: 200, seed: 5);
        Assert.True(double.IsNaN(result.Noise));
        Assert.Equal(result.BiasSquared + result.Variance, result.TestError, 1e-12 * result.TestError);
        Assert.Equal(result.TestError, result.Sum, 1e-12 * result.TestError);
    }

    [Fact]
    public void BadSettings_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BiasVariance.Decompose(new ShrunkLine(), Line(1, 1), 10, Grid(5), resamples: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BiasVariance.Decompose(new ShrunkLine(), Line(1, -1), 10, Grid(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BiasVariance.Decompose(new ShrunkLine(), Line(1, 1), 0, Grid(5)));
    }
}
