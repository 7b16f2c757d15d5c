using System.Buffers;
using System.Numerics;

namespace Descent.Numerics.Kernels;

/// <summary>Which extreme an index search looks for; numpy's rule: the first NaN wins, otherwise the first extreme.</summary>
internal interface IArgOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The index of the extreme of a non-empty run.</summary>
    int IndexOf(ReadOnlySpan<T> x);

    /// <summary>True when <paramref name="candidate"/>, seen after <paramref name="best"/>, replaces it.</summary>
    bool Replaces(T candidate, T best);
}

/// <summary>argmax: the first NaN, otherwise the first maximum.</summary>
internal readonly struct ArgMaxOp<T> : IArgOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public int IndexOf(ReadOnlySpan<T> x) => SpanStatistics.IndexOfMax(x);
    public bool Replaces(T candidate, T best) => !T.IsNaN(best) && (T.IsNaN(candidate) || candidate > best);
}

/// <summary>argmin: the first NaN, otherwise the first minimum.</summary>
internal readonly struct ArgMinOp<T> : IArgOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public int IndexOf(ReadOnlySpan<T> x) => SpanStatistics.IndexOfMin(x);
    public bool Replaces(T candidate, T best) => !T.IsNaN(best) && (T.IsNaN(candidate) || candidate < best);
}

/// <summary>Index searches over a non-empty matrix: over all elements (row-major flat index, as numpy), along each
/// row (axis 1) or down each column (axis 0).</summary>
internal static class ArgKernel
{
    /// <summary>The row-major flat index i·columns + j of the extreme element.</summary>
    public static int All<T, TOp>(Matrix<T> x, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IArgOp<T>
    {
        if (x.IsContiguous)
            return op.IndexOf(x.Data.AsSpan(x.Offset, x.Length));
        var rows = new RowSource<T>(x);
        try
        {
            int best = 0;
            T bestValue = T.Zero;
            for (int i = 0; i < x.Rows; i++)
            {
                var row = rows.Row(i);
                int j = op.IndexOf(row);
                if (i == 0 || op.Replaces(row[j], bestValue))
                {
                    best = i * x.Columns + j;
                    bestValue = row[j];
                }
            }
            return best;
        }
        finally
        {
            rows.Return();
        }
    }

    /// <summary>result[i] = column index of the extreme of row i (axis 1).</summary>
    public static int[] AlongRows<T, TOp>(Matrix<T> x, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IArgOp<T>
    {
        var result = new int[x.Rows];
        var rows = new RowSource<T>(x);
        try
        {
            for (int i = 0; i < x.Rows; i++)
                result[i] = op.IndexOf(rows.Row(i));
            return result;
        }
        finally
        {
            rows.Return();
        }
    }

    /// <summary>result[j] = row index of the extreme of column j (axis 0).</summary>
    public static int[] DownColumns<T, TOp>(Matrix<T> x, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IArgOp<T>
    {
        if (x.RowStride == 1 && !x.HasContiguousRows)
            return AlongRows(x.Transpose(), op);
        int columns = x.Columns;
        var result = new int[columns];
        var buffer = ArrayPool<T>.Shared.Rent(columns);
        var rows = new RowSource<T>(x);
        try
        {
            var best = buffer.AsSpan(0, columns);
            rows.Row(0).CopyTo(best);
            for (int i = 1; i < x.Rows; i++)
            {
                var row = rows.Row(i);
                for (int j = 0; j < columns; j++)
                {
                    if (op.Replaces(row[j], best[j]))
                    {
                        best[j] = row[j];
                        result[j] = i;
                    }
                }
            }
            return result;
        }
        finally
        {
            rows.Return();
            ArrayPool<T>.Shared.Return(buffer);
        }
    }
}
