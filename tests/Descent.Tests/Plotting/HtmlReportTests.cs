using System.Text.RegularExpressions;
using System.Xml.Linq;
using Descent.Plotting;

namespace Descent.Tests.Plotting;

public class HtmlReportTests
{
    [Fact]
    public void ToHtml_IsSelfContained_WithNoExternalReference()
    {
        string html = SampleFigures.Report().ToHtml();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.DoesNotContain("http:", html);
        Assert.DoesNotContain("https:", html);
        Assert.DoesNotContain("//", html.Replace("<!DOCTYPE", ""));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("@font-face", html);
        Assert.DoesNotContain("src=", html);
        // the only url() references are to clip paths inside the page
        foreach (Match m in Regex.Matches(html, @"url\(([^)]*)\)"))
            Assert.StartsWith("#", m.Groups[1].Value);
        Assert.Contains("max-width: 100%", html);
    }

    [Fact]
    public void ToHtml_InlinesEveryFigure_AsWellFormedSvg_WithNumberedCaptions()
    {
        string html = SampleFigures.Report().ToHtml();
        var svgs = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(SampleFigures.All.Count, svgs.Count);
        var ids = new HashSet<string>();
        foreach (string svg in svgs)
        {
            var root = XElement.Parse(svg);
            foreach (var id in root.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>())
                Assert.True(ids.Add(id), $"id {id} appears twice in the page");
        }
        for (int k = 1; k <= svgs.Count; k++)
            Assert.Contains($"<figcaption><strong>Figure {k}.</strong> The {SampleFigures.All[k - 1].Name} figure.</figcaption>", html);
        // every href points at an id of the page
        foreach (Match m in Regex.Matches(html, "href=\"#([^\"]+)\""))
            Assert.Contains($"id=\"{m.Groups[1].Value}\"", html);
    }

    [Fact]
    public void ToHtml_EscapesText_AndFormatsMetricsInvariantly()
    {
        string html = SampleFigures.Report().ToHtml();
        Assert.Contains("<p class=\"subtitle\">Every figure, drawn from synthetic data &lt;&amp; &quot;quotes&quot;&gt;</p>", html);
        Assert.Contains("<td>MSE</td><td class=\"number\">4.4568</td>", html);
        Assert.Contains("<td>R²</td><td class=\"number\">0.712</td>", html);
        Assert.Contains("<td>not a number</td><td class=\"number\">n/a</td>", html);
        Assert.Contains("<td>tree</td><td class=\"number\">0.9</td>", html);
    }

    [Fact]
    public void Save_WritesTheFileAtomically_AndTheSameBytesEachTime()
    {
        string folder = Path.Combine(Path.GetTempPath(), "descent-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(folder, "nested", "index.html");
            SampleFigures.Report().Save(path);
            byte[] first = File.ReadAllBytes(path);
            SampleFigures.Report().Save(path);
            Assert.Equal(first, File.ReadAllBytes(path));
            Assert.Equal(["index.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
            Assert.NotEqual(0xEF, first[0]); // no byte-order mark
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Table_RejectsRowsOfTheWrongWidth()
    {
        var section = new HtmlReport("t").AddSection("s");
        var error = Assert.Throws<ArgumentException>(() => section.Table(["a", "b"], [["1"]]));
        Assert.Contains("row 0 has 1 cells but there are 2 headers", error.Message);
    }

    [Fact]
    public void Blocks_KeepCodeAsWritten_AndEscapeFormulaAndNotice()
    {
        var report = new HtmlReport("Blocks");
        report.AddSection("one")
            .Formula("J(θ) = 1/(2m)·Σ (h(x) − y)² < ∞")
            .Code("var model = new LinearRegression { Epochs = 10 }\n    .Fit(x, y);   // a < b && c\n")
            .Notice("the cost falls <fast>");
        string html = report.ToHtml();
        Assert.Contains("<p class=\"formula\">J(θ) = 1/(2m)·Σ (h(x) − y)² &lt; ∞</p>", html);
        Assert.Contains("<pre class=\"code\"><code>var model = new LinearRegression { Epochs = 10 }\n    .Fit(x, y);   // a &lt; b &amp;&amp; c</code></pre>", html);
        Assert.Contains("<p class=\"notice\"><strong>What to notice:</strong> the cost falls &lt;fast&gt;</p>", html);
    }

    [Fact]
    public void Figure_KeepsAMinimumWidth_AtWhichItsSmallestTextIsLegible()
    {
        var figure = SampleFigures.Roc();   // 560 px wide, smallest text: the 11.5 px tick labels
        var report = new HtmlReport("Min width");
        report.AddSection("s").Figure(figure, "c");
        string html = report.ToHtml();
        var match = Regex.Match(html, "<div class=\"figure-frame\" style=\"min-width: ([0-9.]+)px\">");
        Assert.True(match.Success);
        double minWidth = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var sizes = Regex.Matches(figure.ToSvg(), "font-size=\"([0-9.]+)\"").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        double smallest = sizes.Min();
        Assert.Equal(Math.Ceiling(figure.Width * ReportSection.LegibleFontSize / smallest), minWidth);
        Assert.True(smallest * minWidth / figure.Width >= 9, "scaled to its minimum width, the smallest text is at least 9 px");
        Assert.Contains(".figure-scroll { overflow-x: auto; }", html);
    }
}
