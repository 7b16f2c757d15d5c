namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// A regression on two features in 3-D: every example at (x1, x2, y), the fitted plane (or surface)
    /// ŷ = predict(x1, x2) over the data's range, translucent so the points behind it show, and each example's
    /// residual y − ŷ as a vertical stick from the plane to the point (vermillion above the plane, blue below).
    /// </summary>
    /// <param name="x1">First feature of each example.</param>
    /// <param name="x2">Second feature of each example.</param>
    /// <param name="y">Target of each example.</param>
    /// <param name="predict">The model: ŷ = predict(x1, x2).</param>
    /// <param name="x1Label">Name of the first feature.</param>
    /// <param name="x2Label">Name of the second feature.</param>
    /// <param name="yLabel">Name of the target.</param>
    /// <param name="planeLabel">Legend entry of the plane (its equation, say).</param>
    /// <param name="title">Figure title.</param>
    /// <param name="resolution">Grid points per axis of the drawn plane.</param>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static Figure RegressionPlane(IReadOnlyList<double> x1, IReadOnlyList<double> x2, IReadOnlyList<double> y,
        Func<double, double, double> predict, string x1Label = "x₁", string x2Label = "x₂", string yLabel = "y",
        string planeLabel = "fitted plane ŷ", string title = "Fitted plane and residuals", int resolution = 12)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(predict);
        if (x1.Count == 0 || x1.Count != x2.Count || x1.Count != y.Count)
            throw new ArgumentException($"Figures.RegressionPlane: x1, x2 and y have {x1.Count}, {x2.Count} and {y.Count} values; they must match and be non-empty.");
        var (aMin, aMax) = Padded(x1, 0.05);
        var (bMin, bMax) = Padded(x2, 0.05);
        var plane = Grid2D.Evaluate(predict, aMin, aMax, bMin, bMax, Math.Max(2, resolution), Math.Max(2, resolution));
        double[] fitted = Enumerable.Range(0, y.Count).Select(i => predict(x1[i], x2[i])).ToArray();
        var (planeLow, planeHigh) = plane.Range();
        double low = Math.Min(planeLow, y.Min()), high = Math.Max(planeHigh, y.Max());
        if (!(high > low)) high = low + 1;

        var figure = new Figure(width: 780, height: 620);
        var axes = figure.Axes;
        axes.Title = title;
        var scene = axes.Scene3D(FacingView(aMin, aMax, bMin, bMax, low, high, plane));
        (scene.XLabel, scene.YLabel, scene.ZLabel) = (x1Label, x2Label, yLabel);
        var planeColours = new Colormap("plane", [new Color(0xc6, 0xdb, 0xef), new Color(0x6b, 0xae, 0xd6)]);
        scene.Surface(plane, planeColours, opacity: 0.6, label: planeLabel);
        int[] above = Enumerable.Range(0, y.Count).Where(i => y[i] >= fitted[i]).ToArray();
        int[] below = Enumerable.Range(0, y.Count).Where(i => y[i] < fitted[i]).ToArray();
        foreach (var (rows, name, colour) in new[] { (above, "residual y − ŷ ≥ 0 (above the plane)", Palette.At(3)), (below, "residual y − ŷ < 0 (below)", Palette.At(0)) })
        {
            if (rows.Length == 0) continue;
            scene.Sticks(rows.Select(i => x1[i]).ToArray(), rows.Select(i => x2[i]).ToArray(), rows.Select(i => fitted[i]).ToArray(),
                rows.Select(i => y[i]).ToArray(), name, colour);
        }
        scene.Scatter(x1, x2, y, $"data ({y.Count} examples)", new Color(0x22, 0x22, 0x22), MarkerShape.Circle, 3.5);
        return figure;
    }

    /// <summary>
    /// A view that sees the plane's upper face: looking from the side the plane falls towards (its downhill
    /// direction in the box), turned 30° so the box keeps its depth, from 25° above.
    /// </summary>
    private static View3D FacingView(double aMin, double aMax, double bMin, double bMax, double low, double high, Grid2D plane)
    {
        var box = new View3D(aMin, aMax, bMin, bMax, low, high);
        var v = plane.Values;
        int last = plane.Xs.Length - 1, top = plane.Ys.Length - 1;
        // mean slopes of the plane in box units (width and depth 1, height ZAspect)
        double du = ((v[0, last] - v[0, 0]) + (v[top, last] - v[top, 0])) / 2 / (high - low) * box.ZAspect;
        double dv = ((v[top, 0] - v[0, 0]) + (v[top, last] - v[0, last])) / 2 / (high - low) * box.ZAspect;
        double azimuth = du == 0 && dv == 0 ? -60 : Math.Atan2(-dv, -du) * 180 / Math.PI + 30;
        return new View3D(aMin, aMax, bMin, bMax, low, high) { Azimuth = azimuth, Elevation = 25 };
    }
}
