using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Descent.Data;
using Descent.Metrics;
using Descent.Tests.Plotting;
using Descent.Trees;

namespace Descent.Tests.Cli;

/// <summary>
/// The tour's information-gain chapter (play tennis: entropy, the gain of each attribute drawn and printed, the split
/// chosen by gain, the trees grown with entropy and with Gini) and the metrics chapter's one-vs-rest curves on iris, read
/// back from their figures and numbers.
/// </summary>
[Collection("Tour")]
public class TourTreesAndMetricsChapterTests(TourFixture tour)
{
    private static readonly XNamespace Svg = SvgProbe.Svg;

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static string[] Texts(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void InformationGain_PrintsAndDrawsTheGainOfEachAttribute_AndChoosesOutlook()
    {
        var chapter = tour.Chapter("information_gain");
        Table days = Datasets.LoadTable("play_tennis");
        ClassLabels play = days.RequireClassLabels();
        Assert.Equal(Impurity.Entropy(play), chapter.GetProperty("entropy_bits").GetDouble(), 15);
        Assert.Equal(0.940, chapter.GetProperty("entropy_bits").GetDouble(), 3);
        string[] attributes = Texts(chapter.GetProperty("attributes"));
        double[] gains = Numbers(chapter.GetProperty("information_gains"));
        // Mitchell's values (section 3.4.2), which truncate to three decimals
        Assert.Equal([0.246, 0.029, 0.151, 0.048], gains.Select(g => Math.Floor(g * 1000) / 1000));
        Assert.Equal("outlook", chapter.GetProperty("chosen_split").GetString());
        // below outlook: overcast is pure, rain splits on wind, sunny on humidity
        Assert.Equal(["overcast", "rain", "sunny"], Texts(chapter.GetProperty("outlook_values")));
        Assert.Equal(["", "wind", "humidity"], Texts(chapter.GetProperty("next_split")));

        // the figure's bars, longest first, are the printed gains
        var probe = new SvgProbe(tour.Figure("information_gain", "information-gain").ToString());
        var axes = Assert.Single(probe.Axes);
        var (perUnit, _) = SvgProbe.PixelsPerUnit(axes);
        var bars = axes.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series bars").SelectMany(g => g.Elements(Svg + "rect"))
            .OrderBy(r => SvgProbe.Parse((string)r.Attribute("y")!)).Select(r => SvgProbe.Parse((string)r.Attribute("width")!) / perUnit).ToArray();
        Assert.Equal(gains.OrderDescending(), bars, (a, b) => Math.Abs(a - b) < 0.01 / perUnit);
        Assert.Contains("chosen split: outlook", probe.Document.Root!.Value);
        string html = tour.Result.Html;
        Assert.Contains("Gain(S, A) = H(S) − Σᵥ |Sᵥ|/|S| · H(Sᵥ)", html);
        Assert.Contains("Impurity.InformationGain(play, Values(days, a))", html);    // the code shown is the code run
    }

    [Fact]
    public void InformationGain_GrowsTheTreeWithEntropy_BesideGini_EachDrawnWithItsCriterion()
    {
        var chapter = tour.Chapter("information_gain");
        foreach (var (name, criterion) in new[] { ("tree-entropy", "entropy"), ("tree-gini", "gini") })
        {
            var texts = tour.Figure("information_gain", name).Descendants(Svg + "text").Select(t => t.Value).ToArray();
            Assert.Equal("outlook=overcast ≤ 0.5", texts.First(t => t.Contains('≤', StringComparison.Ordinal)));
            Assert.Contains(texts, t => t.StartsWith($"{criterion} = ", StringComparison.Ordinal));
            Assert.Equal(chapter.GetProperty($"{criterion}_tree_leaves").GetInt32(), texts.Count(t => t.StartsWith("class = ", StringComparison.Ordinal))
                - texts.Count(t => t.Contains('≤', StringComparison.Ordinal)));
        }
        // the root's entropy is the table's, 0.94 bits, and its Gini 1 − (9/14)² − (5/14)²
        var entropyTexts = tour.Figure("information_gain", "tree-entropy").Descendants(Svg + "text").Select(t => t.Value);
        Assert.Contains("entropy = 0.94", entropyTexts);
        double gini = 1 - Math.Pow(9.0 / 14, 2) - Math.Pow(5.0 / 14, 2);
        Assert.Contains($"gini = {gini.ToString("0.###", CultureInfo.InvariantCulture)}", tour.Figure("information_gain", "tree-gini").Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Metrics_OnIris_DrawOneRocAndOnePrecisionRecallCurvePerClass_WithTheirPrintedScores()
    {
        var chapter = tour.Chapter("metrics");
        double[] auc = Numbers(chapter.GetProperty("iris_roc_auc"));
        double[] ap = Numbers(chapter.GetProperty("iris_average_precision"));
        Assert.Equal(3, auc.Length);
        Assert.Equal(auc.Average(), chapter.GetProperty("iris_macro_roc_auc").GetDouble(), 12);    // macro one-vs-rest = mean of the classes'
        Assert.True(auc[0] > auc[1] && auc[0] > auc[2], "setosa is the easiest to tell apart by its sepals");
        string[] species = ["setosa", "versicolor", "virginica"];
        foreach (var (name, measure, values) in new[] { ("iris-roc", "AUC", auc), ("iris-precision-recall", "AP", ap) })
        {
            var probe = new SvgProbe(tour.Figure("metrics", name).ToString());
            var curves = probe.Paths("line").Select(p => (string?)p.Attribute("data-label")).Where(l => l is not null && !l.StartsWith("chance", StringComparison.Ordinal)).ToArray();
            Assert.Equal(species.Select((s, k) => $"{s} vs rest ({measure} = {values[k].ToString("0.000", CultureInfo.InvariantCulture)})"), curves);
            Assert.Contains(probe.Paths("line"), p => ((string?)p.Attribute("data-label") ?? "").StartsWith("chance", StringComparison.Ordinal));
        }
        // each ROC curve's points give back its printed area
        var roc = new SvgProbe(tour.Figure("metrics", "iris-roc").ToString());
        var axes = Assert.Single(roc.Axes);
        for (int k = 0; k < 3; k++)
        {
            var path = roc.Paths("line").Single(p => ((string?)p.Attribute("data-label") ?? "").StartsWith(species[k] + " vs rest", StringComparison.Ordinal));
            var points = SvgProbe.PathPoints((string)path.Attribute("d")!).Select(p => SvgProbe.ToData(axes, p.X, p.Y)).ToArray();
            double area = 0;
            for (int i = 1; i < points.Length; i++)
                area += (points[i].X - points[i - 1].X) * (points[i].Y + points[i - 1].Y) / 2;
            Assert.Equal(auc[k], area, 2);
        }
    }
}
