using Descent.Tests.Plotting;

namespace Descent.Tests.Cli;

/// <summary>
/// Opens the tour's report in Debian's headless Chromium (through chromedriver) as a reader would, on a desktop and
/// a phone: every figure whole (no text outside its figure, every tree box holding its text) and legible (figure text
/// at 9 CSS px or more at a 390 px phone width, figures scrolling sideways inside their own box while the page does
/// not). Skipped, with the reason, when chromium or chromedriver is not installed (CI installs them).
/// </summary>
[Collection("Tour")]
public class TourBrowserTests(TourFixture tour)
{
    [SkippableFact]
    public void TourReport_RendersEveryFigureWholeAndLegible_WithoutConsoleErrors_OnDesktopAndPhone()
    {
        ReportBrowser.SkipIfMissing();
        using var browser = new ReportBrowser(tour.Result.Html);

        var desktop = browser.FigureSizes();
        Assert.Equal(tour.Result.Figures.Count, desktop.Count);
        Assert.All(desktop, s => Assert.True(s.Width > 300 && s.Height > 200, $"a figure rendered at {s.Width}×{s.Height}"));
        var clipped = browser.ClippedTexts();
        Assert.True(clipped.Count == 0, "text outside its figure: " + string.Join(" | ", clipped));
        // every box of the tree diagrams is laid out with its text inside it
        var boxes = (IReadOnlyCollection<object>)browser.Script(
            "return Array.from(document.querySelectorAll('g.tree-node')).map(g => { const r = g.querySelector('rect').getBBox(); " +
            "return Array.from(g.querySelectorAll('text')).every(t => { const b = t.getBBox(); return b.width > 10 && " +
            "b.x >= r.x - 1 && b.x + b.width <= r.x + r.width + 1; }); });")!;
        Assert.NotEmpty(boxes);
        Assert.All(boxes, fits => Assert.True((bool)fits, "a line of a tree box is wider than its box"));

        browser.UsePhoneWidth();
        var (pageWidth, scrollWidth) = browser.PageWidths();
        Assert.True(scrollWidth <= pageWidth, $"the page scrolls sideways on a phone ({scrollWidth} > {pageWidth})");
        Assert.All(browser.FigureSizes(), s => Assert.True(s.Width > 100, $"a figure {s.Width} px wide on a phone"));
        double smallest = browser.SmallestFigureFont();
        Assert.True(smallest >= 9, $"figure text is drawn at {smallest:0.0} CSS px on a {pageWidth} px phone");
        // a figure wider than the phone scrolls inside its own box
        var scrolls = (IReadOnlyCollection<object>)browser.Script(
            "return Array.from(document.querySelectorAll('.figure-scroll')).map(b => [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX]);")!;
        Assert.Contains(scrolls, b => b is IReadOnlyCollection<object> r && Convert.ToDouble(r.First()) > Convert.ToDouble(r.Skip(1).First()));
        Assert.All(scrolls, b => Assert.Equal("auto", ((IReadOnlyCollection<object>)b).Last()));

        var errors = browser.ConsoleProblems();
        Assert.True(errors.Count == 0, "console: " + string.Join(" | ", errors));
    }
}
