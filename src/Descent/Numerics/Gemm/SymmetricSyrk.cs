using System.Numerics;

namespace Descent.Numerics.Gemm;

/// <summary>
/// The symmetric rank-k update behind <see cref="Blas.Syrk{T}"/>: the lower triangle of C = alpha·A·Aᵀ + beta·C by the
/// GEMM paths with the tiles above the diagonal skipped (about half the work of the full product), then copied to the
/// upper triangle.
/// </summary>
internal static class SymmetricSyrk
{
    /// <summary>C = alpha·A·Aᵀ + beta·C for a checked n×k A and n×n C; only the lower triangle of C is read.</summary>
    public static void Run<T>(T alpha, Matrix<T> a, T beta, Matrix<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GemmDriver.Run(alpha, a, a.Transpose(), beta, c, lower: true);
        MirrorLower(c);
    }

    /// <summary>C[j, i] = C[i, j] for every i &gt; j: the upper triangle becomes a copy of the lower one.</summary>
    public static void MirrorLower<T>(Matrix<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 1; i < c.Rows; i++)
        {
            int row = c.Offset + i * c.RowStride;
            for (int j = 0; j < i; j++)
                c.Data[c.Offset + j * c.RowStride + i * c.ColumnStride] = c.Data[row + j * c.ColumnStride];
        }
    }
}
