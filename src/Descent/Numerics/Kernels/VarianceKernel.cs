using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using Descent.Numerics.Kernels.Ops;

namespace Descent.Numerics.Kernels;

/// <summary>
/// Var = Σ (x − mean)² / max(n − ddof, 0), two passes as numpy does (the mean first, then the squared deviations),
/// over all elements, along each row (axis 1) or down each column (axis 0). Fixed order, single-threaded.
/// </summary>
internal static class VarianceKernel
{
    /// <summary>The variance of every element.</summary>
    public static T All<T>(Matrix<T> x, int ddof) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length;
        T mean = ReduceKernel.All(x, new SumOp<T>()) / T.CreateTruncating(n);
        if (x.IsContiguous || x.Rows == 0)
            return SpanStatistics.SquaredDeviations(x.Data.AsSpan(x.Offset, n), mean) / Divisor<T>(n, ddof);
        var rows = new RowSource<T>(x);
        try
        {
            T sum = T.Zero;
            for (int i = 0; i < x.Rows; i++)
                sum += SpanStatistics.SquaredDeviations(rows.Row(i), mean);
            return sum / Divisor<T>(n, ddof);
        }
        finally
        {
            rows.Return();
        }
    }

    /// <summary>destination[i] = variance of row i (axis 1).</summary>
    public static void AlongRows<T>(Matrix<T> x, int ddof, Vec<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T count = T.CreateTruncating(x.Columns), divisor = Divisor<T>(x.Columns, ddof);
        var rows = new RowSource<T>(x);
        try
        {
            for (int i = 0; i < x.Rows; i++)
            {
                var row = rows.Row(i);
                T mean = TensorPrimitives.Sum(row) / count;
                ReduceKernel.Set(destination, i, SpanStatistics.SquaredDeviations(row, mean) / divisor);
            }
        }
        finally
        {
            rows.Return();
        }
    }

    /// <summary>destination[j] = variance of column j (axis 0): column means, then Σᵢ (rowᵢ − means)² accumulated
    /// row by row with SIMD across columns.</summary>
    public static void DownColumns<T>(Matrix<T> x, int ddof, Vec<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.RowStride == 1 && !x.HasContiguousRows)
        {
            AlongRows(x.Transpose(), ddof, destination);
            return;
        }
        int columns = x.Columns;
        var buffer = ArrayPool<T>.Shared.Rent(3 * columns);
        var rows = new RowSource<T>(x);
        try
        {
            var means = buffer.AsSpan(0, columns);
            var sums = buffer.AsSpan(columns, columns);
            var deviation = buffer.AsSpan(2 * columns, columns);
            means.Clear();
            for (int i = 0; i < x.Rows; i++)
                TensorPrimitives.Add(means, rows.Row(i), means);
            TensorPrimitives.Divide(means, T.CreateTruncating(x.Rows), means);
            sums.Clear();
            for (int i = 0; i < x.Rows; i++)
            {
                TensorPrimitives.Subtract(rows.Row(i), means, deviation);
                TensorPrimitives.MultiplyAdd(deviation, deviation, sums, sums);
            }
            T divisor = Divisor<T>(x.Rows, ddof);
            for (int j = 0; j < columns; j++)
                ReduceKernel.Set(destination, j, sums[j] / divisor);
        }
        finally
        {
            rows.Return();
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private static T Divisor<T>(int n, int ddof) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(Math.Max(n - ddof, 0));
}
