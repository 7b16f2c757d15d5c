using static System.FormattableString;

namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// The activation functions sigmoid σ(z) = 1/(1+e^-z), tanh, ReLU max(0, z) and leaky ReLU (z for z &gt; 0, αz
    /// otherwise) on the left, and their derivatives σ(1-σ), 1-tanh², the step 1[z &gt; 0] and (1 or α) on the
    /// right (at z = 0 the ReLU derivative is taken as 0 and the leaky one as α, as PyTorch does). α defaults to
    /// 0.1 rather than PyTorch's 0.01 so the leak is visible.
    /// </summary>
    public static Figure Activations(double leakySlope = 0.1, double zMin = -5, double zMax = 5)
    {
        if (!(zMax > zMin))
            throw new ArgumentOutOfRangeException(nameof(zMax), Invariant($"Figures.Activations: needs zMin < zMax, got [{zMin}, {zMax}]."));
        if (!double.IsFinite(zMax - zMin))
            throw new ArgumentOutOfRangeException(nameof(zMax), Invariant(
                $"Figures.Activations: the range [{zMin}, {zMax}] is wider than a double can hold (zMax - zMin overflows); give a narrower range, such as [-10, 10]."));
        var figure = new Figure(1, 2, width: 1000, height: 440) { Title = "Activation functions and their derivatives" };
        var values = figure[0, 0];
        var slopes = figure[0, 1];
        values.Title = "Activation g(z)";
        slopes.Title = "Derivative g′(z)";
        values.XLabel = slopes.XLabel = "Pre-activation z";
        values.YLabel = "g(z)";
        slopes.YLabel = "g′(z)";
        values.Legend = LegendPosition.UpperLeft;
        slopes.Legend = LegendPosition.UpperLeft;
        values.YMin = -1.5;
        values.YMax = Math.Max(1.5, zMax * 0.6);
        slopes.YMin = -0.1;
        slopes.YMax = 1.25;
        string leaky = Invariant($"leaky ReLU (α = {leakySlope:G3})");
        (string Name, Func<double, double> F, Func<double, double> D, LineStyle Style, double Width)[] functions =
        [
            ("sigmoid σ(z)", ActivationMath.Sigmoid, ActivationMath.SigmoidDerivative, LineStyle.Solid, 2.4),
            ("tanh(z)", Math.Tanh, ActivationMath.TanhDerivative, LineStyle.Dashed, 2.4),
            ("ReLU max(0, z)", ActivationMath.Relu, ActivationMath.ReluDerivative, LineStyle.Solid, 3.5),
            (leaky, z => ActivationMath.LeakyRelu(z, leakySlope), z => ActivationMath.LeakyReluDerivative(z, leakySlope), LineStyle.Dotted, 2.4),
        ];
        for (int k = 0; k < functions.Length; k++)
        {
            var f = values.Function(functions[k].F, zMin, zMax, functions[k].Name, Palette.At(k), 801);
            f.Style = functions[k].Style;
            f.Width = functions[k].Width;
            var d = slopes.Function(functions[k].D, zMin, zMax, functions[k].Name, Palette.At(k), 801);
            d.Style = functions[k].Style;
            d.Width = functions[k].Width;
        }
        return figure;
    }
}

/// <summary>The activation functions drawn by <see cref="Figures.Activations"/> and their derivatives.</summary>
internal static class ActivationMath
{
    /// <summary>1 / (1 + e^-z): the Numerics sigmoid every model uses.</summary>
    public static double Sigmoid(double z) => new Numerics.Kernels.Ops.SigmoidOp<double>().Invoke(z);

    /// <summary>σ(z)(1 - σ(z)).</summary>
    public static double SigmoidDerivative(double z)
    {
        double s = Sigmoid(z);
        return s * (1 - s);
    }

    /// <summary>1 - tanh²(z).</summary>
    public static double TanhDerivative(double z)
    {
        double t = Math.Tanh(z);
        return 1 - t * t;
    }

    /// <summary>max(0, z).</summary>
    public static double Relu(double z) => z > 0 ? z : 0;

    /// <summary>1 for z &gt; 0, else 0 (PyTorch's choice at 0).</summary>
    public static double ReluDerivative(double z) => z > 0 ? 1 : 0;

    /// <summary>z for z &gt; 0, else αz.</summary>
    public static double LeakyRelu(double z, double alpha) => z > 0 ? z : alpha * z;

    /// <summary>1 for z &gt; 0, else α.</summary>
    public static double LeakyReluDerivative(double z, double alpha) => z > 0 ? 1 : alpha;
}
