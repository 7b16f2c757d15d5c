using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Descent.Cli.Tour;

namespace Descent.Tests.Cli;

/// <summary>Runs the tour once in-process, shared by the tests of its output (the "Tour" collection).</summary>
public sealed class TourFixture
{
    internal TourResult Result { get; } = TourRunner.Run();

    public JsonElement Metrics => JsonDocument.Parse(Result.MetricsJson).RootElement;

    public JsonElement Chapter(string key) => Metrics.GetProperty("chapters").GetProperty(key);

    /// <summary>The file name of figure <paramref name="name"/> of chapter <paramref name="key"/>: "NN-name.svg", NN its position.</summary>
    public static string FigureFile(string key, string name)
    {
        int index = TourRunner.Chapters.Select(c => c.Key).ToList().IndexOf(key);
        Assert.True(index >= 0, $"no tour chapter '{key}'");
        return $"{index + 1:00}-{name}.svg";
    }

    /// <summary>The SVG of figure <paramref name="name"/> of chapter <paramref name="key"/>.</summary>
    public System.Xml.Linq.XDocument Figure(string key, string name)
    {
        string file = FigureFile(key, name);
        var figure = Result.Figures.SingleOrDefault(f => f.FileName == file);
        Assert.True(figure is not null, $"the tour has no figure {file}");
        return System.Xml.Linq.XDocument.Parse(figure.Figure.ToSvg());
    }
}

/// <summary>The test classes that read the one tour run.</summary>
[CollectionDefinition("Tour")]
public sealed class TourCollection : ICollectionFixture<TourFixture>;

