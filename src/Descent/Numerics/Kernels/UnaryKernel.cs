using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels;

/// <summary>The drivers for d = f(x): a SIMD loop over spans for Descent's own ops, and the matrix walk that feeds
/// any <see cref="IUnaryOp{T}"/> contiguous runs (the whole matrix, or row by row, gathering strided rows).</summary>
internal static class UnaryKernel
{
    /// <summary>True when the SIMD paths apply to <typeparamref name="T"/> (float and double); a JIT-time constant.</summary>
    public static bool IsVectorizable<T>() => typeof(T) == typeof(float) || typeof(T) == typeof(double);

    /// <summary>destination[i] = op(x[i]) with 512-bit, then 256-bit vectors, then a scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Vectorized<T, TOp>(ReadOnlySpan<T> x, Span<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IVectorUnaryOp<T>
    {
        int n = x.Length, i = 0;
        if (destination.Length < n)
            throw new ArgumentException("destination is shorter than the input.", nameof(destination));
        if (IsVectorizable<T>())
        {
            ref T source = ref MemoryMarshal.GetReference(x);
            ref T target = ref MemoryMarshal.GetReference(destination);
            if (Vector512.IsHardwareAccelerated)
                for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                    op.Invoke(Vector512.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
            if (Vector256.IsHardwareAccelerated)
                for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
                    op.Invoke(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }
        for (; i < n; i++)
            destination[i] = op.Invoke(x[i]);
    }

    /// <summary>destination = op(x) elementwise; the shapes are equal and <paramref name="x"/> is either the
    /// destination itself or does not overlap it. Contiguous pairs run in one call, column-major pairs as their
    /// transposes, anything else row by row (strided rows gathered into a buffer).</summary>
    public static void Map<T, TOp>(Matrix<T> x, Matrix<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
    {
        if (x.Length == 0)
            return;
        if (x.IsContiguous && destination.IsContiguous)
        {
            op.Invoke(x.Data.AsSpan(x.Offset, x.Length), destination.Data.AsSpan(destination.Offset, destination.Length));
            return;
        }
        if (!x.HasContiguousRows && x.RowStride == 1 && destination.RowStride == 1)
        {
            // Both are column-major (transposed) views: an elementwise map is the same on the transposes, whose rows are runs.
            Map(x.Transpose(), destination.Transpose(), op);
            return;
        }
        var source = new RowSource<T>(x);
        var sink = new RowSink<T>(destination);
        try
        {
            for (int i = 0; i < destination.Rows; i++)
            {
                op.Invoke(source.Row(i), sink.Row(i));
                sink.Commit(i);
            }
        }
        finally
        {
            source.Return();
            sink.Return();
        }
    }
}
