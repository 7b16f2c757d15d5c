using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels.Ops;

/// <summary>tanh x</summary>
internal readonly struct TanhOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Tanh(x, d);
}

/// <summary>
/// σ(x) = 1 / (1 + e⁻ˣ), computed as 1 / (1 + e) for x ≥ 0 and e / (1 + e) for x &lt; 0 with e = e^(−|x|), so e never
/// overflows and σ keeps full relative precision far into the negative tail (TensorPrimitives.Sigmoid flushes float
/// results to 0 from x ≈ −88).
/// </summary>
internal readonly struct SigmoidOp<T> : IUnaryOp<T>, IVectorUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => UnaryKernel.Vectorized(x, d, this);

    public T Invoke(T x)
    {
        T e = T.Exp(-T.Abs(x));
        T r = T.One / (T.One + e);
        return x >= T.Zero ? r : e * r;
    }

    public Vector256<T> Invoke(Vector256<T> x)
    {
        var e = VectorMath.Exp(-Vector256.Abs(x));
        var r = Vector256<T>.One / (Vector256<T>.One + e);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<T>.Zero), r, e * r);
    }

    public Vector512<T> Invoke(Vector512<T> x)
    {
        var e = VectorMath.Exp(-Vector512.Abs(x));
        var r = Vector512<T>.One / (Vector512<T>.One + e);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<T>.Zero), r, e * r);
    }
}

/// <summary>max(x, 0) (NaN stays NaN, −0 gives +0).</summary>
internal readonly struct ReluOp<T> : IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Max(x, T.Zero, d);
}

/// <summary>x for x &gt; 0, slope·x otherwise (NaN stays NaN).</summary>
internal readonly struct LeakyReluOp<T>(T slope) : IUnaryOp<T>, IVectorUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => UnaryKernel.Vectorized(x, d, this);

    public T Invoke(T x) => x > T.Zero ? x : slope * x;

    public Vector256<T> Invoke(Vector256<T> x) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), x, x * Vector256.Create(slope));

    public Vector512<T> Invoke(Vector512<T> x) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), x, x * Vector512.Create(slope));
}
