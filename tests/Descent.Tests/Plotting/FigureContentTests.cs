using System.Globalization;
using System.Xml.Linq;
using Descent.Plotting;

namespace Descent.Tests.Plotting;

public class FigureContentTests
{
    [Fact]
    public void DecisionBoundary_HalfContour_LiesWhereProbabilityIsHalf()
    {
        var (x1, x2, classes, p) = SampleFigures.TwoClasses();
        var probe = new SvgProbe(Figures.DecisionBoundary(x1, x2, classes, ["a", "b"], p).ToSvg());
        var axes = Assert.Single(probe.Axes);
        var boundary = Assert.Single(probe.Paths("contour-line"), e => (string?)e.Attribute("data-level") == "0.5");
        var points = SvgProbe.PathPoints((string)boundary.Attribute("d")!);
        Assert.True(points.Count > 50, $"only {points.Count} boundary points");
        double xSpan = 0;
        var xs = new List<double>();
        foreach (var (px, py) in points)
        {
            var (a, b) = SvgProbe.ToData(axes, px, py);
            Assert.Equal(0.5, p(a, b), 0.005);
            xs.Add(a);
        }
        xSpan = xs.Max() - xs.Min();
        Assert.True(xSpan > 1, "the boundary should cross the plot");
        // every example is drawn, in its own class series
        var scatters = probe.Paths("scatter").ToList();
        Assert.Equal(["a", "b"], scatters.Select(s => (string)s.Attribute("data-label")!));
    }

    [Fact]
    public void DecisionRegions_BoundariesLieWhereTheTwoLeadingProbabilitiesTie()
    {
        var (x1, x2, classes, p) = SampleFigures.ThreeClasses();
        var probe = new SvgProbe(Figures.DecisionRegions(x1, x2, classes, ["a", "b", "c"], p).ToSvg());
        var axes = Assert.Single(probe.Axes);
        var boundaries = probe.Paths("contour-line").ToList();
        Assert.Equal(3, boundaries.Count);
        int checkedPoints = 0;
        foreach (var boundary in boundaries)
        {
            foreach (var (px, py) in SvgProbe.PathPoints((string)boundary.Attribute("d")!))
            {
                var (a, b) = SvgProbe.ToData(axes, px, py);
                var sorted = p(a, b).OrderDescending().ToArray();
                Assert.Equal(sorted[0], sorted[1], 0.01);
                checkedPoints++;
            }
        }
        Assert.True(checkedPoints > 100);
        Assert.Equal(3, probe.Paths("scatter").Count());
    }

    [Fact]
    public void Roc_PolylinePoints_AreTheGivenPointsInDataSpace()
    {
        var (fpr, tpr) = SampleFigures.RocPoints();
        var probe = new SvgProbe(SampleFigures.Roc().ToSvg());
        var axes = Assert.Single(probe.Axes);
        var curve = Assert.Single(probe.Paths("line"), e => ((string?)e.Attribute("data-label") ?? "").StartsWith("logistic regression"));
        var (scaleX, scaleY) = SvgProbe.PixelsPerUnit(axes);
        var points = SvgProbe.PathPoints((string)curve.Attribute("d")!).Select(q => SvgProbe.ToData(axes, q.X, q.Y)).ToList();
        Assert.Equal(fpr.Length, points.Count);
        for (int i = 0; i < fpr.Length; i++)
        {
            // coordinates are written to 0.01 px
            Assert.Equal(fpr[i], points[i].X, 0.006 / scaleX);
            Assert.Equal(tpr[i], points[i].Y, 0.006 / scaleY);
        }
        // AUC by the trapezoidal rule is in the legend: 0.35·0.1... computed independently here
        double auc = 0;
        for (int i = 1; i < fpr.Length; i++) auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        Assert.Equal("logistic regression (AUC = " + auc.ToString("0.000", CultureInfo.InvariantCulture) + ")",
            (string)curve.Attribute("data-label")!);
        Assert.Contains(probe.Paths("line"), e => (string?)e.Attribute("data-label") == "chance (AUC = 0.5)");
    }

    [Fact]
    public void LogAxis_MapsValuesByTheirLogarithm()
    {
        double[] x = [0, 1, 2, 3, 4];
        double[] y = [1000, 100, 10, 1, 0.1];
        var figure = new Figure();
        figure.Axes.YScale = AxisScale.Log;
        figure.Axes.Line(x, y, "decay");
        var probe = new SvgProbe(figure.ToSvg());
        var axes = Assert.Single(probe.Axes);
        var points = SvgProbe.PathPoints((string)Assert.Single(probe.Paths("line")).Attribute("d")!);
        Assert.Equal(5, points.Count);
        for (int i = 0; i < 5; i++)
            Assert.Equal(Math.Log10(y[i]), Math.Log10(SvgProbe.ToData(axes, points[i].X, points[i].Y).Y), 3);
        // equal ratios are equal pixel steps
        Assert.Equal(points[1].Y - points[0].Y, points[4].Y - points[3].Y, 1);
    }

