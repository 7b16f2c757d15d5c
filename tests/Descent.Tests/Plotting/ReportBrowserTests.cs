namespace Descent.Tests.Plotting;

/// <summary>
/// A report of every sample figure opened in headless Chromium: what a reader sees on a desktop and on a phone.
/// Skipped, with the reason, when chromium or chromedriver is not installed.
/// </summary>
public class ReportBrowserTests
{
    [SkippableFact]
    public void Report_RendersEveryFigure_WholeAndLegible_WithoutConsoleErrors_OnDesktopAndPhone()
    {
        ReportBrowser.SkipIfMissing();
        using var browser = new ReportBrowser(SampleFigures.Report().ToHtml());

        var desktop = browser.FigureSizes();
        Assert.Equal(SampleFigures.All.Count, desktop.Count);
        Assert.All(desktop, s => Assert.True(s.Width > 300 && s.Height > 200, $"a figure rendered at {s.Width}×{s.Height}"));
        // the figures' text is laid out (fonts resolved locally): every axes title has a real width
        var titleWidths = ((IReadOnlyCollection<object>)browser.Script(
            "return Array.from(document.querySelectorAll('svg text.title')).map(t => t.getBBox().width);")!).Select(Convert.ToDouble).ToList();
        Assert.NotEmpty(titleWidths);
        Assert.All(titleWidths, w => Assert.True(w > 20, $"title width {w}"));
        var clipped = browser.ClippedTexts();
        Assert.True(clipped.Count == 0, "text outside its figure: " + string.Join(" | ", clipped));

        browser.UsePhoneWidth();
        var (pageWidth, scrollWidth) = browser.PageWidths();
        Assert.True(scrollWidth <= pageWidth, $"the page scrolls sideways on a phone ({scrollWidth} > {pageWidth})");
        Assert.All(browser.FigureSizes(), s => Assert.True(s.Width > 100 && s.Height > 50, $"a figure rendered at {s.Width}×{s.Height} on a phone"));
        double smallest = browser.SmallestFigureFont();
        Assert.True(smallest >= 9, $"figure text is drawn at {smallest:0.0} CSS px on a {pageWidth} px phone");
        Assert.True(browser.ClippedTexts().Count == 0, "text outside its figure on a phone");

        var errors = browser.ConsoleProblems();
        Assert.True(errors.Count == 0, "console: " + string.Join(" | ", errors));
    }
}
