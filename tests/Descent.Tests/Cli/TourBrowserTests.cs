using System.Drawing;
using Descent.Cli.Tour;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Descent.Tests.Cli;

/// <summary>
/// Opens the tour's report in Debian's headless Chromium (through chromedriver) as a reader would, on a desktop and
/// a phone. Skipped, with the reason, when chromium or chromedriver is not installed (CI installs them).
/// </summary>
public class TourBrowserTests(TourFixture tour) : IClassFixture<TourFixture>
{
    private const string Chromium = "/usr/bin/chromium", ChromeDriver = "/usr/bin/chromedriver";

    [SkippableFact]
    public void TourReport_RendersEveryFigureAndTreeBox_WithoutConsoleErrors_OnDesktopAndPhone()
    {
        Skip.If(!File.Exists(Chromium) || !File.Exists(ChromeDriver),
            $"{Chromium} or {ChromeDriver} is not installed (apt-get install chromium chromium-driver).");
        using var scratch = new ScratchDirectory();
        string page = Path.Combine(scratch.Path, "index.html");
        File.WriteAllText(page, tour.Result.Html);
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(scratch.Path, "profile")}",
            "--window-size=1280,900");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);

        var desktop = Sizes(driver, "figure svg");
        Assert.Equal(tour.Result.Figures.Count, desktop.Count);
        Assert.All(desktop, s => Assert.True(s.Width > 300 && s.Height > 200, $"a figure rendered at {s.Width}×{s.Height}"));
        // every box of the tree diagram is laid out with its text inside it
        var boxes = (IReadOnlyCollection<object>)driver.ExecuteScript(
            "return Array.from(document.querySelectorAll('g.tree-node')).map(g => { const r = g.querySelector('rect').getBBox(); " +
            "return Array.from(g.querySelectorAll('text')).every(t => { const b = t.getBBox(); return b.width > 10 && " +
            "b.x >= r.x - 1 && b.x + b.width <= r.x + r.width + 1; }); });")!;
        Assert.NotEmpty(boxes);
        Assert.All(boxes, fits => Assert.True((bool)fits, "a line of a tree box is wider than its box"));

        driver.Manage().Window.Size = new Size(390, 844);
        long pageWidth = (long)driver.ExecuteScript("return document.documentElement.clientWidth;")!;
        long scrollWidth = (long)driver.ExecuteScript("return document.documentElement.scrollWidth;")!;
        Assert.True(scrollWidth <= pageWidth, $"the page scrolls sideways on a phone ({scrollWidth} > {pageWidth})");
        Assert.All(Sizes(driver, "figure svg"), s => Assert.True(s.Width > 100 && s.Width <= pageWidth, $"a figure {s.Width} px wide on a phone"));

        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(errors.Count == 0, "console: " + string.Join(" | ", errors.Select(e => e.Message)));
    }

    private static List<(double Width, double Height)> Sizes(IWebDriver driver, string selector)
    {
        var raw = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript(
            $"return Array.from(document.querySelectorAll('{selector}')).map(s => {{ const r = s.getBoundingClientRect(); return [r.width, r.height]; }});")!;
        return raw.Select(o => ((IReadOnlyCollection<object>)o).Select(Convert.ToDouble).ToArray()).Select(a => (a[0], a[1])).ToList();
    }
}
