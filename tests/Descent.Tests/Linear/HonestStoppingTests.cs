using System.Text.Json;
using Descent.Linear;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Tests.Linear;

/// <summary>
/// A tolerance the user sets is honoured: on iris and on ill-conditioned multinomial data (C = 1 and 0.05), Tolerance =
/// 1e-10 reaches max|∇f| ≤ 1e-8 on scikit-learn's objective and the probabilities of the exactly solved optimum
/// (Newton with the full Hessian, tests/reference/logistic_optimum.py) to 1e-6 — where scipy's relative-decrease test,
/// which scikit-learn's lbfgs applies, would have stopped long before.
/// </summary>
public class HonestStoppingTests
{
    public static TheoryData<string, LogisticSolver> Cases()
    {
        var data = new TheoryData<string, LogisticSolver>();
        foreach (var c in Golden.Load("optimization", "logistic_optimum").GetProperty("cases").EnumerateArray())
            foreach (var solver in new[] { LogisticSolver.Lbfgs, LogisticSolver.Newton })
                data.Add(c.GetProperty("name").GetString()!, solver);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExplicitTolerance_ReachesTheExactOptimum(string name, LogisticSolver solver)
    {
        var (x, y, c, expected) = Case(name);
        var model = new SoftmaxRegression { C = c, Tolerance = 1e-10, MaxIterations = 10000, Solver = solver }.Fit(x, y);

        Assert.True(model.Converged, $"{name}: stopped by {model.StopReason} after {model.Iterations} iterations");
        Assert.Equal(StopReason.GradientTolerance, model.StopReason);
        Assert.True(MaxGradient(model, x, y, c) <= 1e-8, $"{name}: max|∇f| = {MaxGradient(model, x, y, c):E2}");
        Golden.CloseToLargest(expected.ToArray(), model.PredictProbabilities(x).ToArray(), 1e-6, $"{name} probabilities");
    }

    [Fact]
    public void ScipysDecreaseTest_AloneStopsShortOfTheTolerance()
    {
        // What scikit-learn's lbfgs does with tol = 1e-10: the relative-decrease test ends the fit first.
        var (x, y, c, _) = Case("iris");
        var loss = Loss(x, y, c);
        var result = new Lbfgs { GradientTolerance = 1e-10, MaxIterations = 10000 }.Minimize(loss, new double[loss.Dimension]);
        Assert.Equal(StopReason.FunctionTolerance, result.StopReason);
        Assert.True(Lbfgs.MaxAbs(result.Gradient) > 1e-8, $"max|∇f| = {Lbfgs.MaxAbs(result.Gradient):E2}");
    }

    [Fact]
    public void DefaultTolerance_KeepsScikitLearnsStoppingRule()
    {
        var (x, y, c, _) = Case("iris");
        var model = new SoftmaxRegression { C = c, MaxIterations = 10000 }.Fit(x, y);
        var strict = new SoftmaxRegression { C = c, MaxIterations = 10000, Tolerance = LogisticRegression.DefaultTolerance }.Fit(x, y);
        Assert.Null(new SoftmaxRegression().Tolerance);
        Assert.Equal(StopReason.FunctionTolerance, model.StopReason);
        Assert.True(MaxGradient(model, x, y, c) > LogisticRegression.DefaultTolerance);
        Assert.Equal(StopReason.GradientTolerance, strict.StopReason);
        Assert.True(MaxGradient(strict, x, y, c) <= LogisticRegression.DefaultTolerance);
    }

    private static (Matrix<double> X, ClassLabels Y, double C, Matrix<double> Probabilities) Case(string name)
    {
        var c = Golden.Load("optimization", "logistic_optimum").GetProperty("cases").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == name);
        return (Golden.Matrix(c.GetProperty("X")), ClassLabels.FromNumbers(Golden.Doubles(c.GetProperty("y"))), c.GetProperty("C").GetDouble(),
            Golden.Matrix(c.GetProperty("probabilities")));
    }

    private static MultinomialLogisticLoss Loss(Matrix<double> x, ClassLabels y, double c) =>
        new(x, y.Indices.ToArray(), y.Classes.Count, 1.0, 1.0 / c, fitIntercept: true);

    /// <summary>max|∇f| of scikit-learn's objective Σ log-loss + ‖W‖²/(2C) at the model's (W, b).</summary>
    private static double MaxGradient(LogisticRegressionModel model, Matrix<double> x, ClassLabels y, double c)
    {
        var theta = model.Coefficients.ToArray().Concat(model.Intercepts).ToArray();
        var gradient = new double[theta.Length];
        Loss(x, y, c).ValueAndGradient(theta, gradient);
        return Lbfgs.MaxAbs(gradient);
    }
}
