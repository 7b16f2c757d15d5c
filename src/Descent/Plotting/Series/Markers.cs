namespace Descent.Plotting;

/// <summary>Writes marker shapes as SVG path data (one subpath per marker), centred on a pixel.</summary>
internal static class Markers
{
    /// <summary>True for shapes drawn with a stroke only (plus, cross, ring); the others are filled.</summary>
    public static bool IsStroked(MarkerShape shape) => shape is MarkerShape.Plus or MarkerShape.Cross or MarkerShape.Ring;

    /// <summary>Appends the subpath of one marker of radius r at (x, y).</summary>
    public static void Append(SvgWriter svg, MarkerShape shape, double x, double y, double r)
    {
        switch (shape)
        {
            case MarkerShape.Circle or MarkerShape.Ring:
                svg.Raw("M").Point(x - r, y).Raw("a").Num(r).Raw(",").Num(r).Raw(" 0 1,0 ").Num(2 * r).Raw(",0a")
                    .Num(r).Raw(",").Num(r).Raw(" 0 1,0 ").Num(-2 * r).Raw(",0z");
                break;
            case MarkerShape.Square:
                double s = r * 0.886; // same area as the circle
                svg.Raw("M").Point(x - s, y - s).Raw("h").Num(2 * s).Raw("v").Num(2 * s).Raw("h").Num(-2 * s).Raw("z");
                break;
            case MarkerShape.TriangleUp:
                svg.Raw("M").Point(x, y - 1.3 * r).Raw("L").Point(x + 1.15 * r, y + 0.7 * r).Raw("L")
                    .Point(x - 1.15 * r, y + 0.7 * r).Raw("z");
                break;
            case MarkerShape.TriangleDown:
                svg.Raw("M").Point(x, y + 1.3 * r).Raw("L").Point(x + 1.15 * r, y - 0.7 * r).Raw("L")
                    .Point(x - 1.15 * r, y - 0.7 * r).Raw("z");
                break;
            case MarkerShape.Diamond:
                svg.Raw("M").Point(x, y - 1.25 * r).Raw("L").Point(x + r, y).Raw("L").Point(x, y + 1.25 * r).Raw("L")
                    .Point(x - r, y).Raw("z");
                break;
            case MarkerShape.Plus:
                svg.Raw("M").Point(x - 1.2 * r, y).Raw("h").Num(2.4 * r).Raw("M").Point(x, y - 1.2 * r).Raw("v").Num(2.4 * r);
                break;
            case MarkerShape.Cross:
                double c = 0.9 * r;
                svg.Raw("M").Point(x - c, y - c).Raw("l").Num(2 * c).Raw(",").Num(2 * c).Raw("M").Point(x - c, y + c)
                    .Raw("l").Num(2 * c).Raw(",").Num(-2 * c);
                break;
        }
    }

    /// <summary>The fill/stroke attributes of a marker path in the given colour.</summary>
    public static string Paint(MarkerShape shape, Color color, double opacity, Color? edge = null) => IsStroked(shape)
        ? $"fill=\"none\" stroke=\"{color.Hex}\" stroke-width=\"{(shape == MarkerShape.Ring ? "1.6" : "2")}\" stroke-opacity=\"{SvgWriter.Number(opacity)}\""
        : $"fill=\"{color.Hex}\" fill-opacity=\"{SvgWriter.Number(opacity)}\" stroke=\"{(edge ?? new Color(255, 255, 255)).Hex}\" stroke-width=\"0.6\"";
}
