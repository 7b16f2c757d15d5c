namespace Descent.Plotting;

/// <summary>
/// How a 3-D scene is looked at: the data box [XMin, XMax] × [YMin, YMax] × [ZMin, ZMax] is scaled to a box of
/// width 1, depth 1 and height <see cref="ZAspect"/> centred on the origin — u = (x − x̄)/Δx, v = (y − ȳ)/Δy,
/// w = (z − z̄)/Δz·ZAspect — and seen from azimuth a and elevation e (degrees; matplotlib's defaults −60 and 30) by
/// an orthographic camera:
/// <code>
/// screen x = −u·sin a + v·cos a
/// screen y = −u·sin e·cos a − v·sin e·sin a + w·cos e      (up)
/// depth    =  u·cos e·cos a + v·cos e·sin a + w·sin e      (towards the viewer)
/// </code>
/// </summary>
public sealed class View3D
{
    /// <summary>A view of the given data box.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A range is empty or not finite.</exception>
    public View3D(double xMin, double xMax, double yMin, double yMax, double zMin, double zMax)
    {
        Check(xMin, xMax, "x");
        Check(yMin, yMax, "y");
        Check(zMin, zMax, "z");
        (XMin, XMax, YMin, YMax, ZMin, ZMax) = (xMin, xMax, yMin, yMax, zMin, zMax);
    }

    /// <summary>Lower end of x.</summary>
    public double XMin { get; }
    /// <summary>Upper end of x.</summary>
    public double XMax { get; }
    /// <summary>Lower end of y.</summary>
    public double YMin { get; }
    /// <summary>Upper end of y.</summary>
    public double YMax { get; }
    /// <summary>Lower end of z.</summary>
    public double ZMin { get; }
    /// <summary>Upper end of z.</summary>
    public double ZMax { get; }

    /// <summary>Rotation about the vertical axis, in degrees (−60: looking from the front right).</summary>
    public double Azimuth { get; init; } = -60;

    /// <summary>Angle of the line of sight above the horizontal, in degrees (90 looks straight down).</summary>
    public double Elevation { get; init; } = 30;

    /// <summary>Height of the box relative to its width and depth.</summary>
    public double ZAspect { get; init; } = 0.75;

    /// <summary>The screen position (x right, y up, in box units) and depth (larger is nearer) of the data point (x, y, z).</summary>
    public (double X, double Y, double Depth) Project(double x, double y, double z)
    {
        double u = (x - (XMin + XMax) / 2) / (XMax - XMin);
        double v = (y - (YMin + YMax) / 2) / (YMax - YMin);
        double w = (z - (ZMin + ZMax) / 2) / (ZMax - ZMin) * ZAspect;
        double a = Azimuth * Math.PI / 180, e = Elevation * Math.PI / 180;
        double sa = Math.Sin(a), ca = Math.Cos(a), se = Math.Sin(e), ce = Math.Cos(e);
        return (-u * sa + v * ca, -u * se * ca - v * se * sa + w * ce, u * ce * ca + v * ce * sa + w * se);
    }

    /// <summary>The direction towards the viewer in box coordinates (u, v, w).</summary>
    internal (double U, double V, double W) Eye()
    {
        double a = Azimuth * Math.PI / 180, e = Elevation * Math.PI / 180;
        return (Math.Cos(e) * Math.Cos(a), Math.Cos(e) * Math.Sin(a), Math.Sin(e));
    }

    /// <summary>The box coordinates (u, v, w) of a data point.</summary>
    internal (double U, double V, double W) Normalize(double x, double y, double z) =>
        ((x - (XMin + XMax) / 2) / (XMax - XMin), (y - (YMin + YMax) / 2) / (YMax - YMin), (z - (ZMin + ZMax) / 2) / (ZMax - ZMin) * ZAspect);

    private static void Check(double min, double max, string axis)
    {
        if (!(max > min) || !double.IsFinite(max - min))
            throw new ArgumentOutOfRangeException(axis + "Max", $"View3D: the {axis} range must be finite with min < max, got [{min}, {max}].");
    }
}
