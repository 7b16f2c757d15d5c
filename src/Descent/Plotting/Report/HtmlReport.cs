using System.Text;

namespace Descent.Plotting;

/// <summary>
/// A self-contained HTML report: one file with inline CSS and inline SVG figures, no script, no font or image
/// fetched from anywhere and no external URL, laid out for a phone and a desktop alike (viewport meta; figures
/// scale down to the page width but not below the width at which their smallest text is 9.5 CSS px, and then scroll
/// sideways inside their own box, so the page never does). Sections hold headings, paragraphs, formulas, code,
/// metric tables and captioned figures, and a table of contents links to them.
/// </summary>
/// <example><code>
/// var report = new HtmlReport("Linear regression on food_truck");
/// report.AddSection("Gradient descent")
///       .Paragraph("The cost falls every epoch.")
///       .Metrics([("MSE", 8.95), ("R²", 0.70)])
///       .Figure(Figures.LossCurve(history), "Cost per epoch.");
/// report.Save("tour/index.html");
/// </code></example>
public sealed class HtmlReport
{
    private readonly List<ReportSection> _sections = [];

    /// <summary>A report with a title and an optional line under it.</summary>
    public HtmlReport(string title, string? subtitle = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        Subtitle = subtitle;
    }

    /// <summary>The page title and top heading.</summary>
    public string Title { get; }

    /// <summary>A line under the title, or null.</summary>
    public string? Subtitle { get; }

    /// <summary>The sections, in order.</summary>
    public IReadOnlyList<ReportSection> Sections => _sections;

    /// <summary>Appends a section with a heading and returns it, to add content to.</summary>
    public ReportSection AddSection(string heading)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        var section = new ReportSection(heading);
        _sections.Add(section);
        return section;
    }

    /// <summary>The HTML document. Figures are numbered in order; ids are unique within the page.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<header>\n<h1>").Append(Escape(Title)).Append("</h1>\n");
        if (Subtitle is not null) html.Append("<p class=\"subtitle\">").Append(Escape(Subtitle)).Append("</p>\n");
        html.Append("</header>\n");
        if (_sections.Count > 1)
        {
            html.Append("<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
            for (int s = 0; s < _sections.Count; s++)
                html.Append("<li><a href=\"#section-").Append(s + 1).Append("\">").Append(Escape(_sections[s].Heading)).Append("</a></li>\n");
            html.Append("</ol>\n</nav>\n");
        }
        int figureNumber = 0;
        for (int s = 0; s < _sections.Count; s++)
            _sections[s].Write(html, s + 1, ref figureNumber);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the HTML to a file atomically (a temporary file moved into place), creating its folder.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToHtml());

    internal static string Escape(string text) => SvgWriter.Escape(text);

    private const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f6f7f9; color: #1d1d1f; line-height: 1.55;
               font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 16px; }
        main { max-width: 980px; margin: 0 auto; padding: 16px; }
        header { margin: 8px 0 16px; }
        h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 4px; }
        h2 { font-size: 1.3rem; margin: 0 0 10px; }
        .subtitle { color: #555; margin: 0; }
        nav { background: #fff; border: 1px solid #e0e0e0; border-radius: 8px; padding: 12px 16px; margin-bottom: 16px; }
        nav h2 { font-size: 1rem; margin: 0 0 4px; }
        nav ol { margin: 0; padding-left: 1.4em; }
        a { color: #0060a0; }
        section { background: #fff; border: 1px solid #e0e0e0; border-radius: 8px; padding: 16px; margin-bottom: 16px; }
        p { margin: 0 0 12px; max-width: 72ch; }
        figure { margin: 16px 0; }
        .figure-scroll { overflow-x: auto; }
        figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        pre.code { background: #f4f5f7; border: 1px solid #e0e0e0; border-radius: 6px; padding: 10px 12px; overflow-x: auto;
                   font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.84rem; line-height: 1.45; margin: 8px 0 14px; }
        p.formula { font-family: "DejaVu Serif", Georgia, serif; font-size: 1.05rem; text-align: center; margin: 10px auto 14px; }
        p.notice { border-left: 4px solid #0072b2; background: #f2f7fb; padding: 8px 12px; }
        figcaption { font-size: 0.92rem; color: #444; margin-top: 6px; max-width: 72ch; }
        .table-wrap { overflow-x: auto; margin: 8px 0 14px; }
        table { border-collapse: collapse; font-size: 0.95rem; min-width: 50%; }
        caption { text-align: left; font-weight: bold; padding-bottom: 4px; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: 5px 12px; text-align: left; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        thead th { border-bottom: 2px solid #bbb; }
        @media (max-width: 600px) {
          main { padding: 8px; }
          section { padding: 12px; border-radius: 0; }
          h1 { font-size: 1.35rem; }
          body { font-size: 15px; }
        }

        """;
}
