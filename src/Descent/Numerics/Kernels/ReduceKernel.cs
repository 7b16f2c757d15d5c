using System.Buffers;
using System.Numerics;

namespace Descent.Numerics.Kernels;

/// <summary>
/// Reductions of a matrix over all elements, along each row (axis 1) or down each column (axis 0). Single-threaded,
/// with a fixed order: rows are reduced as runs and combined first to last, so a result never depends on the
/// thread count. Callers check emptiness for ops without an identity and give a destination that does not share
/// storage with the input.
/// </summary>
internal static class ReduceKernel
{
    /// <summary>The reduction of every element: one call on a contiguous matrix, otherwise row results combined in order.</summary>
    public static T All<T, TOp>(Matrix<T> x, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IReduceOp<T>
    {
        if (x.IsContiguous || x.Rows == 0)
            return op.Reduce(x.Data.AsSpan(x.Offset, x.Length));
        var rows = new RowSource<T>(x);
        try
        {
            T result = op.Reduce(rows.Row(0));
            for (int i = 1; i < x.Rows; i++)
                result = op.Combine(result, op.Reduce(rows.Row(i)));
            return result;
        }
        finally
        {
            rows.Return();
        }
    }

    /// <summary>destination[i] = reduction of row i (axis 1).</summary>
    public static void AlongRows<T, TOp>(Matrix<T> x, Vec<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IReduceOp<T>
    {
        var rows = new RowSource<T>(x);
        try
        {
            for (int i = 0; i < x.Rows; i++)
                Set(destination, i, op.Reduce(rows.Row(i)));
        }
        finally
        {
            rows.Return();
        }
    }

    /// <summary>destination[j] = reduction of column j (axis 0): rows are accumulated into a contiguous buffer in
    /// order (SIMD across columns); a view whose columns are contiguous (a transpose) reduces each column as a run.</summary>
    public static void DownColumns<T, TOp>(Matrix<T> x, Vec<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IReduceOp<T>
    {
        if (x.RowStride == 1 && !x.HasContiguousRows)
        {
            AlongRows(x.Transpose(), destination, op);
            return;
        }
        int columns = x.Columns;
        var buffer = ArrayPool<T>.Shared.Rent(columns);
        var rows = new RowSource<T>(x);
        try
        {
            var accumulator = buffer.AsSpan(0, columns);
            if (x.Rows == 0)
                accumulator.Fill(op.Reduce(ReadOnlySpan<T>.Empty)); // the identity (callers reject ops without one)
            else
                rows.Row(0).CopyTo(accumulator);
            for (int i = 1; i < x.Rows; i++)
                op.Accumulate(rows.Row(i), accumulator);
            for (int j = 0; j < columns; j++)
                Set(destination, j, accumulator[j]);
        }
        finally
        {
            rows.Return();
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes element <paramref name="index"/> of a (possibly strided) vector.</summary>
    public static void Set<T>(Vec<T> v, int index, T value) where T : unmanaged, IFloatingPointIeee754<T> =>
        v.Data[v.Offset + index * v.Stride] = value;
}
