using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Numerics.Decompositions;

/// <summary>Textbook reference operations (triple loops, Gauss–Jordan) used as oracles for the decompositions.</summary>
internal static class Naive
{
    public static double[,] Multiply(Matrix<double> a, Matrix<double> b, bool transposeA = false, bool transposeB = false)
    {
        var opA = transposeA ? a.Transpose() : a;
        var opB = transposeB ? b.Transpose() : b;
        var c = new double[opA.Rows, opB.Columns];
        for (int i = 0; i < opA.Rows; i++)
            for (int j = 0; j < opB.Columns; j++)
            {
                double sum = 0;
                for (int p = 0; p < opA.Columns; p++)
                    sum += opA[i, p] * opB[p, j];
                c[i, j] = sum;
            }
        return c;
    }

    /// <summary>x = A⁻¹·b by Gauss–Jordan elimination with partial pivoting (A square, nonsingular).</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int k = 0; k < n; k++)
        {
            int p = k;
            for (int i = k + 1; i < n; i++)
                if (Math.Abs(m[i, k]) > Math.Abs(m[p, k]))
                    p = i;
            for (int j = 0; j < n; j++)
                (m[k, j], m[p, j]) = (m[p, j], m[k, j]);
            (x[k], x[p]) = (x[p], x[k]);
            for (int i = 0; i < n; i++)
            {
                if (i == k)
                    continue;
                double f = m[i, k] / m[k, k];
                for (int j = k; j < n; j++)
                    m[i, j] -= f * m[k, j];
                x[i] -= f * x[k];
            }
        }
        for (int i = 0; i < n; i++)
            x[i] /= m[i, i];
        return x;
    }

    public static Matrix<double> Random(int rows, int columns, ulong seed) =>
        Matrix.RandomNormal<double>(rows, columns, new Rng(seed));

    public static double[] RandomVector(int length, ulong seed) =>
        Matrix.RandomNormal<double>(length, 1, new Rng(seed)).ToArray();

    public static void AssertClose(double[,] expected, Matrix<double> actual, double tolerance)
    {
        Assert.Equal(expected.GetLength(0), actual.Rows);
        Assert.Equal(expected.GetLength(1), actual.Columns);
        for (int i = 0; i < actual.Rows; i++)
            for (int j = 0; j < actual.Columns; j++)
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) <= tolerance * (1 + Math.Abs(expected[i, j])),
                    $"({i}, {j}): expected {expected[i, j]}, got {actual[i, j]}");
    }

    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < actual.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])),
                $"[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    public static double[,] ToArray2D(Matrix<double> m)
    {
        var result = new double[m.Rows, m.Columns];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Columns; j++)
                result[i, j] = m[i, j];
        return result;
    }
}
