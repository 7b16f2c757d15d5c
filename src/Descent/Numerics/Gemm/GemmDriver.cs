using System.Numerics;

namespace Descent.Numerics;

/// <summary>
/// Computes C = alpha·A·B + beta·C for already-checked shapes (A is m×k, B is k×n, any strides).
/// This is the plain triple loop (i, p, j order); the packed, blocked SIMD kernel replaces it.
/// </summary>
internal static class GemmDriver
{
    public static void Run<T>(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = c.Rows, n = c.Columns, k = a.Columns;
        var row = new T[n];
        for (int i = 0; i < m; i++)
        {
            Array.Clear(row);
            for (int p = 0; p < k; p++)
            {
                T aip = a[i, p];
                for (int j = 0; j < n; j++)
                    row[j] += aip * b[p, j];
            }
            for (int j = 0; j < n; j++)
                c[i, j] = beta == T.Zero ? alpha * row[j] : alpha * row[j] + beta * c[i, j];
        }
    }
}
