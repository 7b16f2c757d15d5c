using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Preprocessing;

namespace Descent.Tests.Linear;

public class LinearRegressionTests
{
    private const string GoldenFile = "linear_regression.json";

    public static TheoryData<int> GoldenCases => ReferenceData.CaseIndices(GoldenFile);

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Normal_MatchesScikitLearn(int index)
    {
        var document = ReferenceData.Golden(GoldenFile);
        var golden = document.GetProperty("cases")[index];
        var (x, y) = ReferenceData.Input(document, golden);
        bool fitIntercept = golden.GetProperty("fit_intercept").GetBoolean();
        string name = golden.GetProperty("input").GetString()!;

        var model = new LinearRegression { FitIntercept = fitIntercept }.Fit(x, y);

        Golden.CloseEach(Golden.Doubles(golden.GetProperty("coef")), model.Coefficients.ToArray(), 1e-6, $"{name} coef");
        var expectedPredictions = Golden.Doubles(golden.GetProperty("predictions"));
        Golden.CloseEach([golden.GetProperty("intercept").GetDouble()], [model.Intercept], 1e-6, $"{name} intercept");
        Golden.CloseEach(expectedPredictions, model.Predict(x.RowRange(0, expectedPredictions.Length)), 1e-6, $"{name} predictions");
        Assert.Empty(model.History.Costs);
    }

    [Fact]
    public void BatchGradientDescent_ReproducesTheCourseOnFoodTruck()
    {
        // ex1: alpha 0.01, 1500 iterations from theta = 0 gives (-3.63029, 1.16636); J(0) = 32.0727.
        var (x, y) = ReferenceData.Dataset("food_truck.csv");
        var model = new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.01, Epochs = 1500, Tolerance = 0,
        }.Fit(x, y);

