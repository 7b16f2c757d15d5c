using System.Globalization;
using System.Text;

namespace Descent.Plotting;

/// <summary>
/// A small forward-only SVG writer over a <see cref="StringBuilder"/>. Every number goes through <see cref="Number"/>
/// (fixed precision, invariant culture) and every text through <see cref="Escape"/>, so the same figure always gives
/// the same bytes and any label is safe inside XML.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>The unique prefix of every id written (clip paths), so several SVGs can live in one HTML page.</summary>
    public string IdPrefix { get; }

    public SvgWriter(string idPrefix) => IdPrefix = idPrefix;

    /// <summary>The size in px of the smallest text written so far (infinity before any).</summary>
    public double SmallestFont { get; private set; } = double.PositiveInfinity;

    /// <summary>Appends raw, already escaped markup.</summary>
    public SvgWriter Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    /// <summary>Appends a number with at most two decimals (pixels: 0.01 px is below what any screen shows).</summary>
    public SvgWriter Num(double value)
    {
        _text.Append(Number(value));
        return this;
    }

    /// <summary>Appends escaped text.</summary>
    public SvgWriter Text(string text)
    {
        _text.Append(Escape(text));
        return this;
    }

    /// <summary>Appends <c> name="value"</c> with the value escaped.</summary>
    public SvgWriter Attr(string name, string value)
    {
        _text.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        return this;
    }

    /// <summary>Appends <c> name="number"</c>.</summary>
    public SvgWriter Attr(string name, double value)
    {
        _text.Append(' ').Append(name).Append("=\"").Append(Number(value)).Append('"');
        return this;
    }

    /// <summary>Appends "x,y" (path and polyline coordinates).</summary>
    public SvgWriter Point(double x, double y)
    {
        _text.Append(Number(x)).Append(',').Append(Number(y));
        return this;
    }

    /// <summary>A text element at (x, y) with the given anchor, size and optional extra attributes (already escaped).</summary>
    public void TextElement(double x, double y, string text, string anchor = "middle", double size = 12,
        string? extra = null)
    {
        _text.Append("<text x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y)).Append('"');
        if (anchor != "start") _text.Append(" text-anchor=\"").Append(anchor).Append('"');
        _text.Append(" font-size=\"").Append(Number(size)).Append('"');
        SmallestFont = Math.Min(SmallestFont, size);
        if (extra is not null) _text.Append(' ').Append(extra);
        _text.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    /// <summary>A line segment.</summary>
    public void Line(double x1, double y1, double x2, double y2, string stroke, double width, string? extra = null)
    {
        _text.Append("<line x1=\"").Append(Number(x1)).Append("\" y1=\"").Append(Number(y1))
            .Append("\" x2=\"").Append(Number(x2)).Append("\" y2=\"").Append(Number(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Number(width)).Append('"');
        if (extra is not null) _text.Append(' ').Append(extra);
        _text.Append("/>\n");
    }

    /// <summary>A rectangle.</summary>
    public void Rect(double x, double y, double width, double height, string fill, string? extra = null)
    {
        _text.Append("<rect x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y))
            .Append("\" width=\"").Append(Number(Math.Max(0, width))).Append("\" height=\"")
            .Append(Number(Math.Max(0, height))).Append("\" fill=\"").Append(fill).Append('"');
        if (extra is not null) _text.Append(' ').Append(extra);
        _text.Append("/>\n");
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// Formats a number with at most two decimals, invariant culture, no exponent, no negative zero:
    /// the same value always gives the same text.
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) return "0";
        double rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0) return "0";
        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a data value so it reads back exactly (round-trip form, invariant culture).</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Escapes &amp;, &lt;, &gt;, quotes, and drops characters XML 1.0 forbids.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': result.Append("&amp;"); break;
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                case '"': result.Append("&quot;"); break;
                case '\'': result.Append("&#39;"); break;
                case '\t' or '\n' or '\r': result.Append(' '); break;
                default:
                    if (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF') result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }
}
