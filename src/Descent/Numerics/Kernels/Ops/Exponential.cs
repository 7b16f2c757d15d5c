using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels.Ops;

/// <summary>eˣ</summary>
internal readonly struct ExpOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Exp(x, d);
}

/// <summary>ln x (NaN for x &lt; 0, −∞ for ±0).</summary>
internal readonly struct LogOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Log(x, d);
}

/// <summary>
/// ln(1 + x), accurate for tiny x: with u = fl(1 + x), ln(1 + x) = ln(u) · x / (u − 1), exact to a few ulps
/// (Goldberg 1991); x when u = 1. (TensorPrimitives.LogP1 computes ln(x + 1) and loses the digits of small x.)
/// </summary>
internal readonly struct Log1pOp<T> : IUnaryOp<T>, IVectorUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => UnaryKernel.Vectorized(x, d, this);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public T Invoke(T x)
    {
        T u = T.One + x;
        if (u == T.One || T.IsPositiveInfinity(x))
            return x;
        return T.Log(u) * (x / (u - T.One));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector256<T> Invoke(Vector256<T> x)
    {
        var u = Vector256<T>.One + x;
        var general = VectorMath.Log(u) * (x / (u - Vector256<T>.One));
        var keep = Vector256.Equals(u, Vector256<T>.One) | Vector256.Equals(x, Vector256.Create(T.PositiveInfinity));
        return Vector256.ConditionalSelect(keep, x, general);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector512<T> Invoke(Vector512<T> x)
    {
        var u = Vector512<T>.One + x;
        var general = VectorMath.Log(u) * (x / (u - Vector512<T>.One));
        var keep = Vector512.Equals(u, Vector512<T>.One) | Vector512.Equals(x, Vector512.Create(T.PositiveInfinity));
        return Vector512.ConditionalSelect(keep, x, general);
    }
}

/// <summary>√x (NaN for x &lt; 0, −0 for −0).</summary>
internal readonly struct SqrtOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sqrt(x, d);
}

/// <summary>x²</summary>
internal readonly struct SquareOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Multiply(x, x, d);
}

/// <summary>|x|</summary>
internal readonly struct AbsOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Abs(x, d);
}

/// <summary>−x</summary>
internal readonly struct NegateOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Negate(x, d);
}

/// <summary>xᵖ, with the IEEE pow conventions (x⁰ = 1, NaN for negative x and non-integer p).</summary>
internal readonly struct PowOp<T>(T p) : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Pow(x, p, d);
}

/// <summary>sign(x): 1 for x &gt; 0, −1 for x &lt; 0, +0 for ±0, NaN for NaN (numpy's sign).</summary>
internal readonly struct SignOp<T> : IUnaryOp<T>, IVectorUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => UnaryKernel.Vectorized(x, d, this);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public T Invoke(T x) => x > T.Zero ? T.One : x < T.Zero ? -T.One : T.IsNaN(x) ? x : T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector256<T> Invoke(Vector256<T> x) =>
        (Vector256.GreaterThan(x, Vector256<T>.Zero) & Vector256<T>.One)
        | (Vector256.LessThan(x, Vector256<T>.Zero) & -Vector256<T>.One)
        | (~Vector256.Equals(x, x) & x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector512<T> Invoke(Vector512<T> x) =>
        (Vector512.GreaterThan(x, Vector512<T>.Zero) & Vector512<T>.One)
        | (Vector512.LessThan(x, Vector512<T>.Zero) & -Vector512<T>.One)
        | (~Vector512.Equals(x, x) & x);
}

/// <summary>min(max(x, low), high): numpy's clip, NaN stays NaN.</summary>
internal readonly struct ClipOp<T>(T low, T high) : IUnaryOp<T>, IVectorUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => UnaryKernel.Vectorized(x, d, this);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public T Invoke(T x) => T.Min(T.Max(x, low), high);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector256<T> Invoke(Vector256<T> x) => Vector256.Min(Vector256.Max(x, Vector256.Create(low)), Vector256.Create(high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector512<T> Invoke(Vector512<T> x) => Vector512.Min(Vector512.Max(x, Vector512.Create(low)), Vector512.Create(high));
}
