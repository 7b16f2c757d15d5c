using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels;

/// <summary>Reductions over one contiguous run that TensorPrimitives does not offer with numpy's semantics.</summary>
internal static class SpanStatistics
{
    /// <summary>
    /// numpy's argmax: the index of the first NaN if there is one, otherwise of the first element equal to the
    /// maximum (−0 and +0 tie, as with numpy's comparison; TensorPrimitives.IndexOfMax prefers +0). Non-empty input.
    /// </summary>
    public static int IndexOfMax<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        IndexOf(x, TensorPrimitives.Max(x));

    /// <summary>numpy's argmin: the first NaN if any, otherwise the first element equal to the minimum. Non-empty input.</summary>
    public static int IndexOfMin<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        IndexOf(x, TensorPrimitives.Min(x));

    private static int IndexOf<T>(ReadOnlySpan<T> x, T extreme) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (T.IsNaN(extreme))
        {
            for (int i = 0; i < x.Length; i++)
                if (T.IsNaN(x[i]))
                    return i;
        }
        return IndexOfEqual(x, extreme);
    }

    /// <summary>The first i with x[i] == value (IEEE equality, so −0 matches +0), comparing a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IndexOfEqual<T>(ReadOnlySpan<T> x, T value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0;
        if (UnaryKernel.IsVectorizable<T>())
        {
            ref T source = ref MemoryMarshal.GetReference(x);
            if (Vector512.IsHardwareAccelerated)
            {
                var target = Vector512.Create(value);
                for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                {
                    ulong mask = Vector512.Equals(Vector512.LoadUnsafe(ref source, (nuint)i), target).ExtractMostSignificantBits();
                    if (mask != 0)
                        return i + BitOperations.TrailingZeroCount(mask);
                }
            }
            if (Vector256.IsHardwareAccelerated)
            {
                var target = Vector256.Create(value);
                for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
                {
                    uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref source, (nuint)i), target).ExtractMostSignificantBits();
                    if (mask != 0)
                        return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }
        for (; i < n; i++)
            if (x[i] == value)
                return i;
        return 0;
    }

    /// <summary>Σ (xᵢ − mean)², accumulated in one 512- or 256-bit vector of lanes, then a scalar tail (a fixed order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T SquaredDeviations<T>(ReadOnlySpan<T> x, T mean) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0;
        T sum = T.Zero;
        if (UnaryKernel.IsVectorizable<T>())
        {
            ref T source = ref MemoryMarshal.GetReference(x);
            if (Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count)
            {
                var m = Vector512.Create(mean);
                var acc = Vector512<T>.Zero;
                for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                {
                    var d = Vector512.LoadUnsafe(ref source, (nuint)i) - m;
                    acc += d * d;
                }
                sum = Vector512.Sum(acc);
            }
            else if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
            {
                var m = Vector256.Create(mean);
                var acc = Vector256<T>.Zero;
                for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
                {
                    var d = Vector256.LoadUnsafe(ref source, (nuint)i) - m;
                    acc += d * d;
                }
                sum = Vector256.Sum(acc);
            }
        }
        for (; i < n; i++)
        {
            T d = x[i] - mean;
            sum += d * d;
        }
        return sum;
    }
}
