using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Numerics;

/// <summary>Naive products in double precision and the error bound the fast paths must meet.</summary>
internal static class GemmReference
{
    public static Matrix<T> Random<T>(int rows, int columns, ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
        => Matrix.RandomUniform<T>(rows, columns, new Rng(seed), -1.0, 1.0);

    /// <summary>
    /// Checks C against alpha·A·B + beta·C0 computed naively in double, with the classic bound
    /// |error| ≤ c·(k + 2)·eps·(|alpha|·Σₚ|A[i,p]·B[p,j]| + |beta·C0[i,j]|).
    /// </summary>
    public static void AssertProduct<T>(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c0, Matrix<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(a.Rows, c.Rows);
        Assert.Equal(b.Columns, c.Columns);
        int m = a.Rows, n = b.Columns, k = a.Columns;
        double[] av = ToDouble(a), bv = ToDouble(b);
        double al = double.CreateTruncating(alpha), be = double.CreateTruncating(beta);
        double eps = Epsilon<T>();
        var sums = new double[n];
        var magnitudes = new double[n];
        for (int i = 0; i < m; i++)
        {
            Array.Clear(sums);
            Array.Clear(magnitudes);
            for (int p = 0; p < k; p++)
            {
                double aip = av[i * k + p];
                for (int j = 0; j < n; j++)
                {
                    double t = aip * bv[p * n + j];
                    sums[j] += t;
                    magnitudes[j] += Math.Abs(t);
                }
            }
            for (int j = 0; j < n; j++)
            {
                double old = be == 0 ? 0 : double.CreateTruncating(c0[i, j]);
                double expected = al * sums[j] + be * old;
                double bound = 2 * (k + 2) * eps * (Math.Abs(al) * magnitudes[j] + Math.Abs(be * old)) + 1e-300;
                double actual = double.CreateTruncating(c[i, j]);
                if (!(Math.Abs(actual - expected) <= bound))
                    Assert.Fail($"C[{i}, {j}] = {actual}, expected {expected} ± {bound} (m={m}, n={n}, k={k}).");
            }
        }
    }

    private static double Epsilon<T>() where T : unmanaged, IFloatingPointIeee754<T>
        => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);

    private static double[] ToDouble<T>(Matrix<T> m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[m.Length];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Columns; j++)
                result[i * m.Columns + j] = double.CreateTruncating(m[i, j]);
        return result;
    }
}
