using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Data;

/// <summary>
/// Synthetic datasets with scikit-learn's generators' names, parameters, defaults and distributions
/// (<c>sklearn.datasets.make_*</c>), drawn from Descent's own seeded <see cref="Rng"/>: the same seed gives the
/// same data on every machine, though not the same numbers as numpy's generator. A null seed draws a fresh one
/// (scikit-learn's <c>random_state=None</c>). Features are named x0, x1, …; the target is y.
/// </summary>
public static partial class Generators
{
    private static Rng CreateRng(long? seed) => new(seed ?? Random.Shared.NextInt64());

    private static string[] FeatureNames(int count) => Enumerable.Range(0, count).Select(j => $"x{j}").ToArray();

    /// <summary>Rows of X and y permuted together (scikit-learn's <c>utils.shuffle</c>).</summary>
    private static (Matrix<double> X, double[] Y) ShuffleRows(Matrix<double> x, double[] y, Rng rng)
    {
        int[] order = rng.Permutation(x.Rows);
        var shuffledX = new Matrix<double>(x.Rows, x.Columns);
        var shuffledY = new double[y.Length];
        for (int i = 0; i < order.Length; i++)
        {
            x.RowSpan(order[i]).CopyTo(shuffledX.RowSpan(i));
            shuffledY[i] = y[order[i]];
        }
        return (shuffledX, shuffledY);
    }

    /// <summary>Columns of X permuted (and the same permutation returned, to reorder coefficients).</summary>
    private static (Matrix<double> X, int[] Order) ShuffleColumns(Matrix<double> x, Rng rng)
    {
        int[] order = rng.Permutation(x.Columns);
        var shuffled = new Matrix<double>(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
        {
            Span<double> source = x.RowSpan(i), target = shuffled.RowSpan(i);
            for (int j = 0; j < order.Length; j++)
                target[j] = source[order[j]];
        }
        return (shuffled, order);
    }

    private static Dataset Build(Matrix<double> x, double[] y, string generator) =>
        new(x, FeatureNames(x.Columns), "y", y, null, $"generated:{generator}");

    /// <summary>numpy's linspace(start, stop, count, endpoint): evenly spaced values.</summary>
    private static double[] Linspace(double start, double stop, int count, bool endpoint)
    {
        var values = new double[count];
        int divisions = endpoint ? count - 1 : count;
        double step = divisions > 0 ? (stop - start) / divisions : 0;
        for (int i = 0; i < count; i++)
            values[i] = start + i * step;
        if (endpoint && count > 1)
            values[count - 1] = stop;
        return values;
    }
}
