using Descent.Linear;
using Descent.Numerics;

namespace Descent.Tests.Linear;

/// <summary>
/// Logistic and softmax regression trained on mini-batches through the engine (Sgd, Momentum, Adam): they minimise the
/// same mean cross-entropy as the exact solvers, so with a constant learning rate they end within a percent or two of
/// the optimum's objective, predicting the same classes; the same seed gives the same model.
/// </summary>
public class LogisticStochasticSolverTests
{
    private static (Matrix<double> X, ClassLabels Y) Iris()
    {
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.Logistic, "iris", standardize: true);
        return (x, ClassLabels.FromNumbers(y));
    }

    /// <summary>The mean cross-entropy plus ‖W‖²/(2Cn) at the model's parameters.</summary>
    private static double MeanObjective(LogisticRegressionModel model, Matrix<double> x, ClassLabels y, double c)
    {
        var loss = new MultinomialLogisticLoss(x, y.Indices.ToArray(), y.Classes.Count, 1.0 / x.Rows, 1.0 / (c * x.Rows), fitIntercept: true);
        var theta = model.Coefficients.ToArray().Concat(model.Intercepts).ToArray();
        return loss.ValueAndGradient(theta, new double[theta.Length]);
    }

    [Theory]
    [InlineData(LogisticSolver.Sgd, 0.5, 0.02)]
    [InlineData(LogisticSolver.Momentum, 0.05, 0.01)]
    [InlineData(LogisticSolver.Adam, 0.02, 0.01)]
    public void StochasticSolvers_EndNearTheExactOptimum(LogisticSolver solver, double rate, double tolerance)
    {
        var (x, y) = Iris();
        var exact = new SoftmaxRegression { Tolerance = 1e-10, MaxIterations = 1000 }.Fit(x, y);
        var model = new SoftmaxRegression { Solver = solver, LearningRate = rate, MaxIterations = 300, BatchSize = 16, Seed = 3 }.Fit(x, y);
        double best = MeanObjective(exact, x, y, 1), reached = MeanObjective(model, x, y, 1);
        Assert.True(reached - best <= tolerance * best, $"{solver}: objective {reached} against the optimum {best}");
        Assert.True(model.Iterations is > 5 and <= 300);
        Assert.Equal(model.Iterations, model.History.Costs.Count);
        Assert.Equal(exact.Predict(x), model.Predict(x));
    }

    [Fact]
    public void SameSeed_SameModel_AnotherSeedAnother()
    {
        var (x, y) = Iris();
        LogisticRegressionModel Fit(long seed) => new LogisticRegression { Solver = LogisticSolver.Adam, MaxIterations = 20, Seed = seed }.Fit(x, y);
        Assert.Equal(Fit(1).Coefficients.ToArray(), Fit(1).Coefficients.ToArray());
        Assert.NotEqual(Fit(1).Coefficients.ToArray(), Fit(2).Coefficients.ToArray());
    }

    [Fact]
    public void BinaryProblems_UseOneWeightRow()
    {
        var (x, labels) = LinearGoldens.Dataset(LinearGoldens.Logistic, "exam_scores", standardize: true);
        var y = ClassLabels.FromNumbers(labels);
        var model = new LogisticRegression { Solver = LogisticSolver.Momentum, LearningRate = 0.1, MaxIterations = 200, Seed = 1 }.Fit(x, y);
        var exact = new LogisticRegression().Fit(x, y);
        Assert.False(model.IsMultinomial);
        Assert.Equal(1, model.Coefficients.Rows);
        Golden.CloseToLargest(exact.Coefficients.ToArray(), model.Coefficients.ToArray(), 0.1, "w");
    }

    [Fact]
    public void BatchSizeZero_IsRefusedNamingTheSetting()
    {
        var (x, y) = Iris();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxRegression { Solver = LogisticSolver.Sgd, BatchSize = 0 }.Fit(x, y));
        Assert.StartsWith("SoftmaxRegression: BatchSize must be >= 1, got 0.", error.Message);
    }
}
