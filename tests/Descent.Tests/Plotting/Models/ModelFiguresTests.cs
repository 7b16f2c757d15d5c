using System.Globalization;
using System.Xml.Linq;
using Descent.Plotting.Models;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Tests.Plotting;
using Descent.Trees;

namespace Descent.Tests.Plotting.Models;

/// <summary>The model → figure glue: the pictures show what the fitted models hold.</summary>
public class ModelFiguresTests
{
    private static readonly XNamespace Svg = SvgProbe.Svg;

    private static List<XElement> Boxes(XDocument svg) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class") ?? "").StartsWith("tree-node", StringComparison.Ordinal)).ToList();

    [Fact]
    public void TreeDiagram_OfAFittedClassifier_HasOneBoxPerNode_WithItsSplitSamplesCountsAndClass()
    {
        Dataset iris = Datasets.Load("iris");
        var model = new DecisionTreeClassifier { MaxDepth = 3 }.Fit(iris.Features, iris.RequireClassLabels());
        string[] names = ["setosa", "versicolor", "virginica"];
        var svg = XDocument.Parse(ModelFigures.TreeDiagram(model, iris.FeatureNames, names).ToSvg());

        var boxes = Boxes(svg);
        Assert.Equal(model.Tree.NodeCount, boxes.Count);
        foreach (var box in boxes)
        {
            int i = int.Parse((string)box.Attribute("data-node")!, CultureInfo.InvariantCulture);
            TreeNode node = model.Tree.Nodes[i];
            var lines = box.Descendants(Svg + "text").Select(t => t.Value).ToList();
            var counts = model.Tree.Value(i).ToArray();
            int majority = Array.IndexOf(counts, counts.Max());
            var expected = new List<string>();
            if (!node.IsLeaf)
                expected.Add($"{iris.FeatureNames[node.Feature]} ≤ {node.Threshold.ToString("0.###", CultureInfo.InvariantCulture)}");
            expected.Add($"gini = {node.Impurity.ToString("0.###", CultureInfo.InvariantCulture)}");
            expected.Add($"samples = {node.Samples}");
            expected.Add($"value = [{string.Join(", ", counts.Select(c => c.ToString("0.###", CultureInfo.InvariantCulture)))}]");
            expected.Add($"class = {names[majority]}");
            Assert.Equal(expected, lines);
        }
        // the root of iris splits off setosa on a petal measurement, as scikit-learn's tree does
        var root = boxes.Single(b => (string)b.Attribute("data-node")! == "0");
        Assert.StartsWith("petal_", root.Descendants(Svg + "text").First().Value);
        Assert.Contains("samples = 150", root.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void DiagramNodes_TintByMajorityClass_WithPurityFromTheTwoLargestFractions()
    {
        Dataset iris = Datasets.Load("iris");
        var model = new DecisionTreeClassifier { MaxDepth = 2 }.Fit(iris.Features, iris.RequireClassLabels());
        var nodes = ModelFigures.DiagramNodes(model.Tree, iris.FeatureNames, ["a", "b", "c"], model.Criterion);
        for (int i = 0; i < nodes.Length; i++)
        {
            var counts = model.Tree.Value(i).ToArray();
            var fractions = counts.Select(c => c / counts.Sum()).OrderDescending().ToArray();
            Assert.Equal(Array.IndexOf(counts, counts.Max()), nodes[i].ColorIndex);
            Assert.Equal((fractions[0] - fractions[1]) / (1 - fractions[1]), nodes[i].Strength, 12);
            Assert.Equal(model.Tree.Nodes[i].Left, nodes[i].Left);
            Assert.Equal(model.Tree.Nodes[i].Right, nodes[i].Right);
        }
        Assert.Equal(1.0, nodes[1].Strength); // the pure setosa leaf
    }

    [Fact]
    public void TreeDiagram_OfARegressionTree_ShowsMeanValues_AndSummarisesDeepLevels()
    {
        Dataset diabetes = Datasets.Load("diabetes");
        var model = new DecisionTreeRegressor { MaxDepth = 5 }.Fit(diabetes.Features, diabetes.RequireNumericTarget());
        var svg = XDocument.Parse(ModelFigures.TreeDiagram(model, diabetes.FeatureNames, maxDepth: 2).ToSvg());
        var boxes = Boxes(svg);
        Assert.Equal(7, boxes.Count);
        var root = boxes.Single(b => (string)b.Attribute("data-node")! == "0").Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains($"value = {diabetes.RequireNumericTarget().Average().ToString("0.###", CultureInfo.InvariantCulture)}", root);
        Assert.StartsWith("squared_error = ", root[1]);
        var stubs = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "tree-elided").ToList();
        Assert.Equal(model.Tree.NodeCount - 7, stubs.Sum(s => int.Parse((string)s.Attribute("data-nodes")!, CultureInfo.InvariantCulture)));
        Assert.Contains("levels below 2 summarised", svg.Descendants(Svg + "title").Single().Value);
    }

    [Fact]
    public void TreeDiagram_RejectsFeatureNamesOfTheWrongCount()
    {
        Dataset iris = Datasets.Load("iris");
        var model = new DecisionTreeClassifier { MaxDepth = 1 }.Fit(iris.Features, iris.RequireClassLabels());
        var error = Assert.Throws<ArgumentException>(() => ModelFigures.TreeDiagram(model, ["a", "b"]));
        Assert.Contains("2 feature names for a tree fitted on 4 features", error.Message);
    }

    [Fact]
    public void UnivariateCost_EqualsTheCourseCost_AndCostSurfaceDrawsTheDescentPath()
    {
        Dataset data = Datasets.Load("food_truck");
        double[] x = data.Features.Column(0).ToArray(), y = data.RequireNumericTarget();
        var cost = ModelFigures.UnivariateCost(x, y);
        foreach (var (t0, t1) in new[] { (0.0, 0.0), (-1.0, 2.0), (-3.63, 1.17) })
        {
            double direct = x.Select((v, i) => Math.Pow(t0 + t1 * v - y[i], 2)).Sum() / (2 * x.Length);
            Assert.Equal(direct, cost(t0, t1), 1e-9);
        }
        Assert.Equal(32.0727, cost(0, 0), 4);   // the course's J at θ = 0
        Assert.Equal(54.2425, cost(-1, 2), 4);  // and at θ = (-1, 2)

        var gd = new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, Epochs = 50, Tolerance = 0 }
            .Fit(data.Features, y);
        var probe = new SvgProbe(ModelFigures.CostSurface(gd, x, y, "population").ToSvg());
        var path = probe.Document.Descendants(Svg + "path")
            .Single(p => ((string?)p.Attribute("data-label") ?? "").StartsWith("gradient descent (50 steps)", StringComparison.Ordinal));
        var axes = probe.Axes.Single();
        var points = SvgProbe.PathPoints((string)path.Attribute("d")!);
        Assert.Equal(51, points.Count);
        var (end0, end1) = SvgProbe.ToData(axes, points[^1].X, points[^1].Y);
        var (pixels0, pixels1) = SvgProbe.PixelsPerUnit(axes);
        Assert.Equal(gd.Intercept, end0, 0.01 / pixels0 + 1e-9);
        Assert.Equal(gd.Coefficients[0], end1, 0.01 / pixels1 + 1e-9);
    }

    [Fact]
    public void CostSurface_RefusesAModelWithoutAPath() =>
        Assert.Contains("gradient-descent solver", Assert.Throws<ArgumentException>(() =>
            ModelFigures.CostSurface(new LinearRegression().Fit(Matrix.FromRows([[1.0], [2.0], [3.0]]), [1.0, 2.0, 2.5]), [1, 2, 3], [1, 2, 2.5])).Message);

    [Fact]
    public void DecisionBoundary_OfAnyTwoFeatureClassifier_IsWhereItsProbabilityIsHalf()
    {
        Dataset data = Datasets.Load("exam_scores");
        var labels = data.RequireClassLabels();
        var model = new LogisticRegression().Fit(data.Features, labels);
        var probe = new SvgProbe(ModelFigures.DecisionBoundary(model, data.Features, labels, "exam 1", "exam 2").ToSvg());
        var axes = probe.Axes.Single();
        var boundary = probe.Paths("contour-line").Single(e => (string?)e.Attribute("data-level") == "0.5");
        foreach (var (px, py) in SvgProbe.PathPoints((string)boundary.Attribute("d")!))
        {
            var (a, b) = SvgProbe.ToData(axes, px, py);
            Assert.Equal(0.5, model.PredictProbabilities(Matrix.FromRows([[a, b]]))[0, 1], 0.02);
        }
        // the applicants the model gets wrong are ringed and counted
        int wrong = model.PredictClassIndices(data.Features).Where((k, i) => k != labels.Indices[i]).Count();
        Assert.Equal(["0", "1", $"misclassified: {wrong} of 100"], probe.Paths("scatter").Select(s => (string)s.Attribute("data-label")!));
        Assert.Equal(wrong, ((string)probe.Paths("scatter").Last().Attribute("d")!).Count(c => c == 'M'));
    }

    [Fact]
    public void DecisionBoundary_WithThreeClasses_DrawsRegions_AndRefusesOtherFeatureCounts()
    {
        Dataset iris = Datasets.Load("iris");
        var labels = iris.RequireClassLabels();
        var petals = iris.SelectFeatures(["petal_length_cm", "petal_width_cm"]).Features;
        var model = new SoftmaxRegression().Fit(petals, labels);
        var probe = new SvgProbe(ModelFigures.DecisionBoundary(model, petals, labels, "length", "width", ["s", "v", "g"]).ToSvg());
        Assert.Equal(3, probe.Paths("contour-line").Count());
        int wrong = model.PredictClassIndices(petals).Where((k, i) => k != labels.Indices[i]).Count();
        Assert.Equal(["s", "v", "g", $"misclassified: {wrong} of 150"], probe.Paths("scatter").Select(s => (string)s.Attribute("data-label")!));

        var wide = new SoftmaxRegression().Fit(iris.Features, labels);
        Assert.Contains("two features", Assert.Throws<ArgumentException>(() =>
            ModelFigures.DecisionBoundary(wide, iris.Features, labels, "a", "b")).Message);
    }

    [Fact]
    public void Roc_AndConfusionMatrix_DrawTheMetricResults()
    {
        int[] truth = [0, 0, 1, 1, 0, 1, 1, 0];
        double[] score = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.7];
        var roc = RankingMetrics.RocCurve(truth, score);
        var probe = new SvgProbe(ModelFigures.Roc(roc, "m").ToSvg());
        var axes = probe.Axes.Single();
        var line = probe.Document.Descendants(Svg + "path").Single(p => ((string?)p.Attribute("data-label") ?? "").StartsWith("m (AUC", StringComparison.Ordinal));
        Assert.Equal(FormattableString.Invariant($"m (AUC = {RankingMetrics.RocAuc(truth, score):0.000})"), (string)line.Attribute("data-label")!);
        var points = SvgProbe.PathPoints((string)line.Attribute("d")!).Select(p => SvgProbe.ToData(axes, p.X, p.Y)).ToList();
        Assert.Equal(roc.Count, points.Count);
        for (int k = 0; k < points.Count; k++)
        {
            Assert.Equal(roc.FalsePositiveRates[k], points[k].X, 0.01);
            Assert.Equal(roc.TruePositiveRates[k], points[k].Y, 0.01);
        }

        int[] predicted = [0, 1, 0, 1, 0, 1, 1, 1];
        var matrix = ClassificationMetrics.ConfusionMatrix(truth, predicted);
        var cells = new SvgProbe(ModelFigures.ConfusionMatrix(matrix, ["no", "yes"]).ToSvg()).Document
            .Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "annotation").Select(t => t.Value).ToList();
        Assert.Equal(["2", "2", "1", "3"], cells);
    }

    [Fact]
    public void FeatureImportances_AreHorizontalBars_LargestOnTop_EachNamedWhole()
    {
        double[] importances = [0.05, 0.4, 0.15, 0.3, 0.1];
        string[] names = ["alcohol", "od280_od315_of_diluted_wines", "proline", "flavanoids", "color_intensity"];
        var probe = new SvgProbe(ModelFigures.FeatureImportances(importances, names).ToSvg());
        var axes = Assert.Single(probe.Axes);
        var bars = axes.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "series bars").Elements(Svg + "rect")
            .Select(r => (X: SvgProbe.Parse((string)r.Attribute("x")!), Y: SvgProbe.Parse((string)r.Attribute("y")!),
                Width: SvgProbe.Parse((string)r.Attribute("width")!))).ToList();
        Assert.Equal(5, bars.Count);
        var (perUnit, _) = SvgProbe.PixelsPerUnit(axes);
        double[] sorted = importances.OrderDescending().ToArray();
        for (int k = 0; k < bars.Count; k++)
        {
            Assert.Equal(sorted[k], bars[k].Width / perUnit, 0.011 / perUnit);    // bar length is the importance
            if (k > 0) Assert.True(bars[k].Y > bars[k - 1].Y, "largest on top");
            Assert.Equal(0, SvgProbe.ToData(axes, bars[k].X, 0).X, 0.011 / perUnit);   // every bar starts at 0
        }
        // the y tick labels are the names, whole, in the same order
        var ticks = axes.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "ticks").Elements(Svg + "text")
            .Where(t => (string?)t.Attribute("text-anchor") == "end").Select(t => t.Value).ToArray();
        Assert.Equal(["od280_od315_of_diluted_wines", "flavanoids", "proline", "color_intensity", "alcohol"], ticks);
    }

