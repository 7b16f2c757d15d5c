using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Data;

public static partial class Generators
{
    /// <summary>
    /// A random n-class classification problem (scikit-learn's <c>make_classification</c>): each class is made of
    /// <paramref name="clustersPerClass"/> Gaussian clusters centred on distinct random vertices of a hypercube of side
    /// 2·<paramref name="classSep"/> in the informative subspace, each cluster N(0, 1) points mixed by a random matrix
    /// U(-1, 1); then <paramref name="redundant"/> random linear combinations of the informative features,
    /// <paramref name="repeated"/> copies of random earlier columns, and N(0, 1) noise columns; a fraction
    /// <paramref name="flipY"/> of labels replaced by random classes; X shifted and scaled (null: random per feature,
    /// U(-classSep, classSep) and 1 + 100·U(0, 1)); rows and columns shuffled when <paramref name="shuffle"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The column counts do not add up, classes × clustersPerClass &gt; 2^informative, weights do not match the classes, or a value is out of range.</exception>
    public static Dataset MakeClassification(int samples = 100, int features = 20, int informative = 2, int redundant = 2,
        int repeated = 0, int classes = 2, int clustersPerClass = 2, double[]? weights = null, double flipY = 0.01,
        double classSep = 1.0, bool hypercube = true, double? shift = 0.0, double? scale = 1.0, bool shuffle = true,
        long? seed = null)
    {
        const string name = nameof(MakeClassification);
        Check.Parameter(samples >= 1, name, nameof(samples), ">= 1", samples);
        Check.Parameter(informative >= 1, name, nameof(informative), ">= 1", informative);
        Check.Parameter(redundant >= 0 && repeated >= 0, name, redundant < 0 ? nameof(redundant) : nameof(repeated), ">= 0",
            Math.Min(redundant, repeated));
        Check.Parameter(informative + redundant + repeated <= features, name, nameof(features),
            $">= informative + redundant + repeated ({informative + redundant + repeated})", features);
        Check.Parameter(classes >= 1 && clustersPerClass >= 1, name, classes < 1 ? nameof(classes) : nameof(clustersPerClass),
            ">= 1", Math.Min(classes, clustersPerClass));
        Check.Parameter(informative >= Math.Log2((double)classes * clustersPerClass), name, nameof(informative),
            $">= log2(classes × clustersPerClass) = log2({classes * clustersPerClass})", informative,
            "Each cluster needs its own vertex of the 2^informative hypercube.");
        Check.Parameter(flipY >= 0 && flipY <= 1, name, nameof(flipY), "in [0, 1]", flipY);
        weights = ClassWeights(weights, classes);

        var rng = CreateRng(seed);
        int useless = features - informative - redundant - repeated;
        int clusters = classes * clustersPerClass;
        var perCluster = new int[clusters];
        for (int k = 0; k < clusters; k++)
            perCluster[k] = (int)(samples * weights[k % classes] / clustersPerClass);
        for (int i = 0, missing = samples - perCluster.Sum(); i < missing; i++)
            perCluster[i % clusters]++;

        var centroids = HypercubeVertices(clusters, informative, rng);
        for (int k = 0; k < clusters; k++)
            for (int j = 0; j < informative; j++)
                centroids[k, j] = centroids[k, j] * 2 * classSep - classSep;
        if (!hypercube)
        {
            for (int k = 0; k < clusters; k++)
            {
                double factor = rng.NextDouble();
                for (int j = 0; j < informative; j++)
                    centroids[k, j] *= factor;
            }
            for (int j = 0; j < informative; j++)
            {
                double factor = rng.NextDouble();
                for (int k = 0; k < clusters; k++)
                    centroids[k, j] *= factor;
            }
        }

        var x = new Matrix<double>(samples, features);
        var y = new double[samples];
        var informativeBlock = Matrix.RandomNormal<double>(samples, informative, rng);
        int start = 0;
        for (int k = 0; k < clusters; k++)
        {
            int count = perCluster[k];
            var mixing = Matrix.RandomUniform<double>(informative, informative, rng, -1.0, 1.0);
            var mixed = informativeBlock.RowRange(start, count).Multiply(mixing);
            for (int i = 0; i < count; i++)
            {
                y[start + i] = k % classes;
                for (int j = 0; j < informative; j++)
                    x[start + i, j] = mixed[i, j] + centroids[k, j];
            }
            start += count;
        }
        if (redundant > 0)
        {
            var combination = Matrix.RandomUniform<double>(informative, redundant, rng, -1.0, 1.0);
            var redundantBlock = x.ColumnRange(0, informative).Multiply(combination);
            redundantBlock.CopyTo(x.ColumnRange(informative, redundant));
        }
        if (repeated > 0)
        {
            int n = informative + redundant;
            for (int r = 0; r < repeated; r++)
            {
                int source = (int)((n - 1) * rng.NextDouble() + 0.5);
                for (int i = 0; i < samples; i++)
                    x[i, n + r] = x[i, source];
            }
        }
        for (int i = 0; i < samples; i++)
            for (int j = features - useless; j < features; j++)
                x[i, j] = rng.NextNormal();
        for (int i = 0; i < samples; i++)
            if (rng.NextDouble() < flipY)
                y[i] = rng.NextInt(classes);
        ShiftAndScale(x, shift, scale, classSep, rng);
        if (shuffle)
        {
            (x, y) = ShuffleRows(x, y, rng);
            (x, _) = ShuffleColumns(x, rng);
        }
        return Build(x, y, "make_classification");
    }

    private static double[] ClassWeights(double[]? weights, int classes)
    {
        if (weights is null)
            return Enumerable.Repeat(1.0 / classes, classes).ToArray();
        Check.Parameter(weights.Length == classes || weights.Length == classes - 1, nameof(MakeClassification),
            nameof(weights), $"{classes} or {classes - 1} values (one per class, the last may be implied)", weights.Length);
        return weights.Length == classes ? weights : [.. weights, 1.0 - weights.Sum()];
    }

    /// <summary>Distinct random vertices of {0, 1}^dimensions, one per row (scikit-learn's <c>_generate_hypercube</c>).</summary>
    private static Matrix<double> HypercubeVertices(int count, int dimensions, Rng rng)
    {
        var vertices = new Matrix<double>(count, dimensions);
        int bitsPerPart = Math.Min(dimensions, 30);
        var chosen = new HashSet<int>();
        // Distinct integers in [0, 2^bits) give distinct vertices on the last bits; extra dimensions are random bits.
        for (int k = 0; k < count; k++)
        {
            int code;
            do
                code = rng.NextInt(1 << bitsPerPart);
            while (!chosen.Add(code));
            for (int b = 0; b < bitsPerPart; b++)
                vertices[k, dimensions - 1 - b] = (code >> b) & 1;
            for (int j = 0; j < dimensions - bitsPerPart; j++)
                vertices[k, j] = rng.NextInt(2);
        }
        return vertices;
    }

    private static void ShiftAndScale(Matrix<double> x, double? shift, double? scale, double classSep, Rng rng)
    {
        var shifts = new double[x.Columns];
        var scales = new double[x.Columns];
        for (int j = 0; j < x.Columns; j++)
            shifts[j] = shift ?? (2 * rng.NextDouble() - 1) * classSep;
        for (int j = 0; j < x.Columns; j++)
            scales[j] = scale ?? 1 + 100 * rng.NextDouble();
        for (int i = 0; i < x.Rows; i++)
        {
            Span<double> row = x.RowSpan(i);
            for (int j = 0; j < row.Length; j++)
                row[j] = (row[j] + shifts[j]) * scales[j];
        }
    }
}