    [Fact]
    public void ConfusionMatrix_AnnotatesEveryCell_RowsTrueColumnsPredicted()
    {
        int[,] counts = { { 5, 1 }, { 2, 7 } };
        var probe = new SvgProbe(Figures.ConfusionMatrix(counts, ["cat", "dog"]).ToSvg());
        var axes = Assert.Single(probe.Axes);
        var texts = probe.Document.Descendants(SvgProbe.Svg + "text")
            .Where(t => (string?)t.Attribute("class") == "annotation").ToList();
        Assert.Equal(4, texts.Count);
        foreach (var text in texts)
        {
            var (column, row) = SvgProbe.ToData(axes, SvgProbe.Parse((string)text.Attribute("x")!), SvgProbe.Parse((string)text.Attribute("y")!));
            int i = (int)Math.Round(row), j = (int)Math.Round(column);
            Assert.Equal(counts[i, j].ToString(CultureInfo.InvariantCulture), text.Value);
        }
        // the larger count gets the darker cell, and its text turns white
        Assert.Contains(texts, t => t.Value == "7" && (string?)t.Attribute("fill") == "#ffffff");
        Assert.Contains(texts, t => t.Value == "1" && (string?)t.Attribute("fill") == "#000000");
        Assert.Contains(probe.Document.Descendants(SvgProbe.Svg + "text"), t => t.Value == "Predicted label");
        Assert.Contains(probe.Document.Descendants(SvgProbe.Svg + "text"), t => t.Value == "True label");
    }

    [Fact]
    public void CostSurface_PathStartsAtTheFirstStep_AndLevelsAreLogSpaced()
    {
        var (x, y) = SampleFigures.Univariate();
        var path = SampleFigures.DescentPath(x, y);
        var probe = new SvgProbe(Figures.CostSurface(SampleFigures.Cost(x, y), -10, 10, -1, 4, path).ToSvg());
        var axes = Assert.Single(probe.Axes);
        var line = Assert.Single(probe.Paths("line"));
        var first = SvgProbe.PathPoints((string)line.Attribute("d")!)[0];
        var (t0, t1) = SvgProbe.ToData(axes, first.X, first.Y);
        Assert.Equal(0, t0, 0.05);
        Assert.Equal(0, t1, 0.05);
        var levels = probe.Paths("contour-line").Select(e => SvgProbe.Parse((string)e.Attribute("data-level")!)).ToArray();
        Assert.True(levels.Length >= 15);
        for (int i = 2; i < levels.Length; i++)
            Assert.Equal(levels[1] / levels[0], levels[i] / levels[i - 1], 6);
    }

    [Fact]
    public void Text_IsEscaped_AndReadsBackExactly()
    {
        const string label = "a < b & \"c\" > 'd'";
        var figure = new Figure { Title = label };
        figure.Axes.XLabel = label;
        figure.Axes.Line([0.0, 1], [0.0, 1], label);
        var probe = new SvgProbe(figure.ToSvg());
        Assert.Contains(probe.Document.Descendants(SvgProbe.Svg + "text"), t => (string?)t.Attribute("class") == "xlabel" && t.Value == label);
        Assert.Equal(label, (string)Assert.Single(probe.Paths("line")).Attribute("data-label")!);
    }

    [Fact]
    public void Figures_RejectBadInputWithClearMessages()
    {
        var e1 = Assert.Throws<ArgumentException>(() => Figures.Roc([0.0, 1], [0.0, 0.5, 1]));
        Assert.Contains("2 fpr and 3 tpr values", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new Figure().Axes.ScatterByClass([0.0, 1], [0.0, 1], [0, 2], ["a", "b"]));
        Assert.Contains("point 1 has class index 2, but there are 2 class names", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => Figures.CostSurface((a, b) => a + b, [new[] { 1.0, 2, 3 }]));
        Assert.Contains("path step 0 holds 3 values", e3.Message);
        var e4 = Assert.Throws<ArgumentException>(() => Figures.ConfusionMatrix(new int[2, 3], ["a", "b"]));
        Assert.Contains("2×3 with 2 class names", e4.Message);
    }

