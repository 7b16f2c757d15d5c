using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Descent.Data;

namespace Descent.Tests.Cli;

/// <summary>
/// <c>descent report</c> run as a process: the folder holds a self-contained index.html, well-formed figures, a
/// model.json, and a metrics.json whose evaluate keys equal what <c>evaluate --json</c> says of that model on the same
/// test rows; the same seed gives the same bytes; bad input is exit 2 with nothing written.
/// </summary>
public class ReportCommandTests
{
    private static readonly string[] ClassificationKeys = ["accuracy", "precision", "recall", "f1", "log_loss", "roc_auc", "confusion_matrix", "classes"];
    private static readonly string[] RegressionKeys = ["mse", "rmse", "mae", "r2"];

    [Fact]
    public void Classifier_ReportEqualsEvaluateOnTheSameSplit_AndIsReproducible()
    {
        using var scratch = new ScratchDirectory();
        string[] args = ["report", "logistic", "--data", "breast_cancer", "--target", "malignant", "--standardize", "--seed", "3", "--quiet"];
        var first = CliProcess.Run(scratch.Path, [.. args, "--out", "r1"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        string folder = Path.Combine(scratch.Path, "r1");
        string[] svgs = Directory.GetFiles(folder, "*.svg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(["01-confusion-matrix.svg", "02-roc.svg", "03-precision-recall.svg", "04-loss-curve.svg", "05-learning-curve.svg"], svgs);
        foreach (string svg in svgs)
            XDocument.Parse(File.ReadAllText(Path.Combine(folder, svg)));
        AssertSelfContained(File.ReadAllText(Path.Combine(folder, "index.html")), svgs.Length);

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!.AsObject();
        Assert.Equal(143, (int)metrics["test_rows"]!);
        Assert.Equal(426, (int)metrics["train_rows"]!);
        var evaluation = EvaluateOnTestRows(scratch, folder, "breast_cancer", metrics);
        foreach (string key in ClassificationKeys)
            Assert.True(JsonNode.DeepEquals(evaluation[key], metrics[key]), $"{key}: evaluate {evaluation[key]?.ToJsonString()} report {metrics[key]?.ToJsonString()}");
        Assert.Equal(evaluation.Count, ClassificationKeys.Length);

        var second = CliProcess.Run(scratch.Path, [.. args, "--out", "r2", "--threads", "1"]);
        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (string file in Directory.GetFiles(folder))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(scratch.Path, "r2", Path.GetFileName(file))));
    }

    [Fact]
    public void Regressor_ReportEqualsEvaluate_AndDrawsPredictionsAndTheTree()
    {
        using var scratch = new ScratchDirectory();
        string folder = Path.Combine(scratch.Path, "r");
        var run = CliProcess.Run(scratch.Path, "report", "tree-regressor", "--data", "diabetes", "--target", "progression", "--max-depth", "3",
            "--test-size", "0.3", "--out", "r", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        string[] svgs = Directory.GetFiles(folder, "*.svg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(["01-predicted-vs-actual.svg", "02-residuals.svg", "03-tree.svg", "04-feature-importances.svg", "05-learning-curve.svg"], svgs);
        AssertSelfContained(File.ReadAllText(Path.Combine(folder, "index.html")), svgs.Length);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!.AsObject();
        Assert.Equal(133, (int)metrics["test_rows"]!);
        var evaluation = EvaluateOnTestRows(scratch, folder, "diabetes", metrics);
        foreach (string key in RegressionKeys)
            Assert.True(JsonNode.DeepEquals(evaluation[key], metrics[key]), key);
    }

    [Fact]
    public void TreeClassifier_OnCategories_AddsTheInformationGainOfEachColumn()
    {
        using var scratch = new ScratchDirectory();
        var run = CliProcess.Run(scratch.Path, "report", "tree-classifier", "--criterion", "entropy", "--data", "play_tennis", "--target", "play",
            "--test-size", "0.3", "--out", "r", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        string file = Assert.Single(Directory.GetFiles(Path.Combine(scratch.Path, "r"), "*-information-gain.svg"));
        var texts = XDocument.Parse(File.ReadAllText(file)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
        Assert.Contains(texts, t => t.StartsWith("Information gain of each column about 'play' (", StringComparison.Ordinal));
        Assert.Equal(["humidity", "outlook", "temperature", "wind"], texts.Where(t => t is "outlook" or "temperature" or "humidity" or "wind").Order(StringComparer.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("chosen split: ", StringComparison.Ordinal));
    }

    [Fact]
    public void LinearModels_AddTheirSurfaces_TheDescentOnItsCostAndThePlaneOverTwoFeatures()
    {
        using var scratch = new ScratchDirectory();
        var gd = CliProcess.Run(scratch.Path, "report", "linear", "--solver", "gd", "--data", "food_truck", "--target", "profit_10k_usd",
            "--epochs", "200", "--out", "gd", "--quiet");
        Assert.True(gd.ExitCode == 0, gd.ToString());
        string[] svgs = Directory.GetFiles(Path.Combine(scratch.Path, "gd"), "*.svg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(["01-predicted-vs-actual.svg", "02-residuals.svg", "03-regression-line.svg", "04-loss-curve.svg", "05-cost-surface-3d.svg",
            "06-learning-curve.svg"], svgs);
        var surface = XDocument.Parse(File.ReadAllText(Path.Combine(scratch.Path, "gd", "05-cost-surface-3d.svg")));
        Assert.Contains(surface.Descendants(), e => (string?)e.Attribute("class") == "scene3d");
        Assert.Contains(surface.Descendants(), e => e.Value == "gradient descent (200 steps)");

        var plane = CliProcess.Run(scratch.Path, "report", "linear", "--data", "house_prices", "--target", "price", "--standardize", "--out", "plane", "--quiet");
        Assert.True(plane.ExitCode == 0, plane.ToString());
        var figure = XDocument.Parse(File.ReadAllText(Path.Combine(scratch.Path, "plane", "03-regression-plane.svg")));
        // one residual stick per test row (12 of 47), the plane drawn over the raw features through the saved scaling
        int sticks = figure.Descendants().Where(e => (string?)e.Attribute("class") == "s3-stick")
            .Sum(e => ((string)e.Attribute("d")!).Count(c => c == 'M'));
        Assert.Equal(12, sticks);
        Assert.Contains(figure.Descendants(), e => e.Value == "size_sqft");
    }

    [Fact]
    public void BadInput_IsExit2WithNothingWritten()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(Path.Combine(scratch.Path, "taken"), "a file");
        string[][] cases =
        [
            ["report", "logistic", "--data", "iris", "--target", "species", "--test-size", "1.5", "--out", "r"],
            ["report", "ridge", "--data", "iris", "--target", "no_such_column", "--out", "r"],
            ["report", "ridge", "--data", "iris", "--target", "species", "--alpha", "-1", "--out", "r"],
            ["report", "knn", "--data", "iris", "--target", "species", "--out", "r"],
            ["report", "ridge", "--data", "diabetes", "--target", "progression", "--out", "taken"],
        ];
        foreach (string[] args in cases)
        {
            var result = CliProcess.Run(scratch.Path, args);
            CliProcess.AssertBadInput(result);
            Assert.False(Directory.Exists(Path.Combine(scratch.Path, "r")), string.Join(' ', args));
        }
        Assert.Equal("a file", File.ReadAllText(Path.Combine(scratch.Path, "taken")));
    }

    /// <summary>Runs evaluate --json on the report's model.json and the data's rows listed in test_indices.</summary>
    private static JsonObject EvaluateOnTestRows(ScratchDirectory scratch, string folder, string dataset, JsonObject metrics)
    {
        int[] rows = metrics["test_indices"]!.AsArray().Select(n => (int)n!).ToArray();
        string[] lines = ReadCsvLines(dataset);
        var csv = new StringBuilder(lines[0]).Append('\n');
        foreach (int row in rows)
            csv.Append(lines[row + 1]).Append('\n');
        File.WriteAllText(Path.Combine(scratch.Path, "test.csv"), csv.ToString());
        var result = CliProcess.Run(scratch.Path, "evaluate", "--model", Path.Combine(folder, "model.json"), "--data", "test.csv", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    private static string[] ReadCsvLines(string dataset)
    {
        using var reader = new StreamReader(Datasets.OpenCsv(dataset));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    private static void AssertSelfContained(string html, int figures)
    {
        Assert.Equal(figures, CountOf(html, "<svg"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
