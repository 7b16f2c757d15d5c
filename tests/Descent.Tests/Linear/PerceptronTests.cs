using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Linear;

public class PerceptronTests
{
    private static (Matrix<double> X, int[] Y) Separable(int n, int seed)
    {
        // Labels from a known hyperplane with a margin: the perceptron convergence theorem applies.
        var rng = new Rng(seed);
        var x = new Matrix<double>(n, 3);
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double score;
            do
            {
                for (int j = 0; j < 3; j++)
                    x[i, j] = rng.NextNormal();
                score = 2 * x[i, 0] - x[i, 1] + 0.5 * x[i, 2] + 0.3;
            } while (Math.Abs(score) < 0.2);
            y[i] = score > 0 ? 1 : 0;
        }
        return (x, y);
    }

    [Fact]
    public void Fit_OnSeparableData_ClassifiesEveryTrainingExample()
    {
        var (x, y) = Separable(200, 1);
        var model = new Perceptron { Seed = 3 }.Fit(x, y);
        Assert.Equal(y, model.PredictClassIndices(x));
        Assert.True(model.Converged);
        // Once every example is on the right side the loss is 0 and stops improving: 5 more epochs, then stop.
        Assert.Equal(0.0, model.History.Costs[^1]);
        Assert.Equal(model.Iterations, model.History.Costs.Count);
        Assert.InRange(model.Iterations, 6, 1000);
    }

    [Fact]
    public void Fit_IsRosenblattsRule_OnAHandTrace()
    {
        // Without shuffling, from w = 0, b = 0 and η = 1: example (1, 1) with t = +1 has z = 0 ≤ 0 → w = (1, 1), b = 1;
        // example (2, 0) with t = −1 has z = 3 → w = (−1, 1), b = 0; example (0, 2) with t = +1 has z = 2 > 0: no change.
        var x = Matrix.FromRows<double>([[1.0, 1.0], [2.0, 0.0], [0.0, 2.0]]);
        var model = new Perceptron { Shuffle = false, MaxIterations = 1, Tolerance = null }.Fit(x, new[] { 1, 0, 1 });
        Assert.Equal([-1.0, 1.0], model.Coefficients.ToArray());
        Assert.Equal(0.0, model.Intercepts[0]);
        Assert.Equal((0 + 3 + 0) / 3.0, model.History.Costs[0], 1e-15);
        Assert.False(model.Converged);
    }

    [Fact]
    public void Fit_SameSeed_SameModel_OtherSeed_OtherPath()
    {
        var (x, y) = Separable(100, 2);
        var a = new Perceptron { Seed = 5 }.Fit(x, y);
        var b = new Perceptron { Seed = 5 }.Fit(x, y);
        var c = new Perceptron { Seed = 6 }.Fit(x, y);
        Assert.Equal(a.Coefficients.ToArray(), b.Coefficients.ToArray());
        Assert.Equal(a.History.Costs, b.History.Costs);
        Assert.NotEqual(a.Coefficients.ToArray(), c.Coefficients.ToArray());
    }

    [Fact]
    public void Fit_Iris_OneVersusRest()
    {
        var (raw, labels) = LinearGoldens.Dataset(LinearGoldens.Logistic, "iris");
        var x = LinearGoldens.Standardize(raw);
        var y = ClassLabels.FromNumbers(labels);
        var reports = new List<FitProgress>();
        var model = new Perceptron { Seed = 0 }.Fit(x, y, new SynchronousProgress(reports.Add));
        Assert.Equal(3, model.Coefficients.Rows);
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.Iteration));
        Assert.All(reports, r => Assert.Equal(3000, r.MaxIterations));
        Assert.InRange(reports.Count, model.Iterations, 3 * model.Iterations);
        var scores = model.DecisionFunction(x);
        var predicted = model.PredictClassIndices(x);
        for (int i = 0; i < x.Rows; i++)
            for (int k = 0; k < 3; k++)
                Assert.True(scores[i, predicted[i]] >= scores[i, k]);
        // Setosa is linearly separable from the rest: its one-vs-rest perceptron must get it exactly right.
        for (int i = 0; i < x.Rows; i++)
            Assert.Equal(y.Indices[i] == 0, scores[i, 0] > 0);
    }

    [Fact]
    public void PredictProbabilities_IsNotSupported_WithAReason()
    {
        var (x, y) = Separable(20, 3);
        var model = new Perceptron { Seed = 1 }.Fit(x, y);
        var ex = Assert.Throws<NotSupportedException>(() => model.PredictProbabilities(x));
        Assert.Contains("Use DecisionFunction for scores, or LogisticRegression", ex.Message);
    }

    [Fact]
    public void Fit_Throws_OnBadInput()
    {
        var x = Matrix.FromRows<double>([[1.0], [2.0]]);
        Assert.Contains("Perceptron.Fit: y has only one class",
            Assert.Throws<DescentDataException>(() => new Perceptron().Fit(x, new[] { "a", "a" })).Message);
        Assert.Contains("LearningRate must be a finite number > 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Perceptron { LearningRate = 0 }.Fit(x, new[] { 0, 1 })).Message);
        var model = new Perceptron { Seed = 1 }.Fit(x, new[] { 0, 1 });
        Assert.Contains("X has 2 columns, but the model was fitted on 1",
            Assert.Throws<DescentDataException>(() => model.Predict(new Matrix<double>(1, 2))).Message);
    }
}
