using System.Numerics;

namespace Descent.Numerics.Kernels;

/// <summary>The driver for d = f(x, y) with numpy broadcasting: each row of the result is one call of the op on a
/// (run, run), (run, scalar) or (scalar, run) triple, so a 1×n row, an m×1 column or a 1×1 scalar operand runs
/// at SIMD speed without being materialised.</summary>
internal static class BinaryKernel
{
    /// <summary>destination = op(x, y) elementwise with broadcasting. The caller has checked that destination has
    /// the broadcast shape and that neither input partially overlaps it.</summary>
    public static void Run<T, TOp>(Matrix<T> x, Matrix<T> y, Matrix<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IBinaryOp<T>
    {
        int rows = destination.Rows, columns = destination.Columns;
        if (rows == 0 || columns == 0)
            return;
        if (destination.IsContiguous && TryWhole(x, y, destination, op))
            return;

        // A 1-column operand of a wider result is a per-row scalar.
        bool xScalar = x.Columns == 1 && columns > 1, yScalar = y.Columns == 1 && columns > 1;
        var xRows = new RowSource<T>(x);
        var yRows = new RowSource<T>(y);
        var sink = new RowSink<T>(destination);
        try
        {
            for (int i = 0; i < rows; i++)
            {
                var target = sink.Row(i);
                if (xScalar && yScalar)
                    target.Fill(op.Invoke(xRows.Row(i)[0], yRows.Row(i)[0]));
                else if (xScalar)
                    op.Invoke(xRows.Row(i)[0], yRows.Row(i), target);
                else if (yScalar)
                    op.Invoke(xRows.Row(i), yRows.Row(i)[0], target);
                else
                    op.Invoke(xRows.Row(i), yRows.Row(i), target);
                sink.Commit(i);
            }
        }
        finally
        {
            xRows.Return();
            yRows.Return();
            sink.Return();
        }
    }

    /// <summary>One call over the whole (contiguous) destination when both operands are either contiguous with
    /// its shape or 1×1.</summary>
    private static bool TryWhole<T, TOp>(Matrix<T> x, Matrix<T> y, Matrix<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IBinaryOp<T>
    {
        bool xFull = x.Shape == destination.Shape && x.IsContiguous, yFull = y.Shape == destination.Shape && y.IsContiguous;
        bool xOne = x.Length == 1, yOne = y.Length == 1;
        var d = destination.Data.AsSpan(destination.Offset, destination.Length);
        if (xFull && yFull)
            op.Invoke(Span(x), Span(y), d);
        else if (xFull && yOne)
            op.Invoke(Span(x), y.Data[y.Offset], d);
        else if (xOne && yFull)
            op.Invoke(x.Data[x.Offset], Span(y), d);
        else
            return false;
        return true;
    }

    private static ReadOnlySpan<T> Span<T>(Matrix<T> m) where T : unmanaged, IFloatingPointIeee754<T> =>
        m.Data.AsSpan(m.Offset, m.Length);
}
