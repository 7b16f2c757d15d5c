using System.Text.Json;
using System.Xml.Linq;
using Descent.Data;
using Descent.Linear;
using Descent.Numerics;
using Descent.Tests.Plotting;

namespace Descent.Tests.Cli;

/// <summary>
/// The tour's regression chapters read back from their figures and numbers: the cost, its gradient and the grid search
/// against the data, the descent path on the 3-D surface, the plane's residuals, the diverging learning rate drawn
/// and marked, the validation curve's diverged rates, the random starts.
/// </summary>
[Collection("Tour")]
public class TourRegressionChapterTests(TourFixture tour)
{
    private static readonly XNamespace Svg = SvgProbe.Svg;

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    private static (double[] X, double[] Y) FoodTruck()
    {
        var data = Datasets.Load("food_truck");
        return (data.Features.Column(0).ToArray(), data.RequireNumericTarget());
    }

    [Fact]
    public void CostChapter_CostGradientAndGridSearch_AgreeWithTheDataAndTheNormalEquation()
    {
        var (x, y) = FoodTruck();
        var chapter = tour.Chapter("linear_regression");
        // the course: J(0, 0) = 32.0727, J(−1, 2) = 54.2425; ∇J(0) = −(mean y, mean x·y)
        Assert.Equal(32.0727, chapter.GetProperty("cost_at_zero").GetDouble(), 5e-5);
        Assert.Equal(54.2425, chapter.GetProperty("cost_at_minus1_2").GetDouble(), 5e-5);
        var gradient = Numbers(chapter.GetProperty("gradient_at_zero"));
        Assert.Equal(-y.Average(), gradient[0], 1e-12);
        Assert.Equal(-x.Select((v, i) => v * y[i]).Average(), gradient[1], 1e-10);
        // the library's first step is −α·∇J(0) of the chapter's own loops
        Assert.True(chapter.GetProperty("first_step_gap").GetDouble() < 1e-12);
        // the grid search's best point: its cost is J there, no more than J at the grid point nearest the exact
        // minimum (0.1 × 0.025 steps from −10 and −1) and no less than the minimum itself
        double J(double t0, double t1) => x.Select((v, i) => Math.Pow(t0 + t1 * v - y[i], 2)).Sum() / (2 * x.Length);
        var grid = Numbers(chapter.GetProperty("grid_search_theta"));
        var exact = Numbers(chapter.GetProperty("normal_equation_theta"));
        double gridJ = chapter.GetProperty("grid_search_cost").GetDouble();
        Assert.Equal(J(grid[0], grid[1]), gridJ, 1e-9);
        double nearest0 = -10 + Math.Round((exact[0] + 10) / 0.1) * 0.1, nearest1 = -1 + Math.Round((exact[1] + 1) / 0.025) * 0.025;
        Assert.True(gridJ <= J(nearest0, nearest1) + 1e-12, "no grid point beats the search's best");
        Assert.True(gridJ >= J(exact[0], exact[1]), "and none beats the true minimum");
        Assert.InRange(Math.Abs(grid[0] - exact[0]), 0, 0.5);
        // the chapter shows the code it ran
        Assert.Contains("double error = theta0 + theta1 * x[i] - y[i];   // h(xᵢ) − yᵢ", tour.Result.Html);
        Assert.Contains("var (gridT0, gridT1, gridJ) = grid.ArgMin();", tour.Result.Html);
    }

