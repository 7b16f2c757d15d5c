namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// The bias–variance decomposition against model complexity (a polynomial degree, a tree depth): bias² falling,
    /// variance rising, the noise level flat, their sum (dashed) and the measured test error (diamonds) on top of it,
    /// on a log y axis. Pass NaN noise when it is unknown (bias² then includes it).
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static Figure BiasVariance(IReadOnlyList<double> complexity, IReadOnlyList<double> biasSquared, IReadOnlyList<double> variance,
        IReadOnlyList<double> noise, IReadOnlyList<double> testError, string complexityLabel = "Model complexity",
        string title = "Bias² + variance + noise = test error")
    {
        ArgumentNullException.ThrowIfNull(complexity);
        ArgumentNullException.ThrowIfNull(biasSquared);
        ArgumentNullException.ThrowIfNull(variance);
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(testError);
        int n = complexity.Count;
        if (n == 0 || biasSquared.Count != n || variance.Count != n || noise.Count != n || testError.Count != n)
            throw new ArgumentException(
                $"Figures.BiasVariance: {n} complexities need as many bias², variance, noise and test error values " +
                $"(got {biasSquared.Count}, {variance.Count}, {noise.Count}, {testError.Count}).");
        bool noiseKnown = noise.All(double.IsFinite);
        var figure = new Figure(width: 680, height: 500);
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = complexityLabel;
        axes.YLabel = "Mean squared error (log scale)";
        axes.YScale = AxisScale.Log;
        var bias = axes.Line(complexity, biasSquared, noiseKnown ? "bias²" : "bias² (with the noise)", Palette.At(0));
        bias.Marker = MarkerShape.Circle;
        bias.Width = 2.2;
        var spread = axes.Line(complexity, variance, "variance", Palette.At(1));
        spread.Marker = MarkerShape.Square;
        spread.Width = 2.2;
        if (noiseKnown)
            axes.Line(complexity, noise, "noise σ²", Palette.Grey).Style = LineStyle.Dotted;
        double[] sum = Enumerable.Range(0, n).Select(i => biasSquared[i] + variance[i] + (noiseKnown ? noise[i] : 0)).ToArray();
        var total = axes.Line(complexity, sum, noiseKnown ? "bias² + variance + noise" : "bias² + variance", new Color(0, 0, 0));
        total.Style = LineStyle.Dashed;
        total.Width = 1.6;
        var measured = axes.Scatter(complexity, testError, "measured test error", Palette.At(3), MarkerShape.Diamond);
        measured.Size = 5;
        measured.Opacity = 1;
        return figure;
    }
}
