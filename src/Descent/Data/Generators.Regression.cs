using Descent.Numerics;

namespace Descent.Data;

public static partial class Generators
{
    /// <summary>
    /// A random linear regression problem (scikit-learn's <c>make_regression</c>, one target): X ~ N(0, 1) of shape
    /// samples × features (or, with <paramref name="effectiveRank"/>, <see cref="MakeLowRankMatrix"/> with that rank and
    /// <paramref name="tailStrength"/>: correlated features); the first min(informative, features) coefficients ~ 100·U(0, 1), the rest 0;
    /// y = X·w + bias + N(0, noise²). When <paramref name="shuffle"/>, rows and then feature columns are permuted
    /// (the coefficients with them).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is &lt; 1 (informative &lt; 0) or <paramref name="noise"/> &lt; 0.</exception>
    public static Dataset MakeRegression(int samples = 100, int features = 100, int informative = 10, double bias = 0.0,
        int? effectiveRank = null, double tailStrength = 0.5, double noise = 0.0, bool shuffle = true, long? seed = null) =>
        MakeRegression(out _, samples, features, informative, bias, effectiveRank, tailStrength, noise, shuffle, seed);

    /// <summary>As the other overload, also returning the true coefficients w (scikit-learn's <c>coef=True</c>), in the final column order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is &lt; 1 (informative &lt; 0) or <paramref name="noise"/> &lt; 0.</exception>
    public static Dataset MakeRegression(out double[] coefficients, int samples = 100, int features = 100, int informative = 10,
        double bias = 0.0, int? effectiveRank = null, double tailStrength = 0.5, double noise = 0.0, bool shuffle = true,
        long? seed = null)
    {
        Check.Parameter(samples >= 1, nameof(MakeRegression), nameof(samples), ">= 1", samples);
        Check.Parameter(features >= 1, nameof(MakeRegression), nameof(features), ">= 1", features);
        Check.Parameter(informative >= 0, nameof(MakeRegression), nameof(informative), ">= 0", informative);
        Check.Parameter(noise >= 0, nameof(MakeRegression), nameof(noise), ">= 0", noise);
        var rng = CreateRng(seed);
        informative = Math.Min(informative, features);
        var x = effectiveRank is int rank
            ? LowRankMatrix(samples, features, rank, tailStrength, rng)
            : Matrix.RandomNormal<double>(samples, features, rng);
        coefficients = new double[features];
        for (int j = 0; j < informative; j++)
            coefficients[j] = 100 * rng.NextDouble();
        var y = new double[samples];
        for (int i = 0; i < samples; i++)
        {
            ReadOnlySpan<double> row = x.RowSpan(i);
            double sum = bias;
            for (int j = 0; j < informative; j++)
                sum += row[j] * coefficients[j];
            y[i] = sum;
        }
        if (noise > 0)
            for (int i = 0; i < samples; i++)
                y[i] += noise * rng.NextNormal();
        if (shuffle)
        {
            (x, y) = ShuffleRows(x, y, rng);
            (x, int[] order) = ShuffleColumns(x, rng);
            double[] original = coefficients;
            coefficients = Array.ConvertAll(order, j => original[j]);
        }
        return Build(x, y, "make_regression");
    }
}
