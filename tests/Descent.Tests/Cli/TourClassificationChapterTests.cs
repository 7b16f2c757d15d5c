using System.Text.Json;
using System.Xml.Linq;
using Descent.Data;
using Descent.Linear;
using Descent.ModelSelection;
using Descent.Tests.Plotting;

namespace Descent.Tests.Cli;

/// <summary>
/// The tour's perceptron and logistic-regression chapters read back from their figures and numbers: the perceptron's
/// misclassification count and boundary, the cost curves, gradient descent against the optimum, the applicant the
/// legend used to hide, the saturated scores on the sigmoid's slope, and the regularized boundary's better validation.
/// </summary>
[Collection("Tour")]
public class TourClassificationChapterTests(TourFixture tour)
{
    private static readonly XNamespace Svg = SvgProbe.Svg;

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void EveryTourFigure_KeepsItsLegendOffTheData()
    {
        foreach (var figure in tour.Result.Figures)
        {
            var covered = new SvgProbe(figure.Figure.ToSvg()).MarksUnderLegends();
            Assert.True(covered.Count == 0, $"{figure.FileName}: under the legend: {string.Join("; ", covered)}");
        }
    }

    [Fact]
    public void Perceptron_CountsItsMistakes_OnTheFigure_AsTheModelMakesThem()
    {
        var chapter = tour.Chapter("perceptron");
        Assert.Equal(0, chapter.GetProperty("separable_mistakes").GetInt32());
        int mistakes = chapter.GetProperty("overlapping_mistakes").GetInt32();
        Assert.InRange(mistakes, 1, 49);

        // the same perceptron refitted here makes the same number of mistakes
        var iris = Datasets.Load("iris");
        var labels = iris.RequireClassLabels();
        int[] rows = Enumerable.Range(0, labels.Count).Where(i => labels.Indices[i] >= 1).ToArray();
        var x = Rows.Take(iris.SelectFeatures(["sepal_length_cm", "petal_length_cm"]).Features, rows);
        var y = ClassLabels.FromText(rows.Select(i => labels.Indices[i] == 1 ? "versicolor" : "virginica").ToArray());
        var model = new Perceptron { MaxIterations = 100, Tolerance = null, Seed = 0 }.Fit(x, y);
        int[] predicted = model.PredictClassIndices(x);
        int[] wrong = Enumerable.Range(0, rows.Length).Where(i => predicted[i] != y.Indices[i]).ToArray();
        Assert.Equal(mistakes, wrong.Length);

        // the figure rings exactly those flowers and says how many
        var probe = new SvgProbe(tour.Figure("perceptron", "not-separable").ToString());
        var axes = Assert.Single(probe.Axes);
        var rings = Assert.Single(probe.Paths("scatter"), p => (string?)p.Attribute("data-label") == $"misclassified: {mistakes} of 100");
        var centres = System.Text.RegularExpressions.Regex.Matches((string)rings.Attribute("d")!, @"M(-?[\d.]+),(-?[\d.]+)a([\d.]+)")
            .Select(m => SvgProbe.ToData(axes, SvgProbe.Parse(m.Groups[1].Value) + SvgProbe.Parse(m.Groups[3].Value), SvgProbe.Parse(m.Groups[2].Value)))
            .ToList();
        Assert.Equal(mistakes, centres.Count);
        var (perX, perY) = SvgProbe.PixelsPerUnit(axes);
        foreach (int i in wrong)
            Assert.Contains(centres, c => Math.Abs(c.X - x[i, 0]) < 0.02 / perX && Math.Abs(c.Y - x[i, 1]) < 0.02 / perY);

        // the separable problem's boundary is the line w·x + b = 0 of the saved weights
        var w = Numbers(chapter.GetProperty("separable_weights"));
        var separable = new SvgProbe(tour.Figure("perceptron", "separable").ToString());
        var plot = Assert.Single(separable.Axes);
        var boundary = separable.Paths("contour-line").First(p => (string?)p.Attribute("data-label") == "decision boundary");
        var (sx, sy) = SvgProbe.PixelsPerUnit(plot);
        foreach (var (px, py) in SvgProbe.PathPoints((string)boundary.Attribute("d")!))
        {
            var (a, b) = SvgProbe.ToData(plot, px, py);
            // distance to the line, in pixels
            double distance = Math.Abs(w[0] * a + w[1] * b + w[2]) / Math.Sqrt(w[0] * w[0] * sy * sy + w[1] * w[1] * sx * sx) * sx * sy;
            Assert.True(distance < 0.05, $"boundary point ({a}, {b}) is {distance} px off w·x + b = 0");
        }
        Assert.True(Numbers(chapter.GetProperty("separable_loss"))[^1] == 0, "a separable problem ends with no loss");
    }

