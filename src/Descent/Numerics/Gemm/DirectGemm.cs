using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Small products without packing: C[i, :] = alpha·Σₚ A[i, p]·B[p, :] + beta·C[i, :], one row of C at a time,
/// accumulated in a row buffer with vectorised fused multiply-adds when B's rows are contiguous, or as one dot product
/// per element when A's rows and B's columns are (A·Bᵀ). Packing would cost more than it saves at these sizes.
/// </summary>
internal static class DirectGemm
{
    public static void Run<T>(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = c.Rows, n = c.Columns, k = a.Columns;
        T[] rented = ArrayPool<T>.Shared.Rent(n + k);
        try
        {
            Span<T> sums = rented.AsSpan(0, n);
            Span<T> aRow = rented.AsSpan(n, k);
            bool dotProducts = b.ColumnStride != 1 && b.RowStride == 1;
            for (int i = 0; i < m; i++)
            {
                for (int p = 0; p < k; p++)
                    aRow[p] = a.Data[a.Offset + i * a.RowStride + p * a.ColumnStride];
                if (dotProducts)
                {
                    for (int j = 0; j < n; j++)
                        sums[j] = TensorPrimitives.Dot<T>(aRow, b.Data.AsSpan(b.Offset + j * b.ColumnStride, k));
                }
                else
                {
                    sums.Clear();
                    for (int p = 0; p < k; p++)
                        AddScaledRow(aRow[p], b, p, sums);
                }
                GemvKernels.Store(alpha, sums, beta, c.Data, c.Offset + i * c.RowStride, c.ColumnStride);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>sums[j] += scale·B[p, j].</summary>
    private static void AddScaledRow<T>(T scale, Matrix<T> b, int p, Span<T> sums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int start = b.Offset + p * b.RowStride;
        if (b.ColumnStride == 1)
        {
            TensorPrimitives.FusedMultiplyAdd(b.Data.AsSpan(start, sums.Length), scale, sums, sums);
            return;
        }
        for (int j = 0; j < sums.Length; j++)
            sums[j] = T.FusedMultiplyAdd(scale, b.Data[start + j * b.ColumnStride], sums[j]);
    }
}
