using static System.FormattableString;

namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// The two halves of the cross-entropy cost of logistic regression against the predicted probability ŷ = σ(z):
    /// −log ŷ, the cost of an example whose class is 1, and −log(1 − ŷ), the cost of one whose class is 0. Each is 0
    /// when the prediction is confidently right and grows without bound as it becomes confidently wrong (the y axis
    /// stops at <paramref name="costMax"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="costMax"/> is not positive.</exception>
    public static Figure LogLoss(double costMax = 5)
    {
        if (!(costMax > 0) || !double.IsFinite(costMax))
            throw new ArgumentOutOfRangeException(nameof(costMax), Invariant($"Figures.LogLoss: costMax must be > 0, got {costMax}."));
        var figure = new Figure(width: 640, height: 460);
        var axes = figure.Axes;
        axes.Title = "The cost of one example: cross-entropy";
        axes.XLabel = "Predicted probability ŷ = σ(z) of class 1";
        axes.YLabel = "Cost of the example";
        (axes.XMin, axes.XMax, axes.YMin, axes.YMax) = (0, 1, 0, costMax);
        double low = Math.Exp(-costMax * 1.05);   // where −log reaches the top
        var positive = axes.Function(p => -Math.Log(p), low, 1, "y = 1: cost −log ŷ", Palette.At(1), 600);
        positive.Width = 2.6;
        var negative = axes.Function(p => -Math.Log(1 - p), 0, 1 - low, "y = 0: cost −log(1 − ŷ)", Palette.At(0), 600);
        negative.Width = 2.6;
        negative.Style = LineStyle.Dashed;
        axes.Legend = LegendPosition.UpperRight;
        return figure;
    }

    /// <summary>
    /// Why the sigmoid saturates: σ(z) = 1/(1 + e⁻ᶻ) on the left, its derivative σ′(z) = σ(z)(1 − σ(z)) on a log axis on
    /// the right, the saturated zones |z| &gt; <paramref name="saturation"/> shaded, where the gradient that flows back
    /// through σ is below σ′(saturation) (0.0066 at 5): a step of gradient descent there barely moves. When
    /// <paramref name="scores"/> are given (the z of a model's examples), they are drawn as ticks on both curves.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range or the saturation point is not positive.</exception>
    public static Figure SigmoidSaturation(IReadOnlyList<double>? scores = null, double zMax = 12, double saturation = 5, string? scoresLabel = null)
    {
        if (!(zMax > 0) || !(saturation > 0) || !(saturation < zMax))
            throw new ArgumentOutOfRangeException(nameof(zMax), Invariant($"Figures.SigmoidSaturation: needs 0 < saturation < zMax, got {saturation} and {zMax}."));
        var figure = new Figure(1, 2, width: 1040, height: 440) { Title = "Sigmoid saturation: the gradient vanishes for large |z|" };
        var values = figure[0, 0];
        var slopes = figure[0, 1];
        values.Title = "σ(z)";
        slopes.Title = "σ′(z) = σ(z)(1 − σ(z)), log scale";
        values.XLabel = slopes.XLabel = "Score z";
        values.YLabel = "σ(z)";
        slopes.YLabel = "σ′(z)";
        slopes.YScale = AxisScale.Log;
        (values.YMin, values.YMax) = (-0.05, 1.05);
        double floor = ActivationMath.SigmoidDerivative(zMax) / 2;
        (slopes.YMin, slopes.YMax) = (floor, 0.5);
        string zone = Invariant($"saturated: |z| > {saturation:G3}, σ′ < {ActivationMath.SigmoidDerivative(saturation):0.0000}");
        foreach (var axes in new[] { values, slopes })
        {
            (axes.XMin, axes.XMax) = (-zMax, zMax);
            double bottom = axes == values ? -0.05 : floor, top = axes == values ? 1.05 : 0.5;
            var shade = Palette.At(1);
            axes.Band([-zMax, -saturation], [bottom, bottom], [top, top], shade, axes == values ? zone : null).Opacity = 0.18;
            axes.Band([saturation, zMax], [bottom, bottom], [top, top], shade).Opacity = 0.18;
        }
        values.Function(ActivationMath.Sigmoid, -zMax, zMax, "σ(z)", new Color(0, 0, 0), 600).Width = 2.4;
        slopes.Function(ActivationMath.SigmoidDerivative, -zMax, zMax, "σ′(z)", Palette.At(3), 600).Width = 2.4;
        if (scores is { Count: > 0 })
        {
            double[] z = scores.Where(double.IsFinite).Select(v => Math.Clamp(v, -zMax, zMax)).ToArray();
            values.Scatter(z, z.Select(ActivationMath.Sigmoid).ToArray(), scoresLabel, Palette.At(0)).Size = 3.5;
            slopes.Scatter(z, z.Select(ActivationMath.SigmoidDerivative).ToArray(), null, Palette.At(0)).Size = 3.5;
        }
        values.Legend = LegendPosition.UpperLeft;
        slopes.Legend = LegendPosition.None;
        return figure;
    }
}
