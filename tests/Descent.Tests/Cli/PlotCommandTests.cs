using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Descent.Data;
using Descent.Metrics;
using Descent.Persistence;

namespace Descent.Tests.Cli;

/// <summary>
/// <c>descent plot KIND</c> run as a process: every kind writes a well-formed SVG whose content is the model's (the
/// ROC legend's AUC is the library's AUC on that data, the loss curve's count is the model's), and bad input is
/// exit 2 with one error line and no file.
/// </summary>
public class PlotCommandTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Runs descent, asserts success, and returns the SVG written to <paramref name="output"/> with its texts.</summary>
    private static (XDocument Document, string[] Texts) Plot(ScratchDirectory scratch, string output, params string[] args)
    {
        var result = CliProcess.Run(scratch.Path, [.. args, "--out", output, "--quiet"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        var document = XDocument.Parse(File.ReadAllText(Path.Combine(scratch.Path, output)));
        Assert.Equal(Svg + "svg", document.Root!.Name);
        string[] texts = document.Descendants(Svg + "text").Select(t => t.Value).ToArray();
        return (document, texts);
    }

    private static void Fit(ScratchDirectory scratch, params string[] args)
    {
        var result = CliProcess.Run(scratch.Path, ["fit", .. args, "--quiet"]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void GradientDescentKinds_DrawTheSavedPathAndCosts()
    {
        using var scratch = new ScratchDirectory();
        Fit(scratch, "linear", "--solver", "gd", "--data", "food_truck", "--target", "profit_10k_usd", "--epochs", "300", "--out", "truck.json");
        var saved = ModelFile.Load(Path.Combine(scratch.Path, "truck.json"));
        var history = ((Descent.Linear.LinearModel)saved.Model).History;

        var (_, cost) = Plot(scratch, "cost.svg", "plot", "cost-surface", "--model", "truck.json", "--data", "food_truck");
        // title and legend count the same steps: a path of n + 1 points is n steps
        Assert.Contains($"Gradient descent on J(θ₀, θ₁): {history.ParameterPath!.Count - 1} steps", cost);
        Assert.Contains($"gradient descent ({history.ParameterPath.Count - 1} steps)", cost);
        Assert.Contains(cost, t => t.StartsWith("θ₁ (slope on population_10k", StringComparison.Ordinal));

        var (surface, surfaceTexts) = Plot(scratch, "surface.svg", "plot", "cost-surface-3d", "--model", "truck.json", "--data", "food_truck");
        Assert.Single(surface.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "scene3d");
        Assert.Contains($"gradient descent ({history.ParameterPath.Count - 1} steps)", surfaceTexts);
        Assert.Contains("θ₁ (slope on population_10k)", surfaceTexts);

        var (_, path) = Plot(scratch, "path.svg", "plot", "gd-path", "--model", "truck.json", "--data", "food_truck");
        double[] last = history.ParameterPath[^1];
        Assert.Contains(path, t => t.StartsWith($"after {history.ParameterPath.Count - 1} steps: θ = (", StringComparison.Ordinal));
        Assert.Contains(path, t => t == "start: θ = (0, 0)");
        Assert.True(last[1] > 0.5, "the descent moved the slope");

        var (_, loss) = Plot(scratch, "loss.svg", "plot", "loss-curve", "--model", "truck.json", "--log-y");
        Assert.Contains($"Cost during training (linear-gd, {history.Costs.Count} iterations)", loss);

        var (_, line) = Plot(scratch, "line.svg", "plot", "regression-line", "--model", "truck.json", "--data", "food_truck");
        Assert.Contains("linear-gd fit on 97 points", line);
        Assert.Contains(line, t => t.StartsWith("ŷ = ", StringComparison.Ordinal));
    }

    [Fact]
    public void RegressionPlane_DrawsTheLinearModelsEquation_AndOneResidualPerRow()
    {
        using var scratch = new ScratchDirectory();
        Fit(scratch, "linear", "--data", "house_prices", "--target", "price", "--out", "house.json");
        var model = (Descent.Linear.LinearModel)ModelFile.Load(Path.Combine(scratch.Path, "house.json")).Model;
        var (document, texts) = Plot(scratch, "plane.svg", "plot", "regression-plane", "--model", "house.json", "--data", "house_prices");
        Assert.Contains(texts, t => t.StartsWith($"ŷ = {Descent.Plotting.Ticks.Significant(model.Intercept, 4)} + ", StringComparison.Ordinal));
        int sticks = document.Descendants(Svg + "path").Where(e => (string?)e.Attribute("class") == "s3-stick")
            .Sum(e => ((string)e.Attribute("d")!).Count(c => c == 'M'));
        Assert.Equal(47, sticks);
        var bad = CliProcess.Run(scratch.Path, "plot", "regression-plane", "--model", "house.json", "--data", "food_truck", "--out", "x.svg");
        CliProcess.AssertBadInput(bad);
    }

    [Fact]
    public void DescentKinds_DrawTheDivergingRateMarked_TheDivergedValidationRates_AndEachRandomStart()
    {
        using var scratch = new ScratchDirectory();
        var (rates, rateTexts) = Plot(scratch, "rates.svg", "plot", "learning-rates", "--data", "house_prices", "--standardize", "--rates", "2,1,0.1");
        Assert.Contains("α = 2: diverged, stopped at step 5", rateTexts);
        Assert.Contains("α = 1", rateTexts);
        Assert.Single(rates.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "series scatter");   // the cross at the stop

        var (_, validation) = Plot(scratch, "validation.svg", "plot", "validation-curve", "linear", "--solver", "gd", "--epochs", "50",
            "--standardize", "--param", "learning-rate", "--values", "0.01,0.1,1,2,3", "--data", "house_prices");
        Assert.Contains("diverged (no finite error)", validation);
        Assert.Contains("lowest validation error (learning-rate = 1)", validation);

        var (_, startTexts) = Plot(scratch, "starts.svg", "plot", "gd-starts", "--data", "food_truck", "--starts", "3", "--epochs", "200");
        Assert.Equal(3, startTexts.Count(t => t.StartsWith("from (", StringComparison.Ordinal) && t.EndsWith(": 200 steps", StringComparison.Ordinal)));
        var bad = CliProcess.Run(scratch.Path, "plot", "gd-starts", "--data", "house_prices", "--out", "x.svg");
        CliProcess.AssertBadInput(bad);
        Assert.Contains("one feature", bad.Stderr);
    }

    [Fact]
    public void LogisticFunctionKinds_DrawTheCostOfAnExample_AndTheSaturatedSigmoid()
    {
        using var scratch = new ScratchDirectory();
        var (_, loss) = Plot(scratch, "loss.svg", "plot", "log-loss");
        Assert.Contains("y = 1: cost −log ŷ", loss);
        Assert.Contains("y = 0: cost −log(1 − ŷ)", loss);
        var (_, sigmoid) = Plot(scratch, "sigmoid.svg", "plot", "sigmoid", "--z-max", "8", "--saturation", "4");
        Assert.Contains("saturated: |z| > 4, σ′ < 0.0177", sigmoid);
        CliProcess.AssertBadInput(CliProcess.Run(scratch.Path, "plot", "sigmoid", "--z-max", "3", "--saturation", "4", "--out", "x.svg"));
    }

    [Fact]
    public void PrecisionRecallKind_OnThreeClasses_DrawsEachClassAgainstTheRest_OrTheOneGiven()
    {
        using var scratch = new ScratchDirectory();
        Fit(scratch, "logistic", "--data", "iris", "--target", "species", "--features", "sepal_length_cm,sepal_width_cm", "--out", "iris.json");
        var (_, all) = Plot(scratch, "pr.svg", "plot", "pr", "--model", "iris.json", "--data", "iris");
        Assert.Equal(3, all.Count(t => t.Contains(" vs rest (AP = ", StringComparison.Ordinal)));
        var (_, one) = Plot(scratch, "pr2.svg", "plot", "pr", "--model", "iris.json", "--data", "iris", "--positive", "2");
        Assert.Single(one, t => t.StartsWith("2 vs rest (AP = ", StringComparison.Ordinal));
    }

    [Fact]
    public void InformationGainKind_RanksTheColumnsOfATable_CategoriesAndNumbers()
    {
        using var scratch = new ScratchDirectory();
        var (_, tennis) = Plot(scratch, "gain.svg", "plot", "information-gain", "--data", "play_tennis");
        Assert.Contains("chosen split: outlook", tennis);
        Assert.Contains("entropy H(S) = 0.940 bits", tennis);
        Assert.Contains("Information gain of each attribute about 'play' (14 rows)", tennis);
        File.WriteAllText(Path.Combine(scratch.Path, "days.csv"), "outlook,humidity_pct,windy,play\nsunny,85,no,no\nsunny,90,yes,no\n" +
            "overcast,78,no,yes\nrain,96,no,yes\nrain,80,no,yes\nrain,70,yes,no\n");
        var (_, days) = Plot(scratch, "days.svg", "plot", "information-gain", "--data", "days.csv", "--target", "play", "--features", "humidity_pct,windy");
        Assert.DoesNotContain(days, t => t.StartsWith("outlook", StringComparison.Ordinal));
        Assert.Contains(days, t => t.StartsWith("humidity_pct ≤ ", StringComparison.Ordinal));
        var noTarget = CliProcess.Run(scratch.Path, "plot", "information-gain", "--data", "days.csv", "--out", "x.svg");
        CliProcess.AssertBadInput(noTarget);
        Assert.Contains("give --target COL", noTarget.Stderr);
        var regression = CliProcess.Run(scratch.Path, "plot", "information-gain", "--data", "diabetes", "--out", "x.svg");
        CliProcess.AssertBadInput(regression);
        Assert.Contains("'progression' holds 214 distinct numbers, not class labels", regression.Stderr);
    }

    [Fact]
    public void BiasVarianceKind_DecomposesARegressorsErrorOnTheUsersData_WithTheNoiseInsideTheBias()
    {
        using var scratch = new ScratchDirectory();
        var (document, texts) = Plot(scratch, "bv.svg", "plot", "bias-variance", "--data", "food_truck", "--values", "1,2,3", "--resamples", "20");
        Assert.Contains("bias² (with the noise)", texts);
        Assert.Contains("bias² + variance", texts);
        Assert.DoesNotContain("noise σ²", texts);
        Assert.Contains("Bias² + variance of linear on food_truck.csv (20 bootstrap sets)", texts);
        Assert.Equal(3, SvgProbeCount(document, "measured test error"));
        var classifier = CliProcess.Run(scratch.Path, "plot", "bias-variance", "--data", "iris", "--target", "species", "--out", "x.svg");
        CliProcess.AssertBadInput(classifier);
        Assert.Contains("regressor", classifier.Stderr);
    }

    /// <summary>How many markers the scatter series labelled <paramref name="label"/> draws.</summary>
    private static int SvgProbeCount(XDocument document, string label) =>
        ((string)document.Descendants(Svg + "path").Single(p => (string?)p.Attribute("data-label") == label).Attribute("d")!).Count(c => c == 'M');

    [Fact]
    public void ClassifierKinds_ShowTheLibrarysMetricsOnTheData()
    {
        using var scratch = new ScratchDirectory();
        Fit(scratch, "logistic", "--data", "exam_scores", "--target", "admitted", "--standardize", "--degree", "2", "--out", "exam.json");
        var saved = ModelFile.Load(Path.Combine(scratch.Path, "exam.json"));
        Dataset data = Datasets.Load("exam_scores");
        var x = saved.Prepare(data.Features);
        int[] truth = saved.Classifier!.Classes.Count == 2 ? data.RequireNumericTarget().Select(v => (int)v).ToArray() : [];
        double[] score = saved.Classifier.PredictProbabilities(x).Column(1).ToArray();
        int[] predicted = saved.Classifier.PredictClassIndices(x);

        var (_, roc) = Plot(scratch, "roc.svg", "plot", "roc", "--model", "exam.json", "--data", "exam_scores");
        double auc = RankingMetrics.RocAuc(truth, score);
        Assert.Contains($"logistic (AUC = {auc.ToString("0.000", CultureInfo.InvariantCulture)})", roc);

        var (_, pr) = Plot(scratch, "pr.svg", "plot", "pr", "--model", "exam.json", "--data", "exam_scores");
        double ap = RankingMetrics.AveragePrecision(truth, score);
        Assert.Contains($"logistic (AP = {ap.ToString("0.000", CultureInfo.InvariantCulture)})", pr);

        var (_, confusion) = Plot(scratch, "cm.svg", "plot", "confusion-matrix", "--model", "exam.json", "--data", "exam_scores");
        var matrix = ClassificationMetrics.ConfusionMatrix(truth, predicted, [0, 1]);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.Contains(((int)matrix[i, j]).ToString(CultureInfo.InvariantCulture), confusion);
        Assert.Contains("Confusion matrix of logistic on 100 rows", confusion);

        var (_, boundary) = Plot(scratch, "db.svg", "plot", "decision-boundary", "--model", "exam.json", "--data", "exam_scores");
        Assert.Contains("decision boundary (P = 0.5)", boundary);
        // the rows the model gets wrong are ringed and counted
        int wrong = predicted.Where((p, i) => p != truth[i]).Count();
        Assert.Contains($"misclassified: {wrong} of 100", boundary);
        // The grid is in raw exam scores; the saved polynomial features and scaling are applied to each point.
        var probe = new Descent.Tests.Plotting.SvgProbe(File.ReadAllText(Path.Combine(scratch.Path, "db.svg")));
        var axes = probe.Axes.Single();
        var contour = probe.Paths("contour-line").Single(e => (string?)e.Attribute("data-level") == "0.5");
        var points = Descent.Tests.Plotting.SvgProbe.PathPoints((string)contour.Attribute("d")!);
        Assert.True(points.Count > 10, "the boundary crosses the plot");
        foreach (var (px, py) in points)
        {
            var (a, b) = Descent.Tests.Plotting.SvgProbe.ToData(axes, px, py);
            Assert.Equal(0.5, saved.Classifier.PredictProbabilities(saved.Prepare(Descent.Numerics.Matrix.FromRows([[a, b]])))[0, 1], 0.03);
        }
        Assert.Contains("exam1", boundary);
        Assert.Contains("exam2", boundary);
        Assert.Contains("P(1)", boundary);
    }

    [Fact]
    public void TreeKind_DrawsTheTreeAndAForestsChosenTree()
    {
        using var scratch = new ScratchDirectory();
        Fit(scratch, "tree-classifier", "--data", "iris", "--target", "species", "--max-depth", "2", "--out", "tree.json");
        var (_, tree) = Plot(scratch, "tree.svg", "plot", "tree", "--model", "tree.json");
        Assert.Contains("samples = 150", tree);
        Assert.Contains("Decision tree (depth 2, 3 leaves)", tree);

        Fit(scratch, "forest-classifier", "--data", "wine", "--target", "cultivar", "--n-estimators", "3", "--out", "forest.json");
        var (_, second) = Plot(scratch, "t2.svg", "plot", "tree", "--model", "forest.json", "--tree-index", "2", "--max-depth", "2");
        Assert.Contains(second, t => t.StartsWith("Tree 2 of a forest of 3 (depth ", StringComparison.Ordinal));
        var outOfRange = CliProcess.Run(scratch.Path, "plot", "tree", "--model", "forest.json", "--tree-index", "3", "--out", "t3.svg");
        CliProcess.AssertBadInput(outOfRange);
        Assert.Contains("forest of 3 trees", outOfRange.Stderr);
        Assert.False(File.Exists(Path.Combine(scratch.Path, "t3.svg")));
    }

    [Fact]
    public void TrainingKinds_DrawCurvesOfTheNamedModel()
    {
        using var scratch = new ScratchDirectory();
        var (_, learning) = Plot(scratch, "lc.svg", "plot", "learning-curve", "ridge", "--alpha", "0.5", "--data", "diabetes",
            "--train-sizes", "0.2,0.6,1", "--folds", "3");
        Assert.Contains("Learning curve of ridge on diabetes.csv", learning);
        Assert.Contains("Mean squared error", learning);

        var (_, validation) = Plot(scratch, "vc.svg", "plot", "validation-curve", "tree-classifier", "--param", "max-depth",
            "--values", "1,2,3", "--data", "iris", "--folds", "3");
        Assert.Contains("Validation curve of tree-classifier on iris.csv", validation);
        Assert.Contains("Misclassification rate", validation);
        Assert.Contains("max-depth", validation);

        var (_, path) = Plot(scratch, "rp.svg", "plot", "regularization-path", "--data", "diabetes", "--standardize", "--alphas", "0.1,1,10");
        Assert.Contains("Lasso regularization path on diabetes.csv", path);
        Assert.Contains("bmi", path);

        var (_, fits) = Plot(scratch, "pf.svg", "plot", "polynomial-fits", "--data", "food_truck", "--degrees", "1,4");
        Assert.Contains(fits, t => t.Contains("degree 4", StringComparison.Ordinal));

        var (_, activations) = Plot(scratch, "act.svg", "plot", "activations");
        Assert.Contains(activations, t => t.Contains("sigmoid", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(activations, t => t.Contains("ReLU", StringComparison.Ordinal));
    }

    [Fact]
    public void BadInput_IsExit2WithOneLineAndNoFile()
    {
        using var scratch = new ScratchDirectory();
        Fit(scratch, "linear", "--data", "food_truck", "--target", "profit_10k_usd", "--out", "closed.json");
        Fit(scratch, "ridge", "--data", "diabetes", "--target", "progression", "--out", "ridge.json");
        Fit(scratch, "logistic", "--data", "iris", "--target", "species", "--out", "iris4.json");
        string[][] cases =
        [
            ["plot", "heatmap-of-everything"],
            ["plot", "cost-surface", "--model", "closed.json", "--data", "food_truck"],
            ["plot", "gd-path", "--model", "ridge.json", "--data", "diabetes"],
            ["plot", "regression-line", "--model", "closed.json"],
            ["plot", "regression-line", "--model", "ridge.json", "--data", "diabetes"],
            ["plot", "roc", "--model", "ridge.json", "--data", "diabetes"],
            ["plot", "loss-curve", "--model", "closed.json"],
            ["plot", "tree", "--model", "ridge.json"],
            ["plot", "learning-curve", "ridge", "--no-such-option", "1", "--data", "diabetes"],
            ["plot", "validation-curve", "--param", "wingspan", "--data", "diabetes"],
            ["plot", "polynomial-fits", "--data", "diabetes"],
            ["plot", "activations", "--z-min", "3", "--z-max", "1"],
        ];
        foreach (string[] args in cases)
        {
            var result = CliProcess.Run(scratch.Path, [.. args, "--out", "bad.svg"]);
            CliProcess.AssertBadInput(result);
            Assert.False(File.Exists(Path.Combine(scratch.Path, "bad.svg")), string.Join(' ', args));
        }
        var noData = CliProcess.Run(scratch.Path, "plot", "regression-line", "--model", "closed.json", "--out", "bad.svg");
        Assert.Contains("needs --data", noData.Stderr);
        var closedForm = CliProcess.Run(scratch.Path, "plot", "cost-surface", "--model", "closed.json", "--data", "food_truck", "--out", "bad.svg");
        Assert.Contains("--solver gd", closedForm.Stderr);
        var fourFeatures = CliProcess.Run(scratch.Path, "plot", "decision-boundary", "--model", "iris4.json", "--data", "iris", "--out", "bad.svg");
        CliProcess.AssertBadInput(fourFeatures);
        Assert.Contains("two features, but 'iris4.json' has 4", fourFeatures.Stderr);
        var twoClassesNeeded = CliProcess.Run(scratch.Path, "plot", "decision-boundary", "--model", "ridge.json", "--data", "diabetes", "--out", "bad.svg");
        Assert.Contains("draws a classifier", twoClassesNeeded.Stderr);
    }
}
