using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Descent.Tests.Plotting;

/// <summary>Reads a rendered figure back: its elements, and pixel coordinates mapped to data through the axes' data-* attributes.</summary>
internal sealed partial class SvgProbe
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public SvgProbe(string svg) => Document = XDocument.Parse(svg);

    public XDocument Document { get; }

    public IEnumerable<XElement> Axes => Document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "axes");

    public IEnumerable<XElement> Paths(string cssClass) =>
        Document.Descendants(Svg + "path").Where(p => ((string?)p.Attribute("class") ?? "").Split(' ').Contains(cssClass));

    /// <summary>The "x,y" pairs of a path made of M/L commands and bare coordinate lists, in order.</summary>
    public static List<(double X, double Y)> PathPoints(string d)
    {
        var points = new List<(double, double)>();
        foreach (Match m in PairRegex().Matches(d))
            points.Add((Parse(m.Groups[1].Value), Parse(m.Groups[2].Value)));
        return points;
    }

    /// <summary>The polylines of a path: one list per M command.</summary>
    public static List<List<(double X, double Y)>> Subpaths(string d)
    {
        var result = new List<List<(double, double)>>();
        foreach (var part in d.Split('M', StringSplitOptions.RemoveEmptyEntries))
            result.Add(PathPoints(part));
        return result;
    }

    /// <summary>
    /// The marks drawn under a legend placed inside a plot: for every legend box inside an axes, the vertices (and
    /// points every 2 px along the segments) of its lines, markers, labelled contours and annotations that fall
    /// inside the box. Empty when no legend covers anything.
    /// </summary>
    public List<string> MarksUnderLegends()
    {
        var found = new List<string>();
        foreach (var axes in Axes)
        {
            var legend = axes.Elements(Svg + "g").FirstOrDefault(g => (string?)g.Attribute("class") == "legend");
            if (legend is null) continue;
            var box = legend.Element(Svg + "rect")!;
            double left = Attr(box, "x"), top = Attr(box, "y"), right = left + Attr(box, "width"), bottom = top + Attr(box, "height");
            bool Inside((double X, double Y) p) => p.X > left + 0.5 && p.X < right - 0.5 && p.Y > top + 0.5 && p.Y < bottom - 0.5;
            var plot = axes.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "plot");
            foreach (var path in plot.Descendants(Svg + "path"))
            {
                string cls = (string?)path.Attribute("class") ?? "";
                bool line = cls.Contains("line", StringComparison.Ordinal) && (cls != "series contour-line" || path.Attribute("data-label") is not null);
                if (!line && !cls.Contains("scatter", StringComparison.Ordinal) && !cls.Contains("markers", StringComparison.Ordinal)) continue;
                foreach (var polyline in Subpaths((string)path.Attribute("d")!))
                    for (int k = 0; k < polyline.Count; k++)
                    {
                        if (Inside(polyline[k])) { found.Add($"{cls} '{(string?)path.Attribute("data-label")}' at {polyline[k]}"); break; }
                        if (!line || k == 0) continue;
                        var (a, b) = (polyline[k - 1], polyline[k]);
                        int steps = (int)(Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y)) / 2);
                        for (int t = 1; t < steps; t++)
                            if (Inside((a.X + (b.X - a.X) * t / steps, a.Y + (b.Y - a.Y) * t / steps)))
                            {
                                found.Add($"{cls} '{(string?)path.Attribute("data-label")}' crosses the legend near {a}");
                                t = steps;
                                k = polyline.Count;
                            }
                    }
            }
            foreach (var text in plot.Descendants(Svg + "text"))
                if (Inside((Attr(text, "x"), Attr(text, "y"))))
                    found.Add($"text '{text.Value}'");
        }
        return found;
    }

    /// <summary>Maps a pixel of the given axes group back to data coordinates.</summary>
    public static (double X, double Y) ToData(XElement axes, double px, double py)
    {
        var plot = ((string)axes.Attribute("data-plot")!).Split(' ').Select(Parse).ToArray();
        double left = plot[0], top = plot[1], width = plot[2], height = plot[3];
        double x = Interpolate((string)axes.Attribute("data-x-scale")!, Attr(axes, "data-x-left"), Attr(axes, "data-x-right"),
            (px - left) / width);
        double y = Interpolate((string)axes.Attribute("data-y-scale")!, Attr(axes, "data-y-bottom"), Attr(axes, "data-y-top"),
            (top + height - py) / height);
        return (x, y);
    }

    /// <summary>Pixels per data unit along x and y (linear axes), to turn pixel rounding into a data tolerance.</summary>
    public static (double X, double Y) PixelsPerUnit(XElement axes)
    {
        var plot = ((string)axes.Attribute("data-plot")!).Split(' ').Select(Parse).ToArray();
        return (plot[2] / Math.Abs(Attr(axes, "data-x-right") - Attr(axes, "data-x-left")),
            plot[3] / Math.Abs(Attr(axes, "data-y-top") - Attr(axes, "data-y-bottom")));
    }

    private static double Interpolate(string scale, double low, double high, double t) => scale == "log"
        ? Math.Pow(10, Math.Log10(low) + t * (Math.Log10(high) - Math.Log10(low)))
        : low + t * (high - low);

    private static double Attr(XElement e, string name) => Parse((string)e.Attribute(name)!);

    public static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")]
    private static partial Regex PairRegex();
}
