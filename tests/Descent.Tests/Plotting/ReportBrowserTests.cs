using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Descent.Tests.Plotting;

/// <summary>
/// Opens a generated report in Debian's headless Chromium (through chromedriver and Selenium) and checks what a
/// reader would see. Prints a reason and returns when chromium or chromedriver is not installed (CI installs them).
/// </summary>
public class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium", ChromeDriver = "/usr/bin/chromedriver";

    [SkippableFact]
    public void Report_RendersEveryFigure_WithoutConsoleErrors_OnDesktopAndPhone()
    {
        Skip.If(!File.Exists(Chromium) || !File.Exists(ChromeDriver),
            $"{Chromium} or {ChromeDriver} is not installed (apt-get install chromium chromium-driver).");
        string folder = Path.Combine(Path.GetTempPath(), "descent-browser-" + Guid.NewGuid().ToString("N"));
        string profile = Path.Combine(folder, "profile");
        string page = Path.Combine(folder, "index.html");
        try
        {
            SampleFigures.Report().Save(page);
            var options = new ChromeOptions { BinaryLocation = Chromium };
            options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", $"--user-data-dir={profile}",
                "--window-size=1280,900");
            options.SetLoggingPreference(LogType.Browser, LogLevel.All);
            var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
            service.SuppressInitialDiagnosticInformation = true;
            service.HideCommandPromptWindow = true;
            using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
            driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);

            var desktop = FigureSizes(driver);
            Assert.Equal(SampleFigures.All.Count, desktop.Count);
            foreach (var (width, height) in desktop)
            {
                Assert.True(width > 300 && height > 200, $"a figure rendered at {width}×{height}");
            }
            // the figures' text is laid out (fonts resolved locally): every axes title has a real width
            var titleWidths = ((IReadOnlyCollection<object>)driver.ExecuteScript(
                "return Array.from(document.querySelectorAll('svg text.title')).map(t => t.getBBox().width);")!)
                .Select(Convert.ToDouble).ToList();
            Assert.NotEmpty(titleWidths);
            Assert.All(titleWidths, w => Assert.True(w > 20, $"title width {w}"));

            driver.Manage().Window.Size = new Size(390, 844); // a phone
            var phone = FigureSizes(driver);
            long pageWidth = (long)driver.ExecuteScript("return document.documentElement.clientWidth;")!;
            long scrollWidth = (long)driver.ExecuteScript("return document.documentElement.scrollWidth;")!;
            Assert.True(scrollWidth <= pageWidth, $"the page scrolls sideways on a phone ({scrollWidth} > {pageWidth})");
            foreach (var (width, height) in phone)
                Assert.True(width > 100 && width <= pageWidth && height > 50, $"a figure rendered at {width}×{height} on a {pageWidth} px phone");

            var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).ToList();
            Assert.True(errors.Count == 0, "console: " + string.Join(" | ", errors.Select(e => e.Message)));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static List<(double Width, double Height)> FigureSizes(IWebDriver driver)
    {
        var raw = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript(
            "return Array.from(document.querySelectorAll('figure svg')).map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; });")!;
        return raw.Select(o => ((IReadOnlyCollection<object>)o).Select(Convert.ToDouble).ToArray()).Select(a => (a[0], a[1])).ToList();
    }
}