    [Fact]
    public void CostChapter_DrawsTheDescentPathOnTheSurface_AtTheHeightsOfTheCost()
    {
        var (x, y) = FoodTruck();
        var gd = new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.01, Epochs = 1500, Tolerance = 0 }
            .Fit(Matrix.Wrap((double[])x.Clone(), x.Length, 1), y);
        double J(double t0, double t1) => x.Select((v, i) => Math.Pow(t0 + t1 * v - y[i], 2)).Sum() / (2 * x.Length);
        var scene = SceneCamera.Scene(tour.Figure("linear_regression", "cost-surface"));
        var camera = new SceneCamera(scene);
        var onSurface = gd.History.ParameterPath!.Select(t => camera.Pixel(t[0], t[1], J(t[0], t[1]))).ToArray();
        var drawn = SceneCamera.Vertices(scene, "s3-line");
        Assert.True(drawn.Count > 20, $"{drawn.Count} vertices");
        Assert.All(drawn, v => Assert.Contains(onSurface, p => SceneCamera.Near(p, v)));
        Assert.Contains(drawn, v => SceneCamera.Near(v, onSurface[^1]));
        // and the surface itself is J: every quad corner is a grid point lifted to its cost
        var box = ((string)scene.Attribute("data-box")!).Split(' ').Select(SvgProbe.Parse).ToArray();
        var corners = SceneCamera.Vertices(scene, "s3-surface");
        var lifted = Descent.Plotting.Grid2D.Spaced(box[0], box[1], 28)
            .SelectMany(a => Descent.Plotting.Grid2D.Spaced(box[2], box[3], 28).Select(b => camera.Pixel(a, b, J(a, b)))).ToArray();
        Assert.All(corners.Where((_, k) => k % 37 == 0), c => Assert.Contains(lifted, p => SceneCamera.Near(p, c, 0.015)));
    }

    [Fact]
    public void MultivariateChapter_DrawsOneResidualStickPerHouse_FromThePlaneToThePrice()
    {
        var data = Datasets.Load("house_prices");
        var exact = new LinearRegression().Fit(data.Features, data.RequireNumericTarget());
        double[] price = data.RequireNumericTarget();
        var scene = SceneCamera.Scene(tour.Figure("multivariate_regression", "regression-plane"));
        var camera = new SceneCamera(scene);
        var sticks = scene.Elements(Svg + "path").Where(p => (string?)p.Attribute("class") == "s3-stick")
            .SelectMany(p => SvgProbe.Subpaths((string)p.Attribute("d")!)).ToList();
        Assert.Equal(47, sticks.Count);
        double[] fitted = exact.Predict(data.Features);
        for (int i = 0; i < price.Length; i++)
        {
            var from = camera.Pixel(data.Features[i, 0], data.Features[i, 1], fitted[i]);
            var to = camera.Pixel(data.Features[i, 0], data.Features[i, 1], price[i]);
            Assert.Contains(sticks, s => SceneCamera.Near(s[0], from) && SceneCamera.Near(s[1], to));
        }
        Assert.Equal(price.Select((p, i) => p - fitted[i]), Numbers(tour.Chapter("multivariate_regression").GetProperty("residuals")));
    }

    [Fact]
    public void LearningRateChapter_DrawsTheDivergingRate_UntilItWasStopped_AndMarksIt()
    {
        var chapter = tour.Chapter("learning_rate");
        double rate = chapter.GetProperty("diverging_learning_rate").GetDouble();
        int step = chapter.GetProperty("diverged_at_step").GetInt32();
        Assert.Equal(2.0, rate);
        Assert.InRange(step, 2, 50);
        var probe = new SvgProbe(tour.Figure("learning_rate", "learning-rates").ToString());
        var axes = Assert.Single(probe.Axes);
        var line = Assert.Single(probe.Paths("line"), p => (string?)p.Attribute("data-label") == $"α = 2: diverged, stopped at step {step}");
        var points = SvgProbe.PathPoints((string)line.Attribute("d")!).Select(p => SvgProbe.ToData(axes, p.X, p.Y)).ToList();
        Assert.Equal(step + 1, points.Count);                              // J at θ = 0 and after each step until the stop
        Assert.All(points.Skip(1), p => Assert.True(p.Y > points[0].Y, "the cost of a diverging rate grows above its start"));
        Assert.Equal(step, points[^1].X, 1e-6 * step + 0.01);
        // a cross marks where it was stopped
        var cross = probe.Paths("scatter").Single(p => ((string?)p.Attribute("stroke")) == Descent.Plotting.Palette.At(0).Hex && p.Attribute("data-label") is null);
        var mark = SvgProbe.PathPoints((string)cross.Attribute("d")!);
        var end = SvgProbe.PathPoints((string)line.Attribute("d")!)[^1];
        Assert.Contains(mark, m => Math.Abs(m.X - end.X) < 8 && Math.Abs(m.Y - end.Y) < 8);
        // the rates that converge end at the cost of the normal equation (α = 1, 0.3)
        var finals = Numbers(chapter.GetProperty("final_costs"));
        Assert.Equal(finals[1], finals[2], finals[1] * 1e-4);
    }

    [Fact]
    public void LearningRateChapter_ValidationCurve_MarksEveryDivergedRate_AndChoosesTheBestFiniteOne()
    {
        var chapter = tour.Chapter("learning_rate");
        var rates = Numbers(chapter.GetProperty("validation_rates"));
        var validation = Numbers(chapter.GetProperty("validation_mse"));
        var diverged = Numbers(chapter.GetProperty("diverged_rates"));
        Assert.Equal(rates.Where((_, i) => double.IsNaN(validation[i])), diverged);
        Assert.NotEmpty(diverged);
        Assert.Contains(2.0, diverged);
        int best = Enumerable.Range(0, rates.Length).Where(i => !double.IsNaN(validation[i])).MinBy(i => validation[i]);
        Assert.Equal(rates[best], chapter.GetProperty("best_learning_rate").GetDouble());

        var probe = new SvgProbe(tour.Figure("learning_rate", "learning-rate-validation").ToString());
        var axes = Assert.Single(probe.Axes);
        var crosses = Assert.Single(probe.Paths("scatter"), p => (string?)p.Attribute("data-label") == "diverged (no finite error)");
        // a cross is two strokes: M (x − c, y − c) l … M (x − c, y + c) l …; its centre is c right of the first point
        var starts = SvgProbe.PathPoints((string)crosses.Attribute("d")!);
        var centres = starts.Where((_, k) => k % 4 == 0).Select(p => SvgProbe.ToData(axes, p.X + 0.9 * 7, p.Y + 0.9 * 7).X).ToArray();
        Assert.Equal(diverged.Length, centres.Length);
        for (int k = 0; k < diverged.Length; k++)
            Assert.Equal(Math.Log10(diverged[k]), Math.Log10(centres[k]), 3);
    }

    [Fact]
    public void LearningRateChapter_RandomStarts_AreSeededAndDistinct_AndAllReachTheValleyFloor()
    {
        var chapter = tour.Chapter("learning_rate");
        var starts = Numbers(chapter.GetProperty("random_starts"));
        var ends = Numbers(chapter.GetProperty("random_start_ends"));
        Assert.Equal(8, starts.Length);
        Assert.All(starts, s => Assert.InRange(s, -8, 8));
        Assert.Equal(4, starts.Chunk(2).Select(p => (p[0], p[1])).Distinct().Count());
        var (x, y) = FoodTruck();
        var exact = new LinearRegression().Fit(Matrix.Wrap((double[])x.Clone(), x.Length, 1), y);
        foreach (var end in ends.Chunk(2))
        {
            Assert.Equal(exact.Coefficients[0], end[1], 0.1);   // every start ends near the one minimum's slope
            Assert.Equal(exact.Intercept, end[0], 1.0);
        }
        var paths = tour.Figure("learning_rate", "random-starts").Descendants(Svg + "path")
            .Where(p => ((string?)p.Attribute("data-label"))?.StartsWith("from (", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(4, paths.Count);
        Assert.All(paths, p => Assert.EndsWith(": 1500 steps", (string)p.Attribute("data-label")!));
    }

    [Fact]
    public void BiasVarianceChapter_TheSumOfBiasVarianceAndNoise_IsTheMeasuredTestError_ReadFromTheFigure()
    {
        var chapter = tour.Chapter("bias_variance");
        Assert.Equal(0.09, chapter.GetProperty("noise").GetDouble(), 12);
        var bias = Numbers(chapter.GetProperty("bias_squared"));
        var variance = Numbers(chapter.GetProperty("variance"));
        var error = Numbers(chapter.GetProperty("test_error"));
        Assert.Equal(15, error.Length);
        for (int k = 0; k < 15; k++)
            Assert.True(Math.Abs(error[k] - (bias[k] + variance[k] + 0.09)) <= 0.05 * error[k],
                $"degree {k + 1}: test error {error[k]} against bias² + variance + noise {bias[k] + variance[k] + 0.09}");
        Assert.True(bias[0] > 10 * bias[2], "a line is biased, a cubic is not");
        Assert.True(variance[14] > 100 * variance[2], "degree 15 varies far more than degree 3");
        Assert.InRange(chapter.GetProperty("best_degree").GetInt32(), 3, 6);

        // the same check on the picture: every diamond (measured error) on the dashed sum, within 5 %
        var probe = new SvgProbe(tour.Figure("bias_variance", "bias-variance").ToString());
        var axes = Assert.Single(probe.Axes);
        var sum = Assert.Single(probe.Paths("line"), p => (string?)p.Attribute("data-label") == "bias² + variance + noise");
        var sumPoints = SvgProbe.PathPoints((string)sum.Attribute("d")!).Select(p => SvgProbe.ToData(axes, p.X, p.Y)).ToList();
        var diamonds = Assert.Single(probe.Paths("scatter"), p => (string?)p.Attribute("data-label") == "measured test error");
        // a diamond of radius 5 starts at its top vertex: M x,(y − 1.25·5)
        var measured = System.Text.RegularExpressions.Regex.Matches((string)diamonds.Attribute("d")!, @"M(-?[\d.]+),(-?[\d.]+)")
            .Select(m => SvgProbe.ToData(axes, SvgProbe.Parse(m.Groups[1].Value), SvgProbe.Parse(m.Groups[2].Value) + 6.25)).ToList();
        Assert.Equal(15, sumPoints.Count);
        Assert.Equal(15, measured.Count);
        for (int k = 0; k < 15; k++)
        {
            Assert.Equal(k + 1, measured[k].X, 0.01);
            Assert.Equal(sumPoints[k].X, measured[k].X, 0.01);
            Assert.True(Math.Abs(measured[k].Y - sumPoints[k].Y) <= 0.05 * measured[k].Y + 0.001 * measured[k].Y,
                $"degree {k + 1}: the figure shows test error {measured[k].Y} and sum {sumPoints[k].Y}");
            Assert.Equal(error[k], measured[k].Y, 0.002 * error[k]);   // and the diamond is the measured error
        }
    }
}
