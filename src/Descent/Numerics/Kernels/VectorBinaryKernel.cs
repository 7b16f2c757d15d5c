using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels;

/// <summary>A function f(x, y) written once per width (scalar, 256-bit, 512-bit) and run over spans by
/// <see cref="VectorBinaryKernel"/>; for the binary ops TensorPrimitives lacks (the activations' backward rules).</summary>
internal interface IVectorBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>f(x, y) for one pair.</summary>
    T Invoke(T x, T y);

    /// <summary>f applied lane by lane.</summary>
    Vector256<T> Invoke(Vector256<T> x, Vector256<T> y);

    /// <summary>f applied lane by lane.</summary>
    Vector512<T> Invoke(Vector512<T> x, Vector512<T> y);
}

/// <summary>The SIMD loops for d = f(x, y) over (run, run), (run, scalar) and (scalar, run): 512-bit, then 256-bit
/// vectors, then a scalar tail. The spans are either the same memory or disjoint.</summary>
internal static class VectorBinaryKernel
{
    /// <summary>destination[i] = op(x[i], y[i]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T, TOp>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IVectorBinaryOp<T>
    {
        int n = x.Length, i = 0;
        if (y.Length != n || destination.Length < n)
            throw new ArgumentException($"VectorBinaryKernel: lengths {n}, {y.Length} and destination {destination.Length} do not match.");
        if (UnaryKernel.IsVectorizable<T>())
        {
            ref T a = ref MemoryMarshal.GetReference(x);
            ref T b = ref MemoryMarshal.GetReference(y);
            ref T d = ref MemoryMarshal.GetReference(destination);
            if (Vector512.IsHardwareAccelerated)
                for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                    op.Invoke(Vector512.LoadUnsafe(ref a, (nuint)i), Vector512.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            if (Vector256.IsHardwareAccelerated)
                for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
                    op.Invoke(Vector256.LoadUnsafe(ref a, (nuint)i), Vector256.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
        }
        for (; i < n; i++)
            destination[i] = op.Invoke(x[i], y[i]);
    }

    /// <summary>destination[i] = op(x[i], y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T, TOp>(ReadOnlySpan<T> x, T y, Span<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IVectorBinaryOp<T>
    {
        int n = x.Length, i = 0;
        if (destination.Length < n)
            throw new ArgumentException($"VectorBinaryKernel: destination {destination.Length} is shorter than the input {n}.");
        if (UnaryKernel.IsVectorizable<T>())
        {
            ref T a = ref MemoryMarshal.GetReference(x);
            ref T d = ref MemoryMarshal.GetReference(destination);
            if (Vector512.IsHardwareAccelerated)
                for (var b = Vector512.Create(y); i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                    op.Invoke(Vector512.LoadUnsafe(ref a, (nuint)i), b).StoreUnsafe(ref d, (nuint)i);
            if (Vector256.IsHardwareAccelerated)
                for (var b = Vector256.Create(y); i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
                    op.Invoke(Vector256.LoadUnsafe(ref a, (nuint)i), b).StoreUnsafe(ref d, (nuint)i);
        }
        for (; i < n; i++)
            destination[i] = op.Invoke(x[i], y);
    }

    /// <summary>destination[i] = op(x, y[i]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T, TOp>(T x, ReadOnlySpan<T> y, Span<T> destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IVectorBinaryOp<T>
    {
        int n = y.Length, i = 0;
        if (destination.Length < n)
            throw new ArgumentException($"VectorBinaryKernel: destination {destination.Length} is shorter than the input {n}.");
        if (UnaryKernel.IsVectorizable<T>())
        {
            ref T b = ref MemoryMarshal.GetReference(y);
            ref T d = ref MemoryMarshal.GetReference(destination);
            if (Vector512.IsHardwareAccelerated)
                for (var a = Vector512.Create(x); i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                    op.Invoke(a, Vector512.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            if (Vector256.IsHardwareAccelerated)
                for (var a = Vector256.Create(x); i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
                    op.Invoke(a, Vector256.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
        }
        for (; i < n; i++)
            destination[i] = op.Invoke(x, y[i]);
    }
}
