using Descent.Linear;
using Descent.Numerics;

namespace Descent.Tests.Linear;

/// <summary>The course's exam-scores exercise (reference values in the datasets README), solvers, thresholds, bad input.</summary>
public class LogisticRegressionTests
{
    private static (Matrix<double> X, ClassLabels Y) Exam()
    {
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.Logistic, "exam_scores");
        return (x, ClassLabels.FromNumbers(y));
    }

    [Fact]
    public void ExamScores_CostAndGradientAtZero_MatchTheCourse()
    {
        var (x, y) = Exam();
        var loss = new BinaryLogisticLoss(x, y.Indices.Select(k => (double)k).ToArray(), 1.0 / x.Rows, 0, true);
        var gradient = new double[3];
        double cost = loss.ValueAndGradient(new double[3], gradient);
        Assert.Equal(0.693147, cost, 1e-6);
        // Our layout is (w1, w2, b); the course's θ is (b, w1, w2) = (-0.1, -12.0092, -11.2628).
        Assert.Equal(-12.0092, gradient[0], 1e-4);
        Assert.Equal(-11.2628, gradient[1], 1e-4);
        Assert.Equal(-0.1, gradient[2], 1e-12);
        Assert.Equal(0.218330, loss.ValueAndGradient([0.2, 0.2, -24], gradient), 1e-6);
    }

    [Theory]
    [InlineData(LogisticSolver.Newton)]
    [InlineData(LogisticSolver.Lbfgs)]
    public void ExamScores_Unregularized_ReachesTheCourseOptimum(LogisticSolver solver)
    {
        var (x, y) = Exam();
        var model = new LogisticRegression
        {
            Penalty = LogisticPenalty.None, Solver = solver, MaxIterations = 2000, Tolerance = 1e-7,
        }.Fit(x, y);
        // The course's θ ≈ (-25.1613, 0.206232, 0.201472), cost 0.203498 (given to 6 significant digits).
        Assert.Equal(-25.1613, model.Intercepts[0], 5e-4);
        Assert.Equal(0.206232, model.Coefficients[0, 0], 5e-6);
        Assert.Equal(0.201472, model.Coefficients[0, 1], 5e-6);
        Assert.Equal(0.203498 * x.Rows, model.History.Costs[^1], 1e-6 * x.Rows);
        var p = model.PredictProbabilities(Matrix.FromRows<double>([[45.0, 85.0]]));
        Assert.Equal(0.7763, p[0, 1], 1e-4);
        Assert.Equal(1.0, p[0, 0] + p[0, 1], 1e-15);
        var predicted = model.PredictClassIndices(x);
        Assert.Equal(0.89, predicted.Where((k, i) => k == y.Indices[i]).Count() / (double)x.Rows, 1e-12);
    }

    [Fact]
    public void GradientDescent_OnStandardizedData_ReachesTheLbfgsSolution()
    {
        var (raw, y) = Exam();
        var x = LinearGoldens.Standardize(raw);
        var reference = new LogisticRegression { Solver = LogisticSolver.Newton, Tolerance = 1e-10 }.Fit(x, y);
        var gd = new LogisticRegression
        {
            Solver = LogisticSolver.GradientDescent, LearningRate = 1.0, MaxIterations = 20000, Tolerance = 1e-10,
        }.Fit(x, y);
        Assert.True(gd.Converged);
        Golden.CloseToLargest(reference.Coefficients.ToArray(), gd.Coefficients.ToArray(), 1e-7, "weights");
        Assert.Equal(reference.Intercepts[0], gd.Intercepts[0], 1e-7);
        // The recorded cost is the mean cross-entropy + (1/(2Cn))‖w‖², decreasing at every step.
        var costs = gd.History.Costs;
        Assert.Equal(Math.Log(2), costs[0], 1e-15);
        for (int k = 1; k < costs.Count; k++)
            Assert.True(costs[k] <= costs[k - 1] + 1e-15, $"cost rose at iteration {k}");
    }

    [Fact]
    public void GradientDescent_WithHugeLearningRate_FailsWithAHint()
    {
        var (x, y) = Exam();
        var ex = Assert.Throws<DivergenceException>(() => new LogisticRegression
        {
            Solver = LogisticSolver.GradientDescent, LearningRate = 50, MaxIterations = 500, Penalty = LogisticPenalty.None,
        }.Fit(x, y));
        Assert.Contains("gradient descent diverged", ex.Message);
        Assert.Contains("Use a smaller LearningRate (e.g. ten times smaller), or standardize the features", ex.Message);
        Assert.Equal("LearningRate", ex.Setting);
    }

    [Fact]
    public void DecisionThreshold_MovesTheCut()
    {
        var (raw, y) = Exam();
        var x = LinearGoldens.Standardize(raw);
        var model = new LogisticRegression().Fit(x, y);
        var p = model.PredictProbabilities(x);
        foreach (double t in new[] { 0.2, 0.5, 0.8 })
        {
            var predicted = model.WithDecisionThreshold(t).PredictClassIndices(x);
            for (int i = 0; i < x.Rows; i++)
                Assert.Equal(p[i, 1] > t ? 1 : 0, predicted[i]);
        }
        Assert.Equal(0.8, new LogisticRegression { DecisionThreshold = 0.8 }.Fit(x, y).DecisionThreshold);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.WithDecisionThreshold(1.0));
    }

    [Fact]
    public void Labels_AreKeptAsWritten()
    {
        var x = Matrix.FromRows<double>([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]);
        var model = new LogisticRegression().Fit(x, new[] { "spam", "ham", "spam", "ham", "ham", "spam" });
        Assert.Equal(["ham", "spam"], model.Classes.Select(c => c.Text));
        Assert.All(model.Predict(x), l => Assert.Contains(l.Text, new[] { "ham", "spam" }));
    }

    [Fact]
    public void Softmax_WithTwoClasses_IsBinaryLogisticWithTwiceC()
    {
        // Softmax with rows w₀, w₁ and penalty ½(‖w₀‖² + ‖w₁‖²) has w₁ = −w₀ at the optimum; w = w₁ − w₀ then solves
        // the binary problem with penalty ¼‖w‖², i.e. C' = 2C.
        var (raw, y) = Exam();
        var x = LinearGoldens.Standardize(raw);
        var softmax = new SoftmaxRegression { C = 0.5, Solver = LogisticSolver.Newton, Tolerance = 1e-10 }.Fit(x, y);
        var binary = new LogisticRegression { C = 1.0, Solver = LogisticSolver.Newton, Tolerance = 1e-10 }.Fit(x, y);
        for (int j = 0; j < 2; j++)
            Assert.Equal(binary.Coefficients[0, j], softmax.Coefficients[1, j] - softmax.Coefficients[0, j], 1e-8);
        Assert.Equal(binary.Intercepts[0], softmax.Intercepts[1] - softmax.Intercepts[0], 1e-8);
        Golden.CloseToLargest(binary.PredictProbabilities(x).ToArray(), softmax.PredictProbabilities(x).ToArray(), 1e-8, "P");
    }

    [Fact]
    public void Softmax_ProbabilitiesAreStable_ForHugeScores()
    {
        var x = Matrix.FromRows<double>([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]);
        var model = new SoftmaxRegression { Penalty = LogisticPenalty.None, MaxIterations = 50 }.Fit(x, new[] { 0, 0, 1, 1, 2, 2 });
        var p = model.PredictProbabilities(Matrix.FromRows<double>([[1e6], [-1e6]]));
        for (int i = 0; i < 2; i++)
        {
            Assert.All(Enumerable.Range(0, 3), k => Assert.True(double.IsFinite(p[i, k]) && p[i, k] >= 0));
            Assert.Equal(1.0, p[i, 0] + p[i, 1] + p[i, 2], 1e-15);
        }
        Assert.Equal(1.0, p[0, 2], 1e-12);
        Assert.Equal(1.0, p[1, 0], 1e-12);
    }

    [Fact]
    public void Fit_Throws_OnBadInput()
    {
        var x = Matrix.FromRows<double>([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
        var one = Assert.Throws<DescentDataException>(() => new LogisticRegression().Fit(x, new[] { 1, 1, 1 }));
        Assert.Equal("LogisticRegression.Fit: y has only one class ('1'); a classifier needs examples of at least two classes.", one.Message);
        var bad = Matrix.FromRows<double>([[1.0, 2.0], [double.PositiveInfinity, 4.0], [5.0, double.NaN]]);
        var nan = Assert.Throws<DescentDataException>(() => new SoftmaxRegression().Fit(bad, new[] { 0, 1, 0 }));
        Assert.StartsWith("SoftmaxRegression.Fit: X contains +Infinity at row 1, column 0 (and 1 more non-finite value in column 1)", nan.Message);
        Assert.Contains("LogisticRegression.Fit: X has 3 rows but y has 2 values",
            Assert.Throws<DescentDataException>(() => new LogisticRegression().Fit(x, new[] { 0, 1 })).Message);
        Assert.Contains("LogisticRegression: C must be a finite number > 0, got 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression { C = 0 }.Fit(x, new[] { 0, 1, 0 })).Message);

        var model = new LogisticRegression().Fit(x, new[] { 0, 1, 0 });
        var wrong = Assert.Throws<DescentDataException>(() => model.PredictProbabilities(new Matrix<double>(1, 3)));
        Assert.Contains("X has 3 columns, but the model was fitted on 2", wrong.Message);
        Assert.Throws<DescentDataException>(() => model.Predict(Matrix.FromRows<double>([[double.NaN, 1.0]])));
    }

    [Fact]
    public void Fit_HonoursCancellation_AndReportsProgress()
    {
        var (raw, y) = Exam();
        var x = LinearGoldens.Standardize(raw);
        var reports = new List<FitProgress>();
        var model = new LogisticRegression().Fit(x, y, new SynchronousProgress(reports.Add));
        Assert.Equal(model.Iterations, reports.Count);
        Assert.Equal(Enumerable.Range(1, model.Iterations), reports.Select(r => r.Iteration));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new LogisticRegression().Fit(x, y, cancellationToken: cancelled.Token));
    }
}