/// <summary>
/// <c>descent tour</c>: the report, its figures, metrics.json with the course's reference values, the summary table,
/// and the command as a process writing the same bytes as the in-process run.
/// </summary>
[Collection("Tour")]
public partial class TourTests(TourFixture tour)
{
    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void Report_InlinesEveryFigure_AsWellFormedSvg_WithNoScriptOrExternalReference()
    {
        string html = tour.Result.Html;
        var inline = SvgRegex().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(tour.Result.Figures.Count, inline.Count);
        foreach (string svg in inline)
        {
            var document = XDocument.Parse(svg);
            Assert.Equal("svg", document.Root!.Name.LocalName);
            Assert.Contains(document.Descendants(), e => e.Name.LocalName == "title");
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);
        foreach (var chapter in TourRunner.Chapters)
            Assert.Contains($"<h2>{chapter.Title}</h2>", html);
        Assert.DoesNotContain("neural", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Figures_AreStandaloneSvgFiles_NamedByChapter_AndListedInMetrics()
    {
        Assert.True(tour.Result.Figures.Count >= 15, $"{tour.Result.Figures.Count} figures");
        Assert.Equal(tour.Result.Figures.Count, tour.Result.Figures.Select(f => f.FileName).Distinct().Count());
        foreach (var figure in tour.Result.Figures)
        {
            Assert.Matches("^[0-9][0-9]-[a-z0-9-]+\\.svg$", figure.FileName);
            var svg = XDocument.Parse(figure.Figure.ToSvg());
            Assert.Equal(XNamespace.Get("http://www.w3.org/2000/svg") + "svg", svg.Root!.Name);
        }
        var listed = tour.Metrics.GetProperty("chapters").EnumerateObject()
            .SelectMany(c => c.Value.GetProperty("figures").EnumerateArray().Select(f => f.GetString()!)).ToList();
        Assert.Equal(tour.Result.Figures.Select(f => f.FileName), listed);
        // the figures the curriculum promises, by chapter
        (string Chapter, string Name)[] promised =
        [
            ("linear_regression", "cost-surface"), ("linear_regression", "loss-curve"), ("linear_regression", "fitted-line"),
            ("multivariate_regression", "regression-plane"), ("learning_rate", "learning-rates"), ("learning_rate", "learning-rate-validation"),
            ("learning_rate", "random-starts"), ("polynomial_regression", "polynomial-fits"), ("polynomial_regression", "validation-curve"),
            ("regularization", "lasso-path"), ("logistic_regression", "decision-boundary"), ("softmax_regression", "decision-regions"),
            ("trees", "decision-tree"), ("trees", "feature-importances"), ("bias_variance", "learning-curves"), ("metrics", "confusion-matrix"),
            ("metrics", "roc"), ("metrics", "precision-recall"),
        ];
        string[] expected = promised.Select(p => TourFixture.FigureFile(p.Chapter, p.Name)).ToArray();
        Assert.Empty(expected.Except(listed));
    }

    [Fact]
    public void Metrics_HoldTheCourseReferenceValues()
    {
        var metrics = tour.Metrics;
        Assert.Equal("descent-tour", metrics.GetProperty("format").GetString());
        Assert.Equal(1, metrics.GetProperty("formatVersion").GetInt32());
        Assert.Equal(TourRunner.Chapters.Select(c => c.Key), metrics.GetProperty("chapters").EnumerateObject().Select(p => p.Name));

        // food_truck, batch GD α = 0.01, 1500 iterations from 0 (ex1): θ = (-3.63029, 1.16636); J(0) = 32.0727
        var linear = tour.Chapter("linear_regression");
        var theta = Numbers(linear.GetProperty("gd_theta"));
        Assert.Equal(-3.63029, theta[0], 5e-6);
        Assert.Equal(1.16636, theta[1], 5e-6);
        var exact = Numbers(linear.GetProperty("normal_equation_theta"));
        Assert.Equal(-3.89578, exact[0], 5e-6);
        Assert.Equal(1.19303, exact[1], 5e-6);
        Assert.Equal(32.0727, linear.GetProperty("initial_cost").GetDouble(), 5e-5);
        var profits = Numbers(linear.GetProperty("profit_usd_35k_70k"));
        Assert.Equal(4519.77, profits[0], 0.01);
        Assert.Equal(45342.45, profits[1], 0.01);

        // house_prices (ex1_multi): normal equation θ = (89597.9095, 139.210674, -8738.01911), price 293081.46
        var multivariate = tour.Chapter("multivariate_regression");
        var normal = Numbers(multivariate.GetProperty("normal_equation_theta"));
        Assert.Equal(89597.9095, normal[0], 1e-3);
        Assert.Equal(139.210674, normal[1], 1e-5);
        Assert.Equal(-8738.01911, normal[2], 1e-4);
        Assert.Equal(293081.46, multivariate.GetProperty("price_1650_sqft_3_bedrooms").GetDouble(), 0.01);
        Assert.Equal(293081.46, multivariate.GetProperty("gd_price_1650_sqft_3_bedrooms").GetDouble(), 0.1);
        Assert.True(multivariate.GetProperty("raw_features_diverged_at_step").GetInt32() > 0);

        // exam_scores (ex2): θ ≈ (-25.1613, 0.206232, 0.201472), training accuracy 89%, P(admit | 45, 85) ≈ 0.776
        var logistic = tour.Chapter("logistic_regression");
        Assert.Equal(0.89, logistic.GetProperty("train_accuracy").GetDouble(), 12);
        var w = Numbers(logistic.GetProperty("theta"));
        Assert.Equal(-25.1613, w[0], 1e-3);
        Assert.Equal(0.206232, w[1], 1e-5);
        Assert.Equal(0.201472, w[2], 1e-5);
        Assert.Equal(0.7763, logistic.GetProperty("probability_45_85").GetDouble(), 5e-4);
    }

    [Fact]
    public void Metrics_OfTheOtherChapters_AreConsistentWithTheirStory()
    {
        var polynomial = tour.Chapter("polynomial_regression");
        var train = Numbers(polynomial.GetProperty("train_mse"));
        var test = Numbers(polynomial.GetProperty("test_mse"));
        int best = polynomial.GetProperty("best_test_degree").GetInt32();
        Assert.Equal(test.Min(), test[best - 1]);
        Assert.InRange(best, 3, 6);                      // a sine needs a few bends, not one and not twelve
        Assert.True(train[^1] < train[0] / 10, "the highest degree fits its training points far better than a line");
        Assert.True(test[^1] > 100 * test[best - 1], "and fails far worse on new points");

        var regularization = tour.Chapter("regularization");
        Assert.All(Numbers(regularization.GetProperty("test_r2")), r2 => Assert.InRange(r2, 0.4, 0.6));
        Assert.True(Numbers(regularization.GetProperty("zero_coefficients"))[2] > 0, "the Lasso zeroes some coefficients");

        Assert.InRange(tour.Chapter("softmax_regression").GetProperty("test_accuracy").GetDouble(), 0.9, 1.0);
        var trees = tour.Chapter("trees");
        Assert.Equal(1.0, trees.GetProperty("tree_full_train_accuracy").GetDouble());
        Assert.True(trees.GetProperty("forest_test_accuracy").GetDouble() >= trees.GetProperty("tree_full_test_accuracy").GetDouble());
        Assert.Equal(1.0, Numbers(trees.GetProperty("forest_feature_importances")).Sum(), 12);

        var bias = tour.Chapter("bias_variance");
        var line = Numbers(bias.GetProperty("degree1_validation_mse"));
        var right = Numbers(bias.GetProperty("degree4_validation_mse"));
        Assert.True(line[^1] > 2 * right[^1], "the straight line keeps a high error with all the data (bias)");
        var flexible = Numbers(bias.GetProperty("degree15_validation_mse"));
        Assert.True(flexible[0] > 100 * flexible[^1], "the flexible model's error falls a lot with more data (variance)");

        var metrics = tour.Chapter("metrics");
        var confusion = Numbers(metrics.GetProperty("confusion_matrix"));
        Assert.Equal(metrics.GetProperty("test_rows").GetInt32(), (int)confusion.Sum());
        Assert.Equal((confusion[0] + confusion[3]) / confusion.Sum(), metrics.GetProperty("accuracy").GetDouble(), 12);
        Assert.InRange(metrics.GetProperty("roc_auc").GetDouble(), 0.95, 1.0);
    }

    [Fact]
    public void Summary_HasOneRowPerChapter_InOrder()
    {
        var rows = tour.Result.Summary;
        Assert.Equal(TourRunner.Chapters.Count, rows.Count);
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.Step));
        Assert.Equal(TourRunner.Chapters.Select(c => c.Key), rows.Select(r => r.Chapter));
        Assert.All(rows, r => Assert.All(TourRunner.SummaryCells(r), cell => Assert.False(string.IsNullOrWhiteSpace(cell))));
        Assert.Equal("0.89", rows.Single(r => r.Chapter == "logistic_regression").Value);
        Assert.Equal(rows.Count, tour.Metrics.GetProperty("summary").GetArrayLength());
    }

