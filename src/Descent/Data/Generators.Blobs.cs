using Descent.Numerics;

namespace Descent.Data;

public static partial class Generators
{
    /// <summary>
    /// Isotropic Gaussian blobs (scikit-learn's <c>make_blobs</c>): <paramref name="centers"/> centres drawn uniformly
    /// in the box [<paramref name="centerBoxLow"/>, <paramref name="centerBoxHigh"/>]^features, samples split evenly
    /// between them (the first samples % centers get one more), each point its centre plus N(0, clusterStd²) per
    /// feature; the target is the centre's index. Rows shuffled when <paramref name="shuffle"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is &lt; 1, <paramref name="clusterStd"/> &lt; 0, or the box is empty.</exception>
    public static Dataset MakeBlobs(int samples = 100, int features = 2, int centers = 3, double clusterStd = 1.0,
        double centerBoxLow = -10.0, double centerBoxHigh = 10.0, bool shuffle = true, long? seed = null)
    {
        Check.Parameter(features >= 1, nameof(MakeBlobs), nameof(features), ">= 1", features);
        Check.Parameter(centers >= 1, nameof(MakeBlobs), nameof(centers), ">= 1", centers);
        Check.Parameter(centerBoxHigh >= centerBoxLow, nameof(MakeBlobs), nameof(centerBoxHigh), $">= centerBoxLow ({centerBoxLow})", centerBoxHigh);
        var rng = CreateRng(seed);
        var centerMatrix = Matrix.RandomUniform<double>(centers, features, rng, centerBoxLow, centerBoxHigh);
        return Blobs(samples, centerMatrix, Enumerable.Repeat(clusterStd, centers).ToArray(), shuffle, rng);
    }

    /// <summary>
    /// Gaussian blobs around given centres (one row of <paramref name="centers"/> each), with one standard deviation
    /// per centre (<paramref name="clusterStd"/>, null for 1.0 everywhere); otherwise as the other overload.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> &lt; 1, a standard deviation &lt; 0, or their count differs from the centres'.</exception>
    public static Dataset MakeBlobs(Matrix<double> centers, int samples = 100, double[]? clusterStd = null,
        bool shuffle = true, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(centers);
        Check.Parameter(centers.Rows >= 1, nameof(MakeBlobs), nameof(centers), "at least one row", centers.Shape);
        clusterStd ??= Enumerable.Repeat(1.0, centers.Rows).ToArray();
        Check.Parameter(clusterStd.Length == centers.Rows, nameof(MakeBlobs), nameof(clusterStd),
            $"one value per centre ({centers.Rows})", clusterStd.Length);
        return Blobs(samples, centers, clusterStd, shuffle, CreateRng(seed));
    }

    private static Dataset Blobs(int samples, Matrix<double> centers, double[] clusterStd, bool shuffle, Numerics.Random.Rng rng)
    {
        Check.Parameter(samples >= 1, nameof(MakeBlobs), nameof(samples), ">= 1", samples);
        foreach (double std in clusterStd)
            Check.Parameter(std >= 0, nameof(MakeBlobs), nameof(clusterStd), ">= 0", std);
        int count = centers.Rows, features = centers.Columns;
        var x = new Matrix<double>(samples, features);
        var y = new double[samples];
        int row = 0;
        for (int c = 0; c < count; c++)
        {
            int n = samples / count + (c < samples % count ? 1 : 0);
            for (int i = 0; i < n; i++, row++)
            {
                for (int j = 0; j < features; j++)
                    x[row, j] = centers[c, j] + clusterStd[c] * rng.NextNormal();
                y[row] = c;
            }
        }
        if (shuffle)
            (x, y) = ShuffleRows(x, y, rng);
        return Build(x, y, "make_blobs");
    }
}
