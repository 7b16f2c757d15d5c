using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Linear;

public class RidgeTests
{
    private const string GoldenFile = "ridge.json";

    public static TheoryData<int> GoldenCases => ReferenceData.CaseIndices(GoldenFile);

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Fit_MatchesScikitLearn(int index)
    {
        var document = ReferenceData.Golden(GoldenFile);
        var golden = document.GetProperty("cases")[index];
        var (x, y) = ReferenceData.Input(document, golden);
        double alpha = golden.GetProperty("alpha").GetDouble();
        string name = $"{golden.GetProperty("input").GetString()} alpha={alpha}";

        var model = new Ridge { Alpha = alpha, FitIntercept = golden.GetProperty("fit_intercept").GetBoolean() }.Fit(x, y);

        Golden.CloseEach(Golden.Doubles(golden.GetProperty("coef")), model.Coefficients.ToArray(), 1e-6, $"{name} coef");
        Golden.CloseEach([golden.GetProperty("intercept").GetDouble()], [model.Intercept], 1e-6, $"{name} intercept");
        var expectedPredictions = Golden.Doubles(golden.GetProperty("predictions"));
        Golden.CloseEach(expectedPredictions, model.Predict(x.RowRange(0, expectedPredictions.Length)), 1e-6, $"{name} predictions");
    }

    [Fact]
    public void Fit_SolvesThePenalisedNormalEquation()
    {
        // Stationarity of ||y - Xw - b||² + α||w||²: Xcᵀ(yc − Xc·w) = α·w with centered Xc, yc.
        var x = Matrix.RandomNormal<double>(40, 6, new Rng(3));
        var y = Matrix.RandomNormal<double>(40, 1, new Rng(4)).ToArray();
        var model = new Ridge { Alpha = 2.5 }.Fit(x, y);
        var predictions = model.Predict(x);
        for (int j = 0; j < 6; j++)
        {
            double mean = 0;
            for (int i = 0; i < 40; i++)
                mean += x[i, j] / 40;
            double correlation = 0;
            for (int i = 0; i < 40; i++)
                correlation += (x[i, j] - mean) * (y[i] - predictions[i]);
            Assert.Equal(2.5 * model.Coefficients[j], correlation, 9);
        }
        Assert.Equal(y.Average(), predictions.Average(), 12);
    }

    [Fact]
    public void Fit_WithAlphaZero_OnDuplicatedColumns_GivesTheMinimumNormSolution()
    {
        var x = Matrix.FromArray(new double[,] { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 5, 5 } });
        double[] y = [2.0, 4.1, 5.9, 10.0];
        var ridge = new Ridge { Alpha = 0 }.Fit(x, y);
        var ols = new LinearRegression().Fit(x, y);
        Assert.Equal(ridge.Coefficients[0], ridge.Coefficients[1], 12);
        Golden.CloseEach(ols.Coefficients.ToArray(), ridge.Coefficients.ToArray(), 1e-10, "w");
    }

    [Fact]
    public void Fit_ShrinksTowardsZero_AsAlphaGrows()
    {
        var (x, y) = ReferenceData.Dataset("diabetes.csv");
        double previous = double.PositiveInfinity;
        foreach (double alpha in new[] { 0.0, 1.0, 100.0, 1e4, 1e6 })
        {
            var w = new Ridge { Alpha = alpha }.Fit(x, y).Coefficients;
            double norm = Math.Sqrt(w.Sum(v => v * v));
            Assert.True(norm < previous, $"‖w‖ did not shrink at alpha {alpha}");
            previous = norm;
        }
    }

    [Theory]
    [InlineData(-1.0, "Ridge: Alpha must be >= 0 and finite, got -1. (Alpha = 0 is ordinary least squares: LinearRegression.)")]
    [InlineData(double.NaN, "Ridge: Alpha must be >= 0 and finite, got NaN.")]
    public void Fit_Throws_ForInvalidAlpha(double alpha, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Ridge { Alpha = alpha }.Fit(Matrix.Ones<double>(3, 1), [1.0, 2.0, 3.0]));
        Assert.Equal("Alpha", error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Fit_Throws_ForNonFiniteTargets()
    {
        var error = Assert.Throws<DescentDataException>(() =>
            new Ridge().Fit(Matrix.Ones<double>(3, 1), [1.0, double.PositiveInfinity, 3.0]));
        Assert.StartsWith("Ridge.Fit: y contains +Infinity at row 1.", error.Message);
    }
}

public class ClosedFormInputTests
{
    [Fact]
    public void Fit_LeavesXAndYUnchanged_AndIsDeterministic()
    {
        var x = Matrix.RandomNormal<double>(30, 4, new Rng(8));
        var y = Matrix.RandomNormal<double>(30, 1, new Rng(9)).ToArray();
        var xBefore = x.ToArray();
        var yBefore = (double[])y.Clone();
        var ols = new LinearRegression().Fit(x, y);
        var ridge = new Ridge().Fit(x, y);
        var gd = new LinearRegression { Solver = LinearRegressionSolver.MiniBatchGradientDescent, Epochs = 3 }.Fit(x, y);
        Assert.Equal(xBefore, x.ToArray());
        Assert.Equal(yBefore, y);
        Assert.Equal(ols.Coefficients, new LinearRegression().Fit(x, y).Coefficients);
        Assert.Equal(ridge.Coefficients, new Ridge().Fit(x, y).Coefficients);
        Assert.Equal(gd.Coefficients, new LinearRegression { Solver = LinearRegressionSolver.MiniBatchGradientDescent, Epochs = 3 }.Fit(x, y).Coefficients);
    }

    [Fact]
    public void Fit_AcceptsStridedViews()
    {
        var wide = Matrix.RandomNormal<double>(4, 30, new Rng(10));
        var x = wide.Transpose();   // 30×4 view with column stride 30
        var y = Matrix.RandomNormal<double>(30, 1, new Rng(11)).ToArray();
        Assert.Equal(new LinearRegression().Fit(x.Copy(), y).Coefficients, new LinearRegression().Fit(x, y).Coefficients);
        Assert.Equal(new Ridge().Fit(x.Copy(), y).Coefficients, new Ridge().Fit(x, y).Coefficients);
    }
}
