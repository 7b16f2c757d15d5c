using Descent.Numerics.Random;

namespace Descent.Cli.Tour;

/// <summary>
/// The synthetic data of the polynomial and bias-variance chapters (Bishop's example): x uniform in [0, 1] and
/// y = sin(2πx) + ε with ε ~ N(0, <see cref="Noise"/>²), from a seeded generator, so every run draws the same points.
/// </summary>
internal static class SineData
{
    /// <summary>Standard deviation of the noise: the lowest mean squared error any model can reach is its square.</summary>
    public const double Noise = 0.3;

    /// <summary>The curve without noise.</summary>
    public static double Truth(double x) => Math.Sin(2 * Math.PI * x);

    /// <summary><paramref name="count"/> points (x, y) from the stream <paramref name="seed"/>.</summary>
    public static (double[] X, double[] Y) Sample(int count, long seed)
    {
        var rng = new Rng(seed);
        var x = new double[count];
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = rng.NextDouble();
            y[i] = Truth(x[i]) + Noise * rng.NextNormal();
        }
        return (x, y);
    }
}
