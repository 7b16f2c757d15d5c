using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Descent.Tests.Plotting;

/// <summary>
/// An HTML report opened in Debian's headless Chromium (through chromedriver and Selenium) as a reader would, at a
/// desktop width and then a phone width, with the measurements the browser tests make. <see cref="SkipIfMissing"/>
/// skips the calling test, with the reason, when chromium or chromedriver is not installed (CI installs them).
/// </summary>
internal sealed class ReportBrowser : IDisposable
{
    public const string Chromium = "/usr/bin/chromium", ChromeDriver = "/usr/bin/chromedriver";
    public const int PhoneWidth = 390, PhoneHeight = 844;

    private readonly string _folder;
    private readonly ChromeDriver _driver;

    /// <summary>Skips the test when the browser is not installed.</summary>
    public static void SkipIfMissing() =>
        Skip.If(!File.Exists(Chromium) || !File.Exists(ChromeDriver),
            $"{Chromium} or {ChromeDriver} is not installed (apt-get install chromium chromium-driver).");

    /// <summary>Writes <paramref name="html"/> to a temporary folder and opens it at 1280 × 900.</summary>
    public ReportBrowser(string html)
    {
        _folder = Path.Combine(Path.GetTempPath(), "descent-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        string page = Path.Combine(_folder, "index.html");
        File.WriteAllText(page, html);
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            $"--user-data-dir={Path.Combine(_folder, "profile")}", "--window-size=1280,900");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
    }

    /// <summary>Resizes the window to a phone's (390 × 844 CSS px).</summary>
    public void UsePhoneWidth() => _driver.Manage().Window.Size = new Size(PhoneWidth, PhoneHeight);

    /// <summary>Runs a script and returns its result.</summary>
    public object? Script(string script) => _driver.ExecuteScript(script);

    /// <summary>The rendered size of every figure's SVG.</summary>
    public List<(double Width, double Height)> FigureSizes() =>
        Rows("return Array.from(document.querySelectorAll('figure svg')).map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; });")
            .Select(a => (a[0], a[1])).ToList();

    /// <summary>The page's width and how wide its content scrolls (equal when the page does not scroll sideways).</summary>
    public (long ClientWidth, long ScrollWidth) PageWidths() =>
        ((long)Script("return document.documentElement.clientWidth;")!, (long)Script("return document.documentElement.scrollWidth;")!);

    /// <summary>
    /// Every text of every figure whose box (as rendered, rotation included) reaches outside its figure by more than
    /// a pixel: "figure N: 'text'" per offender.
    /// </summary>
    public List<string> ClippedTexts() =>
        ((IReadOnlyCollection<object>)Script(
            "const out = []; document.querySelectorAll('figure svg').forEach((s, n) => { const f = s.getBoundingClientRect(); " +
            "s.querySelectorAll('text').forEach(t => { const b = t.getBoundingClientRect(); " +
            "if (t.textContent.trim() && (b.left < f.left - 1 || b.right > f.right + 1 || b.top < f.top - 1 || b.bottom > f.bottom + 1)) " +
            "out.push('figure ' + (n + 1) + ': \\'' + t.textContent + '\\' [' + Math.round(b.left - f.left) + ', ' + Math.round(b.right - f.left) + '] of ' + Math.round(f.width)); }); }); return out;")!)
        .Select(o => (string)o).ToList();

    /// <summary>The smallest size, in CSS px, at which any figure text is drawn (its font size times its figure's scale).</summary>
    public double SmallestFigureFont() => Convert.ToDouble(Script(
        "let least = 1e9; document.querySelectorAll('figure svg').forEach(s => { const k = s.getBoundingClientRect().width / s.viewBox.baseVal.width; " +
        "s.querySelectorAll('text').forEach(t => { least = Math.min(least, parseFloat(t.getAttribute('font-size')) * k); }); }); return least;"));

    /// <summary>Console messages of level warning or worse.</summary>
    public List<string> ConsoleProblems() =>
        _driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToList();

    private List<double[]> Rows(string script) =>
        ((IReadOnlyCollection<object>)Script(script)!).Select(o => ((IReadOnlyCollection<object>)o).Select(Convert.ToDouble).ToArray()).ToList();

    public void Dispose()
    {
        _driver.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