        Assert.Equal(-3.63029, model.Intercept, 5);
        Assert.Equal(1.16636, model.Coefficients[0], 5);
        Assert.Equal(1501, model.History.Costs.Count);
        Assert.Equal(32.0727, model.History.Costs[0], 4);
        var path = model.History.ParameterPath!;
        Assert.Equal(1501, path.Count);
        Assert.Equal([0.0, 0.0], path[0]);
        Assert.Equal(new[] { model.Intercept, model.Coefficients[0] }, path[^1]);
        for (int k = 1; k < model.History.Costs.Count; k++)
            Assert.True(model.History.Costs[k] < model.History.Costs[k - 1], $"cost rose at epoch {k}");
        // Predictions for populations of 35,000 and 70,000: 4519.77 and 45342.45 USD.
        var predictions = model.Predict(Matrix.FromArray(new double[,] { { 3.5 }, { 7.0 } }));
        Assert.Equal(4519.77, predictions[0] * 10000, 0.01);
        Assert.Equal(45342.45, predictions[1] * 10000, 0.01);
    }

    [Fact]
    public void GradientDescent_FromASeededRandomStart_StartsThere_AndReachesTheSameMinimum()
    {
        var (raw, y) = ReferenceData.Dataset("house_prices.csv");
        var x = new StandardScaler().Fit(raw).Transform(raw);
        var exact = new LinearRegression().Fit(x, y);
        LinearRegression Gd(long? seed) => new()
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.3, Epochs = 3000, Tolerance = 0,
            InitialSeed = seed, InitialScale = 1e5,
        };
        // the start: θ = (b, w₁, w₂) uniform in [−scale, scale] from Rng(seed), drawn in that order; J there is the first cost
        double Cost(double[] theta) => Enumerable.Range(0, y.Length)
            .Sum(i => Math.Pow(theta[0] + theta[1] * x[i, 0] + theta[2] * x[i, 1] - y[i], 2)) / (2 * y.Length);
        var rng = new Rng(7);
        double[] start = [.. Enumerable.Range(0, 3).Select(_ => 1e5 * (2 * rng.NextDouble() - 1))];
        var seven = Gd(7).Fit(x, y);
        var other = Gd(8).Fit(x, y);
        Assert.Equal(Cost(start), seven.History.Costs[0], 1e-9 * Cost(start));
        Assert.NotEqual(seven.History.Costs[0], other.History.Costs[0]);
        Assert.Equal(seven.History.Costs, Gd(7).Fit(x, y).History.Costs);   // the same seed, the same run
        foreach (var model in new[] { seven, other })
        {
            Golden.CloseEach(exact.Coefficients.ToArray(), model.Coefficients.ToArray(), 1e-6, "w");
            Golden.CloseEach([exact.Intercept], [model.Intercept], 1e-6, "b");
        }
        // without a seed the descent starts at θ = 0, as the course's does
        Assert.Equal(Cost([0.0, 0.0, 0.0]), Gd(null).Fit(x, y).History.Costs[0], 1e-6);
        Assert.Throws<ArgumentOutOfRangeException>(() => (Gd(1) with { InitialScale = 0 }).Fit(x, y));
    }

    [Fact]
    public void GradientDescent_FromASeededRandomStart_RecordsThatStartAsTheFirstPointOfItsPath()
    {
        var (x, y) = ReferenceData.Dataset("food_truck.csv");
        var model = new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.01, Epochs = 10, Tolerance = 0, InitialSeed = 3, InitialScale = 5,
        }.Fit(x, y);
        var rng = new Rng(3);
        double b = 5 * (2 * rng.NextDouble() - 1), w = 5 * (2 * rng.NextDouble() - 1);
        Assert.Equal([b, w], model.History.ParameterPath![0]);
        Assert.InRange(b, -5, 5);
        Assert.InRange(w, -5, 5);
    }

    [Fact]
    public void Normal_ReproducesTheCourseOnFoodTruck()
    {
        var (x, y) = ReferenceData.Dataset("food_truck.csv");
        var model = new LinearRegression().Fit(x, y);
        Assert.Equal(-3.89578, model.Intercept, 5);
        Assert.Equal(1.19303, model.Coefficients[0], 5);
    }

    [Fact]
    public void BatchGradientDescent_ReachesTheNormalEquationOnStandardizedData()
    {
        var (raw, y) = ReferenceData.Dataset("house_prices.csv");
        var x = new StandardScaler().Fit(raw).Transform(raw);
        var exact = new LinearRegression().Fit(x, y);
        var gd = new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.3, Epochs = 5000, Tolerance = 0,
        }.Fit(x, y);
        Golden.CloseEach(exact.Coefficients.ToArray(), gd.Coefficients.ToArray(), 1e-6, "w");
        Golden.CloseEach([exact.Intercept], [gd.Intercept], 1e-6, "b");
        Assert.Null(gd.History.ParameterPath); // three parameters: no path
    }

    [Theory]
    [InlineData(LinearRegressionSolver.StochasticGradientDescent, 0.02)]
    [InlineData(LinearRegressionSolver.MiniBatchGradientDescent, 0.1)]
    public void StochasticSolvers_ReachTheExactSolution_WhenTheDataFitsExactly(LinearRegressionSolver solver, double learningRate)
    {
        // y = X·w + b with no noise: the minimiser has zero residual, so even constant-step SGD converges to it.
        var x = Matrix.RandomNormal<double>(200, 3, new Rng(5));
        double[] w = [2.0, -1.0, 0.5];
        var y = new double[200];
        for (int i = 0; i < 200; i++)
            y[i] = 4.0 + w[0] * x[i, 0] + w[1] * x[i, 1] + w[2] * x[i, 2];
        var model = new LinearRegression { Solver = solver, LearningRate = learningRate, Epochs = 400, BatchSize = 16, Tolerance = 0 }
            .Fit(x, y);
        Golden.CloseEach(w, model.Coefficients.ToArray(), 1e-6, "w");
        Golden.CloseEach([4.0], [model.Intercept], 1e-6, "b");
    }

    [Theory]
    [InlineData(true, 30)]
    [InlineData(true, 7)]
    [InlineData(false, 30)]
    public void LeastSquaresObjective_Gradient_MatchesCentralFiniteDifferences(bool intercept, int batch)
    {
        var x = Matrix.RandomNormal<double>(30, 4, new Rng(9));
        var y = Matrix.RandomNormal<double>(30, 1, new Rng(10)).ToArray();
        var objective = new LeastSquaresObjective(x, y, intercept);
        double[] theta = intercept ? [-0.4, 0.3, -1.2, 0.7, 2.0] : [0.3, -1.2, 0.7, 2.0];
        // all 30 rows in order (the matrix-vector path), or 7 rows in another order (the row-by-row path)
        int[] rows = batch == 30 ? Enumerable.Range(0, 30).ToArray() : [12, 3, 29, 0, 17, 8, 21];
        var gradient = new double[theta.Length];
        double loss = objective.BatchLossAndGradient(rows, theta, gradient);
        Assert.Equal(objective.Loss(rows, theta), loss, 14);

        const double h = 1e-6;
        for (int j = 0; j < theta.Length; j++)
        {
            double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (objective.Loss(rows, plus) - objective.Loss(rows, minus)) / (2 * h);
            Assert.Equal(numeric, gradient[j], 7);
        }
    }

    [Fact]
    public void GradientDescent_Throws_WhenItDiverges()
    {
        var (x, y) = ReferenceData.Dataset("house_prices.csv");
        var error = Assert.Throws<DivergenceException>(() =>
            new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.01 }.Fit(x, y));
        Assert.Contains("BatchGradientDescent diverged at epoch", error.Message);
        Assert.Contains("smaller LearningRate", error.Message);
        Assert.Contains("standardize", error.Message);
        Assert.Equal("LearningRate", error.Setting);
    }

    [Fact]
    public void GradientDescent_ReportsProgressEveryEpoch_AndStopsEarlyWithATolerance()
    {
        var (x, y) = ReferenceData.Dataset("food_truck.csv");
        var progress = new Recorder();
        var model = new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, Epochs = 20000, Tolerance = 1e-9 }
            .Fit(x, y, progress);
        int epochs = model.History.Costs.Count - 1;
        Assert.InRange(epochs, 100, 19999);
        Assert.Equal(Enumerable.Range(1, epochs), progress.Reports.Select(r => r.Iteration));
        Assert.Equal(model.History.Costs.Skip(1), progress.Reports.Select(r => r.Cost));
        Assert.All(progress.Reports, r => Assert.Equal(20000, r.MaxIterations));
    }

    [Fact]
    public void GradientDescent_StopsWhenCancelled()
    {
        var (x, y) = ReferenceData.Dataset("food_truck.csv");
        using var source = new CancellationTokenSource();
        var progress = new Recorder(() => source.Cancel(), cancelAt: 3);
        Assert.Throws<OperationCanceledException>(() =>
            new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent }.Fit(x, y, progress, source.Token));
        Assert.Equal(3, progress.Reports.Count);
    }

    [Fact]
    public void StochasticGradientDescent_IsReproducibleForASeed_AndDependsOnIt()
    {
        var (raw, y) = ReferenceData.Dataset("house_prices.csv");
        var x = new StandardScaler().Fit(raw).Transform(raw);
        var settings = new LinearRegression { Solver = LinearRegressionSolver.StochasticGradientDescent, Epochs = 5, Seed = 42 };
        var first = settings.Fit(x, y);
        var second = settings.Fit(x, y);
        var other = (settings with { Seed = 43 }).Fit(x, y);
        Assert.Equal(first.Coefficients, second.Coefficients);
        Assert.NotEqual(first.Coefficients, other.Coefficients);
        Assert.Null(first.History.ParameterPath);
    }

    [Fact]
    public void Fit_Throws_NamingRowAndColumn_WhenXHasNaN()
    {
        var x = Matrix.FromArray(new double[,] { { 1, 2 }, { 3, double.NaN }, { 5, double.PositiveInfinity } });
        var error = Assert.Throws<DescentDataException>(() => new LinearRegression().Fit(x, [1.0, 2.0, 3.0]));
        Assert.Equal("LinearRegression.Fit: X contains NaN at row 1, column 1 (and 1 more non-finite value in column 1). " +
            "LinearRegression does not accept missing or infinite values; drop or impute those rows first.", error.Message);
        Assert.Equal(1, error.Row);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void Fit_Throws_WhenYHasNaN_OrTheRowCountsDiffer_OrXIsEmpty()
    {
        var x = Matrix.FromArray(new double[,] { { 1 }, { 2 }, { 3 } });
        var nan = Assert.Throws<DescentDataException>(() => new LinearRegression().Fit(x, [1.0, double.NaN, 3.0]));
        Assert.StartsWith("LinearRegression.Fit: y contains NaN at row 1.", nan.Message);
        var mismatch = Assert.Throws<DescentDataException>(() => new LinearRegression().Fit(x, [1.0, 2.0]));
        Assert.Equal("LinearRegression.Fit: X has 3 rows but y has 2 values; every row of X needs one target.", mismatch.Message);
        var empty = Assert.Throws<DescentDataException>(() => new LinearRegression().Fit(new Matrix<double>(0, 2), []));
        Assert.Contains("X has 0 rows", empty.Message);
    }

    [Fact]
    public void Predict_Throws_WhenTheFeatureCountDiffers()
    {
        var model = new LinearRegression().Fit(Matrix.FromArray(new double[,] { { 1, 0 }, { 2, 1 }, { 3, 5 } }), [1.0, 2.0, 3.0]);
        var error = Assert.Throws<DescentDataException>(() => model.Predict(new Matrix<double>(2, 3)));
        Assert.StartsWith("LinearModel.Predict: X has 3 columns, but the model was fitted on 2", error.Message);
    }

    [Theory]
    [InlineData(nameof(LinearRegression.LearningRate), "LinearRegression: LearningRate must be > 0 and finite, got -1.")]
    [InlineData(nameof(LinearRegression.Epochs), "LinearRegression: Epochs must be >= 1, got 0.")]
    [InlineData(nameof(LinearRegression.BatchSize), "LinearRegression: BatchSize must be >= 1, got 0.")]
    [InlineData(nameof(LinearRegression.Tolerance), "LinearRegression: Tolerance must be >= 0 and finite, got -1. (0 disables early stopping.)")]
    public void Fit_Throws_ForInvalidSettings(string setting, string message)
    {
        var settings = setting switch
        {
            nameof(LinearRegression.LearningRate) => new LinearRegression { LearningRate = -1 },
            nameof(LinearRegression.Epochs) => new LinearRegression { Epochs = 0 },
            nameof(LinearRegression.BatchSize) => new LinearRegression { BatchSize = 0 },
            _ => new LinearRegression { Tolerance = -1 },
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => settings.Fit(Matrix.Ones<double>(3, 1), [1.0, 2.0, 3.0]));
        Assert.Equal(setting, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Normal_HandlesOneRow_AndConstantColumns_WithoutNaN()
    {
        var one = new LinearRegression().Fit(Matrix.FromArray(new double[,] { { 2, 3 } }), [5.0]);
        Assert.Equal([0.0, 0.0], one.Coefficients);
        Assert.Equal(5.0, one.Intercept);
        var constant = new LinearRegression().Fit(Matrix.FromArray(new double[,] { { 1, 7 }, { 2, 7 }, { 3, 7 } }), [2.0, 4.0, 6.0]);
        Assert.Equal(2.0, constant.Coefficients[0], 12);
        Assert.Equal(0.0, constant.Coefficients[1], 12);
        Assert.Equal(0.0, constant.Intercept, 12);
    }

    private sealed class Recorder(Action? onReport = null, int cancelAt = -1) : IProgress<FitProgress>
    {
        public List<FitProgress> Reports { get; } = [];

        public void Report(FitProgress value)
        {
            Reports.Add(value);
            if (Reports.Count == cancelAt)
                onReport?.Invoke();
        }
    }
}
