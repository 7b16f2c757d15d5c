using System.Xml.Linq;
using Descent.Plotting;

namespace Descent.Tests.Plotting;

/// <summary>
/// The 3-D scenes read back from their SVG: every drawn vertex is the orthographic projection of a data point, worked
/// out here from the view the SVG declares (data-view, data-box, data-screen) with the camera written out again.
/// </summary>
public class Scene3DTests
{
    private static readonly XNamespace Svg = SvgProbe.Svg;

    private static bool Near((double X, double Y) a, (double X, double Y) b, double tolerance = 0.011) => SceneCamera.Near(a, b, tolerance);

    [Fact]
    public void View_ProjectsWithTheCameraOfItsDocumentation()
    {
        var top = new View3D(-1, 1, -1, 1, 0, 1) { Azimuth = 0, Elevation = 90, ZAspect = 1 };
        // straight down with azimuth 0: screen right is +y, screen up is −x, and the height is depth
        var p = top.Project(1, 0, 0.5);
        Assert.Equal(0, p.X, 12);
        Assert.Equal(-0.5, p.Y, 12);
        Assert.Equal(0.5, top.Project(0, 1, 0.5).X, 12);
        Assert.True(top.Project(0, 0, 1).Depth > top.Project(0, 0, 0).Depth, "higher is nearer when looking down");
        // any view is a rotation: lengths in the box are kept between screen and depth
        var view = new View3D(0, 2, 0, 4, 0, 8) { Azimuth = -57, Elevation = 23, ZAspect = 0.6 };
        var a = view.Project(0.3, 1.1, 2.0);
        var b = view.Project(1.7, 3.2, 6.5);
        double du = 1.4 / 2, dv = 2.1 / 4, dw = 4.5 / 8 * 0.6;
        Assert.Equal(du * du + dv * dv + dw * dw, Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2) + Math.Pow(a.Depth - b.Depth, 2), 12);
    }

    [Fact]
    public void CostSurface3D_DrawsThePathOnTheSurface_AndTheSurfaceAtItsHeights()
    {
        var (x, y) = SampleFigures.Univariate();
        var cost = SampleFigures.Cost(x, y);
        var path = SampleFigures.DescentPath(x, y);
        var probe = new SvgProbe(Figures.CostSurface3D(cost, path).ToSvg());
        var scene = Assert.Single(probe.Document.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "scene3d");
        var camera = new SceneCamera(scene);

        // every vertex of the drawn path is a step θ of the descent lifted to its cost J(θ): the path lies on the surface
        var onSurface = path.Select(t => camera.Pixel(t[0], t[1], cost(t[0], t[1]))).ToArray();
        var line = scene.Elements(Svg + "path").Where(p => (string?)p.Attribute("class") == "s3-line")
            .SelectMany(p => SvgProbe.PathPoints((string)p.Attribute("d")!)).ToList();
        Assert.True(line.Count >= 20, $"{line.Count} path vertices drawn");
        Assert.All(line, vertex => Assert.Contains(onSurface, q => Near(q, vertex)));
        Assert.Contains(line, v => Near(v, onSurface[0]));
        Assert.Contains(line, v => Near(v, onSurface[^1]));

        // every corner of every quad is a grid point (θ₀, θ₁, J(θ₀, θ₁)) of the 28 × 28 surface
        var box = ((string)scene.Attribute("data-box")!).Split(' ').Select(SvgProbe.Parse).ToArray();
        double[] t0 = Grid2D.Spaced(box[0], box[1], 28), t1 = Grid2D.Spaced(box[2], box[3], 28);
        var grid = t0.SelectMany(a => t1.Select(b => camera.Pixel(a, b, cost(a, b)))).ToArray();
        var quads = scene.Elements(Svg + "path").Where(p => (string?)p.Attribute("class") == "s3-surface").ToList();
        Assert.Equal(27 * 27, quads.Count);
        foreach (var quad in quads.Where((_, k) => k % 7 == 0))
            Assert.All(SvgProbe.PathPoints((string)quad.Attribute("d")!), corner => Assert.Contains(grid, g => Near(g, corner, 0.015)));

        // start and end are marked where the path begins and ends
        var markers = scene.Elements(Svg + "path").Where(p => (string?)p.Attribute("class") == "s3-scatter").ToList();
        Assert.Equal(2, markers.Count);
        Assert.Contains("gradient descent (1500 steps)", probe.Document.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void RegressionPlane_DrawsEveryExample_ItsResidualStick_AndThePlaneAtItsPredictions()
    {
        var (x1, x2, y) = SampleFigures.PlaneData();
        static double Plane(double a, double b) => 50 + 3 * a - 8 * b;
        var probe = new SvgProbe(SampleFigures.RegressionPlane().ToSvg());
        var scene = Assert.Single(probe.Document.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "scene3d");
        var camera = new SceneCamera(scene);

        // every example is a circle centred on the projection of (x1, x2, y)
        var circles = scene.Elements(Svg + "path").Where(p => (string?)p.Attribute("class") == "s3-scatter")
            .SelectMany(p => System.Text.RegularExpressions.Regex.Matches((string)p.Attribute("d")!, @"M(-?[\d.]+),(-?[\d.]+)a([\d.]+)"))
            .Select(m => (X: SvgProbe.Parse(m.Groups[1].Value) + SvgProbe.Parse(m.Groups[3].Value), Y: SvgProbe.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(y.Length, circles.Count);
        for (int i = 0; i < y.Length; i++)
            Assert.Contains(circles, c => Near(c, camera.Pixel(x1[i], x2[i], y[i]), 0.02));

        // each residual is a stick from the plane (x1, x2, ŷ) to the point (x1, x2, y), coloured by its sign
        var sticks = scene.Elements(Svg + "path").Where(p => (string?)p.Attribute("class") == "s3-stick").ToList();
        var drawn = sticks.SelectMany(p => SvgProbe.Subpaths((string)p.Attribute("d")!).Select(seg => (Colour: (string)p.Attribute("stroke")!, From: seg[0], To: seg[1]))).ToList();
        Assert.Equal(y.Length, drawn.Count);
        for (int i = 0; i < y.Length; i++)
        {
            var from = camera.Pixel(x1[i], x2[i], Plane(x1[i], x2[i]));
            var to = camera.Pixel(x1[i], x2[i], y[i]);
            var stick = Assert.Single(drawn, d => Near(d.From, from) && Near(d.To, to));
            Assert.Equal(y[i] >= Plane(x1[i], x2[i]) ? Palette.At(3).Hex : Palette.At(0).Hex, stick.Colour);
        }

        // the plane's quads are translucent and their corners lie on ŷ = 50 + 3·x1 − 8·x2
        var box = ((string)scene.Attribute("data-box")!).Split(' ').Select(SvgProbe.Parse).ToArray();
        double[] a = Grid2D.Spaced(box[0], box[1], 12), b = Grid2D.Spaced(box[2], box[3], 12);
        var grid = a.SelectMany(u => b.Select(v => camera.Pixel(u, v, Plane(u, v)))).ToArray();
        var quads = scene.Elements(Svg + "path").Where(p => (string?)p.Attribute("class") == "s3-surface").ToList();
        Assert.Equal(11 * 11, quads.Count);
        Assert.All(quads, q => Assert.Equal("0.6", (string?)q.Attribute("fill-opacity")));
        Assert.All(quads.SelectMany(q => SvgProbe.PathPoints((string)q.Attribute("d")!)), corner => Assert.Contains(grid, g => Near(g, corner, 0.015)));
    }
}
