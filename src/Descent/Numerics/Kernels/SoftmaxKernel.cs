using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Kernels;

/// <summary>Row-wise softmax, log-softmax and log-sum-exp, each computed after subtracting the row maximum so
/// that exp never overflows (TensorPrimitives.SoftMax does not shift). The destination is the input itself or
/// does not overlap it.</summary>
internal static class SoftmaxKernel
{
    /// <summary>dᵢⱼ = exp(xᵢⱼ − mᵢ) / Σₖ exp(xᵢₖ − mᵢ), mᵢ = max of row i.</summary>
    public static void Softmax<T>(Matrix<T> x, Matrix<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Columns == 0)
            return;
        var rows = new RowSource<T>(x);
        var sink = new RowSink<T>(destination);
        try
        {
            for (int i = 0; i < x.Rows; i++)
            {
                var row = rows.Row(i);
                var target = sink.Row(i);
                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), target);
                TensorPrimitives.Exp(target, target);
                TensorPrimitives.Divide(target, TensorPrimitives.Sum(target), target);
                sink.Commit(i);
            }
        }
        finally
        {
            rows.Return();
            sink.Return();
        }
    }

    /// <summary>
    /// Replaces each row of <paramref name="scores"/> (row-major, <paramref name="columns"/> per row, one row per value
    /// of <paramref name="logSumExp"/>) by its softmax and writes lseᵢ = mᵢ + ln Σₖ exp(zᵢₖ − mᵢ) into
    /// <paramref name="logSumExp"/> (mᵢ the row maximum; rows are finite): both in one pass, with one exp call over the
    /// whole block, for losses that need the probabilities and the log-sum-exp together (cross-entropy).
    /// </summary>
    public static void SoftmaxWithLogSumExp<T>(Span<T> scores, int columns, Span<T> logSumExp) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = logSumExp.Length;
        for (int i = 0; i < rows; i++)
        {
            var row = scores.Slice(i * columns, columns);
            T max = TensorPrimitives.Max<T>(row);
            TensorPrimitives.Subtract<T>(row, max, row);
            logSumExp[i] = max;
        }
        TensorPrimitives.Exp<T>(scores[..(rows * columns)], scores);
        for (int i = 0; i < rows; i++)
        {
            var row = scores.Slice(i * columns, columns);
            T sum = TensorPrimitives.Sum<T>(row);
            TensorPrimitives.Divide<T>(row, sum, row);
            logSumExp[i] += T.Log(sum);
        }
    }

    /// <summary>dᵢⱼ = (xᵢⱼ − sᵢ) − ln Σₖ exp(xᵢₖ − sᵢ), sᵢ the shift of <see cref="Shift{T}"/>.</summary>
    public static void LogSoftmax<T>(Matrix<T> x, Matrix<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Columns == 0)
            return;
        var rows = new RowSource<T>(x);
        var sink = new RowSink<T>(destination);
        var buffer = ArrayPool<T>.Shared.Rent(x.Columns);
        try
        {
            var exp = buffer.AsSpan(0, x.Columns);
            for (int i = 0; i < x.Rows; i++)
            {
                var row = rows.Row(i);
                var target = sink.Row(i);
                TensorPrimitives.Subtract(row, Shift(row), target);
                TensorPrimitives.Exp(target, exp);
                TensorPrimitives.Subtract(target, T.Log(TensorPrimitives.Sum(exp)), target);
                sink.Commit(i);
            }
        }
        finally
        {
            rows.Return();
            sink.Return();
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    /// <summary>destination[i] = sᵢ + ln Σⱼ exp(xᵢⱼ − sᵢ): −∞ for an empty row or one of only −∞, +∞ if the row
    /// holds +∞, NaN if it holds NaN (scipy.special.logsumexp).</summary>
    public static void LogSumExp<T>(Matrix<T> x, Vec<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rows = new RowSource<T>(x);
        var buffer = ArrayPool<T>.Shared.Rent(Math.Max(x.Columns, 1));
        try
        {
            var exp = buffer.AsSpan(0, x.Columns);
            for (int i = 0; i < x.Rows; i++)
            {
                var row = rows.Row(i);
                T shift = Shift(row);
                TensorPrimitives.Subtract(row, shift, exp);
                TensorPrimitives.Exp(exp, exp);
                ReduceKernel.Set(destination, i, shift + T.Log(TensorPrimitives.Sum(exp)));
            }
        }
        finally
        {
            rows.Return();
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    /// <summary>The row maximum when finite, otherwise 0 (scipy's rule, so ±∞ rows give ±∞ instead of ∞ − ∞).</summary>
    private static T Shift<T>(ReadOnlySpan<T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (row.IsEmpty)
            return T.Zero;
        T max = TensorPrimitives.Max(row);
        return T.IsFinite(max) ? max : T.Zero;
    }
}
