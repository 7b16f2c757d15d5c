using System.Globalization;
using System.Text;

namespace Descent.Plotting;

/// <summary>One section of an <see cref="HtmlReport"/>: a heading followed by blocks, in the order added.</summary>
public sealed class ReportSection
{
    private readonly List<Action<StringBuilder, Counter>> _blocks = [];

    internal ReportSection(string heading) => Heading = heading;

    /// <summary>The section heading.</summary>
    public string Heading { get; }

    /// <summary>Appends a paragraph of plain text (escaped; no markup).</summary>
    public ReportSection Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add((html, _) => html.Append("<p>").Append(HtmlReport.Escape(text)).Append("</p>\n"));
        return this;
    }

    /// <summary>Appends a sub-heading.</summary>
    public ReportSection Subheading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add((html, _) => html.Append("<h3>").Append(HtmlReport.Escape(text)).Append("</h3>\n"));
        return this;
    }

    /// <summary>
    /// Appends a two-column table of named metrics; numbers are written with <paramref name="format"/> in the
    /// invariant culture (4 decimals by default), non-finite ones as "n/a".
    /// </summary>
    public ReportSection Metrics(IEnumerable<(string Name, double Value)> metrics, string? caption = null, string format = "0.####")
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var rows = metrics.Select(m => new[] { m.Name, FormatNumber(m.Value, format) }).ToArray();
        return AddTable(["Metric", "Value"], rows, caption, numericColumns: [1]);
    }

    /// <summary>Appends a table of text cells under the given column headers.</summary>
    /// <exception cref="ArgumentException">A row has a different number of cells than there are headers.</exception>
    public ReportSection Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var copied = rows.Select(r => r.ToArray()).ToArray();
        for (int i = 0; i < copied.Length; i++)
            if (copied[i].Length != headers.Count)
                throw new ArgumentException($"ReportSection.Table: row {i} has {copied[i].Length} cells but there are {headers.Count} headers.");
        var numeric = Enumerable.Range(0, headers.Count)
            .Where(c => copied.Length > 0 && copied.All(r => double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            .ToArray();
        return AddTable(headers.ToArray(), copied, caption, numeric);
    }

    /// <summary>
    /// Appends a figure (inline SVG) with a numbered caption ("Figure 3. …"). On a narrow screen the figure keeps a
    /// width at which its smallest text is still <see cref="LegibleFontSize"/> px and scrolls sideways in its own box.
    /// </summary>
    public ReportSection Figure(Figure figure, string caption)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(caption);
        _blocks.Add((html, counter) =>
        {
            int number = ++counter.Value;
            string svg = figure.ToSvg($"fig{number}", standalone: false, out double smallestFont);
            double minWidth = Math.Min(figure.Width, Math.Ceiling(figure.Width * LegibleFontSize / smallestFont));
            html.Append("<figure id=\"figure-").Append(number).Append("\">\n<div class=\"figure-scroll\">")
                .Append("<div class=\"figure-frame\" style=\"min-width: ").Append(SvgWriter.Number(minWidth)).Append("px\">\n")
                .Append(svg).Append("</div></div>\n")
                .Append("<figcaption><strong>Figure ").Append(number).Append(".</strong> ")
                .Append(HtmlReport.Escape(caption)).Append("</figcaption>\n</figure>\n");
        });
        return this;
    }

    /// <summary>The smallest size in CSS px a figure's text is drawn at, however narrow the screen (9 px and a margin).</summary>
    public const double LegibleFontSize = 9.5;

    /// <summary>Appends a block of source code, kept as written (monospace; long lines scroll inside the block).</summary>
    public ReportSection Code(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        _blocks.Add((html, _) => html.Append("<pre class=\"code\"><code>").Append(EscapeCode(code.TrimEnd())).Append("</code></pre>\n"));
        return this;
    }

    /// <summary>Appends a displayed formula (plain text with Unicode mathematics: J(θ) = 1/(2m)·Σᵢ (h(xᵢ) − yᵢ)²).</summary>
    public ReportSection Formula(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        _blocks.Add((html, _) => html.Append("<p class=\"formula\">").Append(HtmlReport.Escape(formula)).Append("</p>\n"));
        return this;
    }

    /// <summary>Appends a highlighted paragraph that starts "What to notice:" and points at what a figure shows.</summary>
    public ReportSection Notice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add((html, _) => html.Append("<p class=\"notice\"><strong>What to notice:</strong> ").Append(HtmlReport.Escape(text)).Append("</p>\n"));
        return this;
    }

    internal void Write(StringBuilder html, int number, ref int figureNumber)
    {
        var counter = new Counter { Value = figureNumber };
        html.Append("<section id=\"section-").Append(number).Append("\">\n<h2>").Append(HtmlReport.Escape(Heading)).Append("</h2>\n");
        foreach (var block in _blocks) block(html, counter);
        html.Append("</section>\n");
        figureNumber = counter.Value;
    }

    private ReportSection AddTable(string[] headers, string[][] rows, string? caption, int[] numericColumns)
    {
        _blocks.Add((html, _) =>
        {
            html.Append("<div class=\"table-wrap\"><table>\n");
            if (caption is not null) html.Append("<caption>").Append(HtmlReport.Escape(caption)).Append("</caption>\n");
            html.Append("<thead><tr>");
            foreach (var h in headers) html.Append("<th scope=\"col\">").Append(HtmlReport.Escape(h)).Append("</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                html.Append("<tr>");
                for (int c = 0; c < row.Length; c++)
                    html.Append(numericColumns.Contains(c) ? "<td class=\"number\">" : "<td>")
                        .Append(HtmlReport.Escape(row[c])).Append("</td>");
                html.Append("</tr>\n");
            }
            html.Append("</tbody>\n</table></div>\n");
        });
        return this;
    }

    /// <summary>Escapes code for HTML, keeping its line breaks and indentation (unlike <see cref="HtmlReport.Escape"/>).</summary>
    private static string EscapeCode(string code) =>
        string.Join("\n", code.Replace("\r\n", "\n").Split('\n').Select(HtmlReport.Escape));

    private static string FormatNumber(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture).Replace('-', '\u2212') : "n/a";

    internal sealed class Counter
    {
        public int Value;
    }
}