    [Fact]
    public void Figure_IdsAreUniqueUnderTheirPrefix()
    {
        var figure = new Figure(1, 2);
        figure[0, 0].Line([0.0, 1], [0.0, 1]);
        figure[0, 1].Line([0.0, 1], [1.0, 0]);
        var ids = XDocument.Parse(figure.ToSvg("p7")).Descendants().Select(e => (string?)e.Attribute("id")).Where(i => i is not null).ToList();
        Assert.Equal(["p7-clip0", "p7-clip1"], ids);
    }

    [Theory]
    [MemberData(nameof(SampleFigures.Names), MemberType = typeof(SampleFigures))]
    public void Legend_NeverCoversWhatIsDrawn(string name)
    {
        var probe = new SvgProbe(SampleFigures.Build(name).ToSvg());
        var covered = probe.MarksUnderLegends();
        Assert.True(covered.Count == 0, "under the legend: " + string.Join("; ", covered));
    }

    [Fact]
    public void Legend_GoesBelowThePlot_WhenEveryCornerIsTaken()
    {
        // points in all four corners: no inner corner is free
        var figure = new Figure();
        var axes = figure.Axes;
        axes.XLabel = "x";
        axes.Scatter([0, 0, 10, 10, 5], [0, 10, 0, 10, 5], "corners");
        axes.Line([0, 10], [5, 5], "a line across");
        var probe = new SvgProbe(figure.ToSvg());
        var plot = Assert.Single(probe.Axes);
        Assert.DoesNotContain(plot.Elements(SvgProbe.Svg + "g"), g => (string?)g.Attribute("class") == "legend");
        var below = Assert.Single(plot.Elements(SvgProbe.Svg + "g"), g => (string?)g.Attribute("class") == "legend below");
        double legendTop = SvgProbe.Parse((string)below.Element(SvgProbe.Svg + "rect")!.Attribute("y")!);
        var area = ((string)plot.Attribute("data-plot")!).Split(' ').Select(SvgProbe.Parse).ToArray();
        double xLabelBaseline = SvgProbe.Parse((string)plot.Descendants(SvgProbe.Svg + "text").Single(t => (string?)t.Attribute("class") == "xlabel").Attribute("y")!);
        Assert.True(legendTop > area[1] + area[3] && legendTop > xLabelBaseline, "the legend sits under the plot and its x label");
        Assert.Equal(["corners", "a line across"], below.Descendants(SvgProbe.Svg + "text").Select(t => t.Value));
        Assert.True(legendTop + 30 < figure.Height, "the legend fits in the figure");

        // the same figure with the points away from the upper right corner keeps the legend there
        var free = new Figure();
        free.Axes.Scatter([0, 0, 10, 5], [0, 10, 0, 5], "three corners");
        var inside = Assert.Single(new SvgProbe(free.ToSvg()).Document.Descendants(SvgProbe.Svg + "g"), g => ((string?)g.Attribute("class") ?? "").StartsWith("legend"));
        Assert.Equal("legend", (string?)inside.Attribute("class"));
    }

    [Fact]
    public void TitleAndXLabel_StayInsideTheFigure_WhenWideTickLabelsPushThePlotRight()
    {
        // long y tick labels move the plot area right; a title as wide as the figure allows, centred over the plot, would run off it
        var figure = new Figure(width: 600, height: 320);
        var axes = figure.Axes;
        axes.HorizontalBars([0, 1], [0.6, 0.2]);
        axes.SetYTicks([0, 1], ["od280_od315_of_diluted_wines ≤ 2.475", "ash ≤ 2.03"]);
        axes.Title = "Information gain of each attribute about 'cultivar' (178 rows)";
        axes.XLabel = "Information gain of the best threshold (bits)";
        var plot = Assert.Single(new SvgProbe(figure.ToSvg()).Axes);
        var area = ((string)plot.Attribute("data-plot")!).Split(' ').Select(SvgProbe.Parse).ToArray();
        Assert.True(area[0] > 200, "the tick labels take a wide margin");
        foreach (var (cssClass, size, bold) in new[] { ("title", 14.5, true), ("xlabel", 13.0, false) })
        {
            var text = Assert.Single(plot.Descendants(SvgProbe.Svg + "text"), t => ((string?)t.Attribute("class") ?? "").Contains(cssClass, StringComparison.Ordinal));
            double centre = SvgProbe.Parse((string)text.Attribute("x")!), half = TextMetrics.Width(text.Value, size, bold) / 2;
            Assert.True(centre - half >= 0 && centre + half <= figure.Width, $"{cssClass} from {centre - half} to {centre + half} in a figure {figure.Width} wide");
        }
    }
}
