using Descent.Numerics;

namespace Descent.Data;

public static partial class Generators
{
    /// <summary>
    /// Two interleaving half circles in 2-D (scikit-learn's <c>make_moons</c>): samples/2 points (rounded down) on
    /// the upper half of the unit circle, class 0, the rest on a lower half circle shifted by (1, 0.5), class 1;
    /// rows shuffled when <paramref name="shuffle"/>, then Gaussian noise of standard deviation <paramref name="noise"/> added.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> &lt; 1 or <paramref name="noise"/> &lt; 0.</exception>
    public static Dataset MakeMoons(int samples = 100, bool shuffle = true, double? noise = null, long? seed = null)
    {
        Check.Parameter(samples >= 1, nameof(MakeMoons), nameof(samples), ">= 1", samples);
        Check.Parameter(noise is null || noise >= 0, nameof(MakeMoons), nameof(noise), ">= 0", noise);
        int outer = samples / 2, inner = samples - outer;
        double[] outerAngles = Linspace(0, Math.PI, outer, endpoint: true);
        double[] innerAngles = Linspace(0, Math.PI, inner, endpoint: true);
        var x = new Matrix<double>(samples, 2);
        var y = new double[samples];
        for (int i = 0; i < outer; i++)
        {
            x[i, 0] = Math.Cos(outerAngles[i]);
            x[i, 1] = Math.Sin(outerAngles[i]);
        }
        for (int i = 0; i < inner; i++)
        {
            x[outer + i, 0] = 1 - Math.Cos(innerAngles[i]);
            x[outer + i, 1] = 1 - Math.Sin(innerAngles[i]) - 0.5;
            y[outer + i] = 1;
        }
        return Finish(x, y, shuffle, noise, seed, "make_moons");
    }

    /// <summary>
    /// A large circle containing a smaller one in 2-D (scikit-learn's <c>make_circles</c>): samples/2 points (rounded
    /// down) evenly spaced on the unit circle, class 0, the rest on the circle of radius <paramref name="factor"/>,
    /// class 1; rows shuffled when <paramref name="shuffle"/>, then Gaussian noise of standard deviation <paramref name="noise"/> added.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> &lt; 1, <paramref name="noise"/> &lt; 0 or <paramref name="factor"/> outside [0, 1).</exception>
    public static Dataset MakeCircles(int samples = 100, bool shuffle = true, double? noise = null, long? seed = null, double factor = 0.8)
    {
        Check.Parameter(samples >= 1, nameof(MakeCircles), nameof(samples), ">= 1", samples);
        Check.Parameter(noise is null || noise >= 0, nameof(MakeCircles), nameof(noise), ">= 0", noise);
        Check.Parameter(factor >= 0 && factor < 1, nameof(MakeCircles), nameof(factor), "in [0, 1)", factor);
        int outer = samples / 2, inner = samples - outer;
        double[] outerAngles = Linspace(0, 2 * Math.PI, outer, endpoint: false);
        double[] innerAngles = Linspace(0, 2 * Math.PI, inner, endpoint: false);
        var x = new Matrix<double>(samples, 2);
        var y = new double[samples];
        for (int i = 0; i < outer; i++)
        {
            x[i, 0] = Math.Cos(outerAngles[i]);
            x[i, 1] = Math.Sin(outerAngles[i]);
        }
        for (int i = 0; i < inner; i++)
        {
            x[outer + i, 0] = Math.Cos(innerAngles[i]) * factor;
            x[outer + i, 1] = Math.Sin(innerAngles[i]) * factor;
            y[outer + i] = 1;
        }
        return Finish(x, y, shuffle, noise, seed, "make_circles");
    }

    private static Dataset Finish(Matrix<double> x, double[] y, bool shuffle, double? noise, long? seed, string generator)
    {
        var rng = CreateRng(seed);
        if (shuffle)
            (x, y) = ShuffleRows(x, y, rng);
        if (noise is double scale)
        {
            Span<double> values = x.AsSpan();
            for (int i = 0; i < values.Length; i++)
                values[i] += scale * rng.NextNormal();
        }
        return Build(x, y, generator);
    }
}