    [Fact]
    public void Logistic_GradientDescentReachesTheOptimum_AndOneRawStepSaturatesEveryApplicant()
    {
        var chapter = tour.Chapter("logistic_regression");
        var costs = Numbers(chapter.GetProperty("gd_costs"));
        Assert.Equal(Math.Log(2), costs[0], 12);                      // θ = 0 gives everyone 0.5
        for (int k = 1; k < costs.Length; k++) Assert.True(costs[k] <= costs[k - 1], $"the cost rose at epoch {k}");
        Assert.Equal(0.203498, chapter.GetProperty("optimum_cost").GetDouble(), 1e-6);   // the course's optimum cost
        Assert.InRange(costs[^1] - chapter.GetProperty("optimum_cost").GetDouble(), 0, 2e-3);
        var gd = Numbers(chapter.GetProperty("gd_theta"));
        var theta = Numbers(chapter.GetProperty("theta"));
        for (int j = 0; j < 3; j++) Assert.Equal(theta[j], gd[j], Math.Abs(theta[j]) * 0.05);

        // one step of η = 0.01 from θ = 0 on raw scores: θ = −0.01·∇J(0) = 0.01·(0.1, 12.0092, 11.2628), the course's gradient
        var data = Datasets.Load("exam_scores");
        var z = Numbers(chapter.GetProperty("one_step_scores"));
        for (int i = 0; i < z.Length; i++)
            Assert.Equal(0.001 + 0.120092 * data.Features[i, 0] + 0.112628 * data.Features[i, 1], z[i], 2e-4 * Math.Abs(z[i]));
        Assert.Equal(100, chapter.GetProperty("saturated_after_one_step").GetInt32());
        // on the figure, each applicant sits on the curve σ′(z) = σ(z)(1 − σ(z))
        var probe = new SvgProbe(tour.Figure("logistic_regression", "sigmoid-saturation").ToString());
        var slopes = probe.Axes.ElementAt(1);
        var dots = slopes.Descendants(Svg + "path").Single(p => ((string?)p.Attribute("class") ?? "").Contains("scatter"));
        var centres = System.Text.RegularExpressions.Regex.Matches((string)dots.Attribute("d")!, @"M(-?[\d.]+),(-?[\d.]+)a([\d.]+)")
            .Select(m => SvgProbe.ToData(slopes, SvgProbe.Parse(m.Groups[1].Value) + SvgProbe.Parse(m.Groups[3].Value), SvgProbe.Parse(m.Groups[2].Value)));
        foreach (var (a, b) in centres)
        {
            double s = 1 / (1 + Math.Exp(-a));
            Assert.Equal(Math.Log10(s * (1 - s)), Math.Log10(b), 0.01);
        }
    }

    [Fact]
    public void Logistic_TheApplicantAt75And30_IsNotHiddenByTheLegend()
    {
        var probe = new SvgProbe(tour.Figure("logistic_regression", "decision-boundary").ToString());
        var axes = Assert.Single(probe.Axes);
        var notAdmitted = Assert.Single(probe.Paths("scatter"), p => (string?)p.Attribute("data-label") == "not admitted");
        var points = System.Text.RegularExpressions.Regex.Matches((string)notAdmitted.Attribute("d")!, @"M(-?[\d.]+),(-?[\d.]+)a([\d.]+)")
            .Select(m => (X: SvgProbe.Parse(m.Groups[1].Value) + SvgProbe.Parse(m.Groups[3].Value), Y: SvgProbe.Parse(m.Groups[2].Value))).ToList();
        var applicant = points.Single(p => Math.Abs(SvgProbe.ToData(axes, p.X, p.Y).X - 75.01) < 0.2 && Math.Abs(SvgProbe.ToData(axes, p.X, p.Y).Y - 30.6) < 0.2);
        foreach (var legend in axes.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class") ?? "").StartsWith("legend", StringComparison.Ordinal)))
        {
            var box = legend.Element(Svg + "rect")!;
            double left = SvgProbe.Parse((string)box.Attribute("x")!), top = SvgProbe.Parse((string)box.Attribute("y")!);
            bool inside = applicant.X >= left && applicant.X <= left + SvgProbe.Parse((string)box.Attribute("width")!)
                && applicant.Y >= top && applicant.Y <= top + SvgProbe.Parse((string)box.Attribute("height")!);
            Assert.False(inside, "the legend covers the applicant at (75.0, 30.6)");
        }
    }

    [Fact]
    public void Logistic_CostCurves_AreMinusLogOfThePredictedProbabilityOfTheTrueClass()
    {
        var probe = new SvgProbe(tour.Figure("logistic_regression", "cost-curves").ToString());
        var axes = Assert.Single(probe.Axes);
        var positive = Assert.Single(probe.Paths("line"), p => (string?)p.Attribute("data-label") == "y = 1: cost −log ŷ");
        var negative = Assert.Single(probe.Paths("line"), p => (string?)p.Attribute("data-label") == "y = 0: cost −log(1 − ŷ)");
        var (perX, perY) = SvgProbe.PixelsPerUnit(axes);
        foreach (var (px, py) in SvgProbe.PathPoints((string)positive.Attribute("d")!).Where((_, k) => k % 10 == 0))
        {
            var (p, cost) = SvgProbe.ToData(axes, px, py);
            if (cost < 4.9) Assert.Equal(-Math.Log(p), cost, 0.006 / perY + 0.006 / perX / p);
        }
        foreach (var (px, py) in SvgProbe.PathPoints((string)negative.Attribute("d")!).Where((_, k) => k % 10 == 0))
        {
            var (p, cost) = SvgProbe.ToData(axes, px, py);
            if (cost < 4.9) Assert.Equal(-Math.Log(1 - p), cost, 0.006 / perY + 0.006 / perX / (1 - p));
        }
    }

    [Fact]
    public void Regularization_TheSmoothBoundaryValidatesBetter_WithSmallerWeights()
    {
        var chapter = tour.Chapter("logistic_regularization");
        Assert.Equal(1.0, chapter.GetProperty("overfit_train_accuracy").GetDouble());
        Assert.True(chapter.GetProperty("regularized_train_accuracy").GetDouble() < 1.0, "the penalty gives up some training accuracy");
        Assert.True(chapter.GetProperty("regularized_cv_accuracy").GetDouble() > chapter.GetProperty("overfit_cv_accuracy").GetDouble(),
            "and gains it back on applicants it did not see");
        Assert.True(chapter.GetProperty("regularized_weight_norm").GetDouble() * 5 < chapter.GetProperty("overfit_weight_norm").GetDouble());
        Assert.Equal(44, chapter.GetProperty("features").GetInt32());   // monomials of degree 1..8 in two variables
    }
}
