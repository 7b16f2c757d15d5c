using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using Descent.Numerics.Threading;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Matrix-vector products y = alpha·A·x + beta·y (A m×k, x and y strided vectors given as one-column matrices).
/// Rows of A contiguous: one dot product per element of y. Columns of A contiguous (a transposed view): y is built
/// by axpy over the columns, Σₚ x[p]·A[:, p]. Large products split y into fixed ranges across threads, so every
/// element sees the same operations for any thread count.
/// </summary>
internal static class GemvKernels
{
    /// <summary>Elements of A each thread should get at the least before another thread is worth waking.</summary>
    private const long MinElementsPerThread = 1L << 17;

    public static void Run<T>(T alpha, Matrix<T> a, Matrix<T> x, T beta, Matrix<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, k = a.Columns;
        T[] rented = ArrayPool<T>.Shared.Rent(k);
        try
        {
            var xs = rented.AsSpan(0, k);
            for (int p = 0; p < k; p++)
                xs[p] = x.Data[x.Offset + p * x.RowStride];
            int threads = (int)Math.Clamp((long)m * k / MinElementsPerThread, 1, Math.Min(Parallelism.MaxThreads, m));
            if (threads == 1)
                RunRows(alpha, a, rented, k, beta, y, 0, m);
            else
                RunParallel(alpha, a, rented, k, beta, y, threads);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>Fixed row ranges on each thread (in its own method, so a single-threaded product allocates no closure).</summary>
    private static void RunParallel<T>(T alpha, Matrix<T> a, T[] xStorage, int k, T beta, Matrix<T> y, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows;
        ForkJoin.Run(threads, t =>
            RunRows(alpha, a, xStorage, k, beta, y, (int)((long)m * t / threads), (int)((long)m * (t + 1) / threads)));
    }

    /// <summary>y[first..last] = alpha·A[first..last, :]·x + beta·y[first..last].</summary>
    private static void RunRows<T>(T alpha, Matrix<T> a, T[] xStorage, int k, T beta, Matrix<T> y, int first, int last)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> xs = xStorage.AsSpan(0, k);
        int count = last - first;
        T[] rented = ArrayPool<T>.Shared.Rent(count + k);
        try
        {
            var sums = rented.AsSpan(0, count);
            if (a.ColumnStride == 1 || k == 1)
            {
                for (int i = 0; i < count; i++)
                    sums[i] = TensorPrimitives.Dot(a.Data.AsSpan(a.Offset + (first + i) * a.RowStride, k), xs);
            }
            else if (a.RowStride == 1)
            {
                sums.Clear();
                for (int p = 0; p < k; p++)
                    TensorPrimitives.FusedMultiplyAdd(a.Data.AsSpan(a.Offset + first + p * a.ColumnStride, count), xs[p], sums, sums);
            }
            else
            {
                var row = rented.AsSpan(count, k);
                for (int i = 0; i < count; i++)
                {
                    int start = a.Offset + (first + i) * a.RowStride;
                    for (int p = 0; p < k; p++)
                        row[p] = a.Data[start + p * a.ColumnStride];
                    sums[i] = TensorPrimitives.Dot<T>(row, xs);
                }
            }
            Store(alpha, sums, beta, y.Data, y.Offset + first * y.RowStride, y.RowStride);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>target[j·stride] = alpha·sums[j] + beta·target[j·stride], with the target not read when beta is 0.</summary>
    public static void Store<T>(T alpha, ReadOnlySpan<T> sums, T beta, T[] target, int start, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.Zero)
        {
            for (int j = 0; j < sums.Length; j++)
                target[start + j * stride] = alpha * sums[j];
            return;
        }
        for (int j = 0; j < sums.Length; j++)
        {
            ref T slot = ref target[start + j * stride];
            slot = T.FusedMultiplyAdd(beta, slot, alpha * sums[j]);
        }
    }
}
