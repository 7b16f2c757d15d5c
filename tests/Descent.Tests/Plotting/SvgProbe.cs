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