    [Fact]
    public void Command_WritesTheReport_PrintsTheTable_AndGivesTheSameBytesAsAnotherRun_OnAnyThreadCount()
    {
        using var scratch = new ScratchDirectory();
        // one thread in the process, all cores in-process: the bytes must not depend on the thread count either
        var result = CliProcess.Run(scratch.Path, "tour", "--out", "report", "--threads", "1");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr); // not a terminal: no progress lines
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(TourRunner.Chapters.Count + 2, lines.Length);
        Assert.Equal($"wrote {Path.Combine(scratch.Path, "report", "index.html")} ({tour.Result.Figures.Count} figures, metrics.json)", lines[^1]);
        Assert.Matches("^step +model +data +metric +value$", lines[0]);
        for (int k = 1; k < lines.Length - 1; k++)
            Assert.StartsWith(k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "  ", lines[k].TrimStart());

        string folder = Path.Combine(scratch.Path, "report");
        Assert.Equal(tour.Result.Html, File.ReadAllText(Path.Combine(folder, "index.html")));
        Assert.Equal(tour.Result.MetricsJson, File.ReadAllText(Path.Combine(folder, "metrics.json")));
        foreach (var figure in tour.Result.Figures)
            Assert.Equal(figure.Figure.ToSvg(), File.ReadAllText(Path.Combine(folder, figure.FileName)));
        Assert.Equal(tour.Result.Figures.Count + 3, Directory.GetFiles(folder).Length);   // with the list of files written
    }

    [Fact]
    public void Command_RefusesAnOutputThatIsAFile()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(Path.Combine(scratch.Path, "taken"), "x");
        var result = CliProcess.Run(scratch.Path, "tour", "--out", "taken");
        CliProcess.AssertBadInput(result);
        Assert.Contains("it is a file", result.Stderr);
    }

    [GeneratedRegex("<svg[\\s\\S]*?</svg>")]
    private static partial Regex SvgRegex();
}
