using System.Text.Json;
using Descent.Linear;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Tests.Linear;

/// <summary>LogisticRegression against scikit-learn 1.2 (binary and multinomial, C in {0.01, 1, 100}).</summary>
public class LogisticRegressionGoldenTests
{
    /// <summary>Every golden case; digits (1797 × 64, 10 classes) only where one fit is enough, to keep the suite fast.</summary>
    public static TheoryData<int> Cases() => Select(includeDigits: false);

    public static TheoryData<int> CasesWithDigits() => Select(includeDigits: true);

    private static TheoryData<int> Select(bool includeDigits)
    {
        var data = new TheoryData<int>();
        var cases = LinearGoldens.Logistic.GetProperty("cases");
        for (int i = 0; i < cases.GetArrayLength(); i++)
            if (includeDigits || cases[i].GetProperty("dataset").GetString() != "digits")
                data.Add(i);
        return data;
    }

    private static (JsonElement Case, Matrix<double> X, ClassLabels Y, string Name) Load(int index)
    {
        var c = LinearGoldens.Logistic.GetProperty("cases")[index];
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.Logistic, c.GetProperty("dataset").GetString()!, standardize: true);
        return (c, x, ClassLabels.FromNumbers(y), $"{c.GetProperty("dataset")} C={c.GetProperty("C")}");
    }

    private static double[] Flatten(JsonElement rows) => rows.EnumerateArray().SelectMany(Golden.Doubles).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Newton_ReachesScikitLearnsOptimum(int index)
    {
        var (c, x, y, name) = Load(index);
        var optimum = c.GetProperty("optimum");
        var model = new LogisticRegression
        {
            C = c.GetProperty("C").GetDouble(), Solver = LogisticSolver.Newton, Tolerance = 1e-8, MaxIterations = 1000,
        }.Fit(x, y);
        Assert.True(model.Converged, name);
        Golden.CloseToLargest(Flatten(optimum.GetProperty("coef")), model.Coefficients.ToArray(), 1e-6, name + " coef");
        Golden.CloseToLargest(Golden.Doubles(optimum.GetProperty("intercept")), model.Intercepts.ToArray(), 1e-6,
            name + " intercept", floor: 1);
        Golden.CloseToLargest(Flatten(optimum.GetProperty("proba")), model.PredictProbabilities(x).ToArray(), 1e-6,
            name + " probabilities");
        Assert.Equal(Golden.Doubles(optimum.GetProperty("predict")),
            model.Predict(x).Select(l => l.Number).ToArray());
        double objective = optimum.GetProperty("objective").GetDouble();
        Assert.Equal(objective, model.History.Costs[^1], 1e-9 * objective);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lbfgs_WithoutTheRelativeReductionTest_ReachesTheOptimum(int index)
    {
        var (c, x, y, name) = Load(index);
        var optimum = c.GetProperty("optimum");
        int classes = y.Classes.Count;
        double l2 = 1 / c.GetProperty("C").GetDouble();
        var indices = y.Indices.ToArray();
        ITwiceDifferentiableFunction loss = classes == 2
            ? new BinaryLogisticLoss(x, Array.ConvertAll(indices, k => (double)k), 1.0, l2, true)
            : new MultinomialLogisticLoss(x, indices, classes, 1.0, l2, true);
        var result = new Lbfgs { GradientTolerance = 1e-8, FunctionTolerance = 0, MaxIterations = 5000 }
            .Minimize(loss, new double[loss.Dimension]);
        Assert.True(Lbfgs.MaxAbs(result.Gradient) < 2e-7, $"{name}: max|g| = {Lbfgs.MaxAbs(result.Gradient)} ({result.StopReason})");
        int weights = Flatten(optimum.GetProperty("coef")).Length;
        // max|g| ~ 1e-7 leaves |w - w*| up to ~C·|g|: 1e-5 relative (the Newton test checks 1e-6).
        Golden.CloseToLargest(Flatten(optimum.GetProperty("coef")), result.Solution[..weights], 1e-5, name + " coef");
    }

    [Theory]
    [MemberData(nameof(CasesWithDigits))]
    public void Lbfgs_Defaults_FollowScikitLearnsPath(int index)
    {
        var (c, x, y, name) = Load(index);
        double C = c.GetProperty("C").GetDouble();
        var model = new LogisticRegression { C = C }.Fit(x, y);
        double fStar = c.GetProperty("optimum").GetProperty("objective").GetDouble();
        var reference = c.GetProperty("lbfgs_default");
        int sklearnIterations = reference.GetProperty("n_iter").GetInt32();
        double sklearnGap = (reference.GetProperty("objective").GetDouble() - fStar) / fStar;
        double gap = (model.History.Costs[^1] - fStar) / fStar;
        // The same directions and stopping rules as scipy's L-BFGS-B: as many iterations (up to line-search trial
        // steps), and as close to the optimum.
        Assert.InRange(model.Iterations, sklearnIterations - Math.Max(5, sklearnIterations / 5),
            sklearnIterations + Math.Max(5, sklearnIterations / 5));
        Assert.InRange(gap, -1e-12, 3 * sklearnGap + 1e-10);
        Assert.Equal(sklearnIterations < 100, model.Converged);
        if (C <= 1)
        {
            // Well-conditioned cases take as many iterations and stop as near the optimum: the coefficients agree to
            // the solver's tolerance, and every prediction is the same.
            Assert.Equal(sklearnIterations, model.Iterations);
            Golden.CloseToLargest(Flatten(reference.GetProperty("coef")), model.Coefficients.ToArray(), 1e-3, name + " coef");
            Assert.Equal(Golden.Doubles(reference.GetProperty("predict")), model.Predict(x).Select(l => l.Number).ToArray());
        }
    }

    [Fact]
    public void Fit_ModelShape_FollowsScikitLearn()
    {
        var (_, x, y, _) = Load(0);
        var binary = new LogisticRegression().Fit(x, y);
        Assert.False(binary.IsMultinomial);
        Assert.Equal(1, binary.Coefficients.Rows);
        Assert.Single(binary.Intercepts);
        var softmax = new SoftmaxRegression().Fit(x, y);
        Assert.True(softmax.IsMultinomial);
        Assert.Equal(2, softmax.Coefficients.Rows);
    }
}
