using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels.Ops;

/// <summary>
/// tanh x, to a few ulps everywhere: for |x| &lt; 0.3 the Taylor series x·(1 + Σₖ cₖ x²ᵏ) (12 terms, below 1e-17 there);
/// otherwise sign(x)·(1 − e) / (1 + e) with e = e^(−2|x|), where 1 − e no longer cancels. (TensorPrimitives.Tanh
/// loses about 20 ulps in float near 0.)
/// </summary>
internal readonly struct TanhOp<T> : IUnaryOp<T>, IVectorUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    // Taylor coefficients of tanh(x)/x in powers of x²: c₁ = −1/3, c₂ = 2/15, c₃ = −17/315, ... (as constants so the
    // JIT folds T.CreateTruncating away; static readonly fields of a generic struct were 4× slower here).
    private const double Threshold = 0.3;
    private const double C1 = -0.3333333333333333, C2 = 0.13333333333333333, C3 = -0.05396825396825397,
        C4 = 0.021869488536155203, C5 = -0.008863235529902197, C6 = 0.003592128036572481,
        C7 = -0.0014558343870513183, C8 = 0.000590027440945586, C9 = -0.00023912911424355248,
        C10 = 9.691537956929451e-05, C11 = -3.927832388331683e-05, C12 = 1.5918905069328964e-05;

    private static T K(double value) => T.CreateTruncating(value);

    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => UnaryKernel.Vectorized(x, d, this);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public T Invoke(T x)
    {
        T a = T.Abs(x);
        if (a < K(Threshold))
        {
            T z = x * x;
            T p = K(C12);
            p = p * z + K(C11); p = p * z + K(C10); p = p * z + K(C9); p = p * z + K(C8); p = p * z + K(C7); p = p * z + K(C6);
            p = p * z + K(C5); p = p * z + K(C4); p = p * z + K(C3); p = p * z + K(C2); p = p * z + K(C1);
            return x + x * (z * p);
        }
        T e = T.Exp(-(a + a));
        return T.CopySign((T.One - e) / (T.One + e), x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector256<T> Invoke(Vector256<T> x)
    {
        var a = Vector256.Abs(x);
        var z = x * x;
        var p = Vector256.Create(K(C12));
        p = p * z + Vector256.Create(K(C11)); p = p * z + Vector256.Create(K(C10)); p = p * z + Vector256.Create(K(C9));
        p = p * z + Vector256.Create(K(C8)); p = p * z + Vector256.Create(K(C7)); p = p * z + Vector256.Create(K(C6));
        p = p * z + Vector256.Create(K(C5)); p = p * z + Vector256.Create(K(C4)); p = p * z + Vector256.Create(K(C3));
        p = p * z + Vector256.Create(K(C2)); p = p * z + Vector256.Create(K(C1));
        var small = x + x * (z * p);
        var e = VectorMath.Exp(-(a + a));
        var large = (Vector256<T>.One - e) / (Vector256<T>.One + e);
        large = Vector256.ConditionalSelect(Vector256.Create(-T.Zero), x, large); // the sign of x
        return Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create(K(Threshold))), small, large);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector512<T> Invoke(Vector512<T> x)
    {
        var a = Vector512.Abs(x);
        var z = x * x;
        var p = Vector512.Create(K(C12));
        p = p * z + Vector512.Create(K(C11)); p = p * z + Vector512.Create(K(C10)); p = p * z + Vector512.Create(K(C9));
        p = p * z + Vector512.Create(K(C8)); p = p * z + Vector512.Create(K(C7)); p = p * z + Vector512.Create(K(C6));
        p = p * z + Vector512.Create(K(C5)); p = p * z + Vector512.Create(K(C4)); p = p * z + Vector512.Create(K(C3));
        p = p * z + Vector512.Create(K(C2)); p = p * z + Vector512.Create(K(C1));
        var small = x + x * (z * p);
        var e = VectorMath.Exp(-(a + a));
        var large = (Vector512<T>.One - e) / (Vector512<T>.One + e);
        large = Vector512.ConditionalSelect(Vector512.Create(-T.Zero), x, large); // the sign of x
        return Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(K(Threshold))), small, large);
    }
}

/// <summary>
/// σ(x) = 1 / (1 + e⁻ˣ), computed as 1 / (1 + e) for x ≥ 0 and e / (1 + e) for x &lt; 0 with e = e^(−|x|), so e never
/// overflows and σ keeps full relative precision far into the negative tail (TensorPrimitives.Sigmoid flushes float
/// results to 0 from x ≈ −88).
/// </summary>
internal readonly struct SigmoidOp<T> : IUnaryOp<T>, IVectorUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => UnaryKernel.Vectorized(x, d, this);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public T Invoke(T x)
    {
        T e = T.Exp(-T.Abs(x));
        T r = T.One / (T.One + e);
        return x >= T.Zero ? r : e * r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector256<T> Invoke(Vector256<T> x)
    {
        var e = VectorMath.Exp(-Vector256.Abs(x));
        var r = Vector256<T>.One / (Vector256<T>.One + e);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<T>.Zero), r, e * r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public T Invoke(T x) => x > T.Zero ? x : slope * x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector256<T> Invoke(Vector256<T> x) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), x, x * Vector256.Create(slope));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector512<T> Invoke(Vector512<T> x) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), x, x * Vector512.Create(slope));
}
