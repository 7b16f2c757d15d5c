using System.Text.Json;
using Descent.Linear;
using Descent.Numerics;

namespace Descent.Tests.Linear;

public class ElasticNetTests
{
    public static TheoryData<int> TightCases() => CaseIndices(tight: true);

    public static TheoryData<int> DefaultCases() => CaseIndices(tight: false);

    private static TheoryData<int> CaseIndices(bool tight)
    {
        var data = new TheoryData<int>();
        int i = 0;
        foreach (var c in LinearGoldens.SparseLinear.GetProperty("cases").EnumerateArray())
        {
            if (c.GetProperty("tol").GetDouble() < 1e-6 == tight)
                data.Add(i);
            i++;
        }
        return data;
    }

    private static JsonElement Case(int index) => LinearGoldens.SparseLinear.GetProperty("cases")[index];

    private static ElasticNetModel FitCase(JsonElement c, bool gram = false, double? tolerance = null)
    {
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.SparseLinear, c.GetProperty("dataset").GetString()!);
        double alpha = c.GetProperty("alpha").GetDouble(), tol = tolerance ?? c.GetProperty("tol").GetDouble();
        int maxIter = c.GetProperty("max_iter").GetInt32();
        return c.GetProperty("model").GetString() == "lasso"
            ? new Lasso { Alpha = alpha, Tolerance = tol, MaxIterations = maxIter, PrecomputeGram = gram }.Fit(x, y)
            : new ElasticNet
            {
                Alpha = alpha, L1Ratio = c.GetProperty("l1_ratio").GetDouble(), Tolerance = tol, MaxIterations = maxIter,
                PrecomputeGram = gram,
            }.Fit(x, y);
    }

    [Theory]
    [MemberData(nameof(TightCases))]
    public void Fit_MatchesScikitLearn_AtTightTolerance(int index)
    {
        var c = Case(index);
        foreach (bool gram in new[] { false, true })
        {
            var model = FitCase(c, gram);
            string what = $"{c.GetProperty("dataset")} {c.GetProperty("model")} alpha={c.GetProperty("alpha")} " +
                          $"l1_ratio={c.GetProperty("l1_ratio")} gram={gram}";
            Assert.True(model.Converged, what + " did not converge");
            Golden.CloseToLargest(Golden.Doubles(c.GetProperty("coef")), model.Coefficients, 1e-6, what + " coef", floor: 1);
            Golden.CloseToLargest([c.GetProperty("intercept").GetDouble()], [model.Intercept], 1e-6, what + " intercept", floor: 1);
            var (x, _) = LinearGoldens.Dataset(LinearGoldens.SparseLinear, c.GetProperty("dataset").GetString()!);
            Golden.CloseToLargest(Golden.Doubles(c.GetProperty("predictions")), model.Predict(x), 1e-6, what + " predictions");
        }
    }

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public void Fit_AtDefaultTolerance_StopsWhereScikitLearnStops(int index)
    {
        var c = Case(index);
        var model = FitCase(c, gram: false);
        string what = $"{c.GetProperty("dataset")} {c.GetProperty("model")} alpha={c.GetProperty("alpha")} l1_ratio={c.GetProperty("l1_ratio")}";
        // Same coordinate updates and the same gap test: the same number of sweeps, and a solution within the gap.
        Assert.Equal(c.GetProperty("n_iter").GetInt32(), model.Iterations);
        Golden.CloseToLargest(Golden.Doubles(c.GetProperty("coef")), model.Coefficients, 1e-6, what + " coef", floor: 1);
        Assert.Equal(c.GetProperty("dual_gap").GetDouble(), model.DualGap, 1e-9 * Math.Max(1, c.GetProperty("dual_gap").GetDouble()));
    }

    [Fact]
    public void Fit_SolutionSatisfiesOptimalityConditions()
    {
        // Subgradient (KKT) conditions of (1/2n)||y - Xw - b||² + αρ||w||₁ + α(1-ρ)/2||w||²:
        // gⱼ = Xⱼᵀ(y - Xw - b)/n - α(1-ρ)wⱼ equals αρ·sign(wⱼ) when wⱼ ≠ 0 and |gⱼ| ≤ αρ when wⱼ = 0.
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.SparseLinear, "sparse_30x60");
        const double alpha = 0.05, rho = 0.7;
        var model = new ElasticNet { Alpha = alpha, L1Ratio = rho, Tolerance = 1e-14, MaxIterations = 100000 }.Fit(x, y);
        var residual = model.Predict(x).Select((p, i) => y[i] - p).ToArray();
        Assert.Equal(0, residual.Sum(), 1e-9);
        int nonZero = 0;
        for (int j = 0; j < x.Columns; j++)
        {
            double g = 0;
            for (int i = 0; i < x.Rows; i++)
                g += x[i, j] * residual[i];
            g = g / x.Rows - alpha * (1 - rho) * model.Coefficients[j];
            double w = model.Coefficients[j];
            if (w != 0)
            {
                nonZero++;
                Assert.Equal(alpha * rho * Math.Sign(w), g, 1e-8);
            }
            else
                Assert.True(Math.Abs(g) <= alpha * rho + 1e-8, $"|g_{j}| = {Math.Abs(g)} > {alpha * rho}");
        }
        Assert.InRange(nonZero, 1, x.Columns - 1);
    }

    [Fact]
    public void Fit_SingleFeature_IsTheSoftThreshold()
    {
        // One centred feature: w = S(xᵀy/n, αρ) / (xᵀx/n + α(1-ρ)).
        var x = Matrix.FromRows<double>([[1.0], [2.0], [4.0], [5.0]]);
        double[] y = [1.0, 3.0, 2.0, 6.0];
        var model = new ElasticNet { Alpha = 0.3, L1Ratio = 0.4, Tolerance = 1e-12 }.Fit(x, y);
        double xty = 0, xtx = 0;
        for (int i = 0; i < 4; i++)
        {
            xty += (x[i, 0] - 3) * (y[i] - 3);
            xtx += (x[i, 0] - 3) * (x[i, 0] - 3);
        }
        double expected = (xty / 4 - 0.3 * 0.4) / (xtx / 4 + 0.3 * 0.6);
        Assert.Equal(expected, model.Coefficients[0], 1e-12);
        Assert.Equal(3 - 3 * expected, model.Intercept, 1e-12);
        Assert.Equal(0.0, new Lasso { Alpha = 100 }.Fit(x, y).Coefficients[0]);
    }

    [Fact]
    public void Fit_HistoryDecreases_AndProgressIsReported()
    {
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.SparseLinear, "tall_200x8");
        var reports = new List<FitProgress>();
        var model = new Lasso { Alpha = 0.1, Tolerance = 1e-10 }.Fit(x, y, new SynchronousProgress(reports.Add));
        var costs = model.History.Costs;
        Assert.Equal(model.Iterations + 1, costs.Count);
        Assert.Equal(model.Iterations, reports.Count);
        for (int k = 1; k < costs.Count; k++)
            Assert.True(costs[k] <= costs[k - 1] + 1e-12, $"cost rose at sweep {k}");
    }

    [Fact]
    public void Fit_Throws_OnBadInput()
    {
        var x = Matrix.FromRows<double>([[1.0, 2.0], [3.0, double.NaN], [5.0, 6.0]]);
        var ex = Assert.Throws<DescentDataException>(() => new Lasso().Fit(x, [1.0, 2.0, 3.0]));
        Assert.Contains("Lasso.Fit: X contains NaN at row 1, column 1", ex.Message);
        Assert.Equal(1, ex.Row);
        foreach (bool center in new[] { true, false })
        {
            var infinite = Matrix.FromRows<double>([[1.0, 2.0], [3.0, 4.0], [double.NegativeInfinity, 6.0]]);
            var gram = Assert.Throws<DescentDataException>(() =>
                new ElasticNet { PrecomputeGram = true, FitIntercept = center }.Fit(infinite, [1.0, 2.0, 3.0]));
            Assert.Contains("ElasticNet.Fit: X contains -Infinity at row 2, column 0", gram.Message);
        }

        var good = Matrix.FromRows<double>([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
        Assert.Contains("X has 3 rows but y has 2 values",
            Assert.Throws<DescentDataException>(() => new ElasticNet().Fit(good, [1.0, 2.0])).Message);
        Assert.Contains("y contains +Infinity at row 2",
            Assert.Throws<DescentDataException>(() => new ElasticNet().Fit(good, [1.0, 2.0, double.PositiveInfinity])).Message);
        Assert.Contains("X has 0 rows",
            Assert.Throws<DescentDataException>(() => new Lasso().Fit(new Matrix<double>(0, 2), [])).Message);
        Assert.Contains("ElasticNet: L1Ratio must be in [0, 1], got 1.5",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ElasticNet { L1Ratio = 1.5 }.Fit(good, [1.0, 2.0, 3.0])).Message);
        Assert.Contains("Lasso: Alpha must be a finite number >= 0, got -1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Lasso { Alpha = -1 }.Fit(good, [1.0, 2.0, 3.0])).Message);

        var model = new Lasso { Alpha = 0.01 }.Fit(good, [1.0, 2.0, 3.0]);
        Assert.Contains("X has 3 columns, but the model was fitted on 2",
            Assert.Throws<DescentDataException>(() => model.Predict(new Matrix<double>(2, 3))).Message);
    }
}

/// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<FitProgress> report) : IProgress<FitProgress>
{
    public void Report(FitProgress value) => report(value);
}
