using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels.Ops;

// Backward rules of elementwise functions: d = f(x, g), with g the gradient arriving from above (∂L/∂output) and x what
// the rule needs (the function's input or its output, as each summary says). Written in PyTorch's order of
// operations (ATen's threshold_backward, leaky_relu_backward, sigmoid_backward, tanh_backward, clamp_backward).

/// <summary>ReLU backward from its output r = max(x, 0): g where r &gt; 0, else 0 (g passes where r is NaN, as in PyTorch).</summary>
internal readonly struct ReluBackwardOp<T> : IBinaryOp<T>, IVectorBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke(T r, T g) => r <= T.Zero ? T.Zero : g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<T> Invoke(Vector256<T> r, Vector256<T> g) => Vector256.AndNot(g, Vector256.LessThanOrEqual(r, Vector256<T>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<T> Invoke(Vector512<T> r, Vector512<T> g) => Vector512.AndNot(g, Vector512.LessThanOrEqual(r, Vector512<T>.Zero));

    public void Invoke(ReadOnlySpan<T> r, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(r, g, d, this);
    public void Invoke(ReadOnlySpan<T> r, T g, Span<T> d) => VectorBinaryKernel.Run(r, g, d, this);
    public void Invoke(T r, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(r, g, d, this);
}

/// <summary>Leaky ReLU backward from its input x: g where x &gt; 0, else slope·g.</summary>
internal readonly struct LeakyReluBackwardOp<T>(T slope) : IBinaryOp<T>, IVectorBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke(T x, T g) => x > T.Zero ? g : g * slope;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<T> Invoke(Vector256<T> x, Vector256<T> g) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), g, g * Vector256.Create(slope));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<T> Invoke(Vector512<T> x, Vector512<T> g) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), g, g * Vector512.Create(slope));

    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(x, g, d, this);
    public void Invoke(ReadOnlySpan<T> x, T g, Span<T> d) => VectorBinaryKernel.Run(x, g, d, this);
    public void Invoke(T x, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(x, g, d, this);
}

/// <summary>Sigmoid backward from its output s = σ(x): g·(1 − s)·s, since σ'(x) = σ(x)(1 − σ(x)).</summary>
internal readonly struct SigmoidBackwardOp<T> : IBinaryOp<T>, IVectorBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke(T s, T g) => g * (T.One - s) * s;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<T> Invoke(Vector256<T> s, Vector256<T> g) => g * (Vector256<T>.One - s) * s;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<T> Invoke(Vector512<T> s, Vector512<T> g) => g * (Vector512<T>.One - s) * s;

    public void Invoke(ReadOnlySpan<T> s, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(s, g, d, this);
    public void Invoke(ReadOnlySpan<T> s, T g, Span<T> d) => VectorBinaryKernel.Run(s, g, d, this);
    public void Invoke(T s, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(s, g, d, this);
}

/// <summary>tanh backward from its output t = tanh x: g·(1 − t²), since tanh' = 1 − tanh².</summary>
internal readonly struct TanhBackwardOp<T> : IBinaryOp<T>, IVectorBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke(T t, T g) => g * (T.One - t * t);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<T> Invoke(Vector256<T> t, Vector256<T> g) => g * (Vector256<T>.One - t * t);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<T> Invoke(Vector512<T> t, Vector512<T> g) => g * (Vector512<T>.One - t * t);

    public void Invoke(ReadOnlySpan<T> t, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(t, g, d, this);
    public void Invoke(ReadOnlySpan<T> t, T g, Span<T> d) => VectorBinaryKernel.Run(t, g, d, this);
    public void Invoke(T t, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(t, g, d, this);
}

/// <summary>Clip backward from its input x: g where low ≤ x ≤ high, else 0 (also 0 where x is NaN, as in PyTorch).</summary>
internal readonly struct ClipBackwardOp<T>(T low, T high) : IBinaryOp<T>, IVectorBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke(T x, T g) => x >= low && x <= high ? g : T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<T> Invoke(Vector256<T> x, Vector256<T> g) =>
        g & Vector256.GreaterThanOrEqual(x, Vector256.Create(low)) & Vector256.LessThanOrEqual(x, Vector256.Create(high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<T> Invoke(Vector512<T> x, Vector512<T> g) =>
        g & Vector512.GreaterThanOrEqual(x, Vector512.Create(low)) & Vector512.LessThanOrEqual(x, Vector512.Create(high));

    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(x, g, d, this);
    public void Invoke(ReadOnlySpan<T> x, T g, Span<T> d) => VectorBinaryKernel.Run(x, g, d, this);
    public void Invoke(T x, ReadOnlySpan<T> g, Span<T> d) => VectorBinaryKernel.Run(x, g, d, this);
}
