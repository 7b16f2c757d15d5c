using System.Xml.Linq;

namespace Descent.Tests.Plotting;

/// <summary>The camera of a scene group, re-derived: unit box, rotation by azimuth, tilt by elevation, then pixels.</summary>
internal sealed class SceneCamera
{
    private readonly double[] _box, _screen;
    private readonly double _azimuth, _elevation, _aspect;

    public SceneCamera(XElement scene)
    {
        var view = ((string)scene.Attribute("data-view")!).Split(' ').Select(SvgProbe.Parse).ToArray();
        (_azimuth, _elevation, _aspect) = (view[0] * Math.PI / 180, view[1] * Math.PI / 180, view[2]);
        _box = ((string)scene.Attribute("data-box")!).Split(' ').Select(SvgProbe.Parse).ToArray();
        _screen = ((string)scene.Attribute("data-screen")!).Split(' ').Select(SvgProbe.Parse).ToArray();
    }

    /// <summary>The scene group of a figure's SVG (the only one, or the first).</summary>
    public static XElement Scene(XDocument svg) =>
        svg.Descendants(SvgProbe.Svg + "g").First(g => (string?)g.Attribute("class") == "scene3d");

    /// <summary>True when two pixels are within <paramref name="tolerance"/> in both directions (coordinates are written to 0.01 px).</summary>
    public static bool Near((double X, double Y) a, (double X, double Y) b, double tolerance = 0.011) =>
        Math.Abs(a.X - b.X) <= tolerance && Math.Abs(a.Y - b.Y) <= tolerance;

    /// <summary>The vertices of every path of the scene with the given class, in order.</summary>
    public static List<(double X, double Y)> Vertices(XElement scene, string cssClass) =>
        scene.Elements(SvgProbe.Svg + "path").Where(p => (string?)p.Attribute("class") == cssClass)
            .SelectMany(p => SvgProbe.PathPoints((string)p.Attribute("d")!)).ToList();

    public (double X, double Y) Pixel(double x, double y, double z)
    {
        double u = (x - (_box[0] + _box[1]) / 2) / (_box[1] - _box[0]);
        double v = (y - (_box[2] + _box[3]) / 2) / (_box[3] - _box[2]);
        double w = (z - (_box[4] + _box[5]) / 2) / (_box[5] - _box[4]) * _aspect;
        // the camera's right and up vectors for a viewer at (cos e cos a, cos e sin a, sin e)
        double[] right = [-Math.Sin(_azimuth), Math.Cos(_azimuth), 0];
        double[] up = [-Math.Sin(_elevation) * Math.Cos(_azimuth), -Math.Sin(_elevation) * Math.Sin(_azimuth), Math.Cos(_elevation)];
        double sx = u * right[0] + v * right[1] + w * right[2], sy = u * up[0] + v * up[1] + w * up[2];
        return (_screen[0] + _screen[2] * sx, _screen[1] - _screen[2] * sy);
    }
}
