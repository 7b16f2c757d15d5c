using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels.Ops;

/// <summary>
/// Binary cross-entropy of a logit x against a target y in [0, 1]: max(x, 0) − x·y + ln(1 + e^(−|x|)), which equals
/// −[y ln σ(x) + (1 − y) ln(1 − σ(x))] without overflow and without ever taking the log of 0.
/// </summary>
internal readonly struct BinaryCrossEntropyWithLogitsOp<T> : IBinaryOp<T>, IVectorBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke(T x, T y) => T.Max(x, T.Zero) - x * y + default(Log1pOp<T>).Invoke(T.Exp(-T.Abs(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) =>
        Vector256.Max(x, Vector256<T>.Zero) - x * y + default(Log1pOp<T>).Invoke(VectorMath.Exp(-Vector256.Abs(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) =>
        Vector512.Max(x, Vector512<T>.Zero) - x * y + default(Log1pOp<T>).Invoke(VectorMath.Exp(-Vector512.Abs(x)));

    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => VectorBinaryKernel.Run(x, y, d, this);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d) => VectorBinaryKernel.Run(x, y, d, this);
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => VectorBinaryKernel.Run(x, y, d, this);
}

/// <summary>Its derivative with respect to the logit, scaled: (σ(x) − y)·scale.</summary>
internal readonly struct BinaryCrossEntropyWithLogitsBackwardOp<T>(T scale) : IBinaryOp<T>, IVectorBinaryOp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke(T x, T y) => (default(SigmoidOp<T>).Invoke(x) - y) * scale;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => (default(SigmoidOp<T>).Invoke(x) - y) * Vector256.Create(scale);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => (default(SigmoidOp<T>).Invoke(x) - y) * Vector512.Create(scale);

    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => VectorBinaryKernel.Run(x, y, d, this);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d) => VectorBinaryKernel.Run(x, y, d, this);
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => VectorBinaryKernel.Run(x, y, d, this);
}