    [Fact]
    public void InformationGain_OfPlayTennis_DrawsEachAttributesGain_TheChosenSplitAndTheEntropy()
    {
        Table table = Datasets.LoadTable("play_tennis");
        ClassLabels play = table.RequireClassLabels();
        var probe = new SvgProbe(ModelFigures.InformationGain(table).ToSvg());
        var axes = Assert.Single(probe.Axes);
        var (perUnit, _) = SvgProbe.PixelsPerUnit(axes);
        double Width(XElement bar) => SvgProbe.Parse((string)bar.Attribute("width")!) / perUnit;
        var groups = axes.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series bars").ToList();
        Assert.Equal(2, groups.Count);    // the chosen split, then the others
        var bars = groups.SelectMany(g => g.Elements(Svg + "rect")).OrderBy(r => SvgProbe.Parse((string)r.Attribute("y")!)).ToList();
        string[] ticks = axes.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "ticks").Elements(Svg + "text")
            .Where(t => (string?)t.Attribute("text-anchor") == "end").Select(t => t.Value).ToArray();
        Assert.Equal(["outlook", "humidity", "wind", "temperature"], ticks);
        for (int k = 0; k < ticks.Length; k++)
        {
            var column = (CategoricalColumn)table[ticks[k]];
            double gain = Impurity.InformationGain(play, Enumerable.Range(0, table.Rows).Select(i => column[i]!).ToArray());
            Assert.Equal(gain, Width(bars[k]), 0.01 / perUnit);
        }
        Assert.Single(groups[0].Elements(Svg + "rect"));
        Assert.Contains("chosen split: outlook", probe.Document.Root!.Value);
        Assert.Contains("entropy H(S) = 0.940 bits", probe.Document.Root!.Value);
        Assert.Contains("0.247", axes.Value);    // each bar carries its value (Mitchell truncates 0.2467 to 0.246)
    }

    [Fact]
    public void InformationGain_OfNumericColumns_NamesEachBestThreshold_AndRefusesAnEmptyCell()
    {
        var probe = new SvgProbe(ModelFigures.InformationGain(Datasets.LoadTable("iris")).ToSvg());
        Assert.Contains("chosen split: petal_length_cm ≤ 2.45", probe.Document.Root!.Value);
        var table = new Table([new CategoricalColumn("outlook", ["sunny", null, "rain"])], "days.csv").WithTarget("play", ["no", "yes", "yes"]);
        var error = Assert.Throws<DescentDataException>(() => ModelFigures.InformationGain(table));
        Assert.Contains("days.csv, row 1, column 'outlook': the cell is empty", error.Message);
    }

    [Fact]
    public void OneVsRestCurves_DrawEachClassAgainstTheRest_WithItsAreaAndAveragePrecision()
    {
        Dataset iris = Datasets.Load("iris", new CsvReadOptions { Features = ["sepal_length_cm", "sepal_width_cm"] });
        int[] truth = iris.RequireClassLabels().Indices.ToArray();
        var scores = new LogisticRegression().Fit(iris.Features, iris.RequireClassLabels()).PredictProbabilities(iris.Features);
        string[] names = ["setosa", "versicolor", "virginica"];
        var roc = new SvgProbe(ModelFigures.RocOneVsRest(truth, scores, names).ToSvg());
        var pr = new SvgProbe(ModelFigures.PrecisionRecallOneVsRest(truth, scores, names, classes: [1, 2]).ToSvg());
        for (int k = 0; k < 3; k++)
        {
            int[] binary = truth.Select(t => t == k ? 1 : 0).ToArray();
            string auc = RankingMetrics.RocAuc(binary, scores.Column(k).ToArray()).ToString("0.000", CultureInfo.InvariantCulture);
            Assert.Single(roc.Paths("line"), p => (string?)p.Attribute("data-label") == $"{names[k]} vs rest (AUC = {auc})");
            string ap = RankingMetrics.AveragePrecision(binary, scores.Column(k).ToArray()).ToString("0.000", CultureInfo.InvariantCulture);
            Assert.Equal(k > 0 ? 1 : 0, pr.Paths("line").Count(p => (string?)p.Attribute("data-label") == $"{names[k]} vs rest (AP = {ap})"));
        }
        // every class is 50 of 150 flowers: one chance level for both curves drawn
        Assert.Single(pr.Paths("line"), p => (string?)p.Attribute("data-label") == "chance (precision = 0.333)");
        var error = Assert.Throws<ArgumentException>(() => ModelFigures.RocOneVsRest(truth[..50], scores.RowRange(0, 50), names));
        Assert.Contains("every row is of class 'setosa'", error.Message);
    }
}
