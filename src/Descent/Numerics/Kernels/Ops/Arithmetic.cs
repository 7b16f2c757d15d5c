using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Kernels.Ops;

/// <summary>x + y</summary>
internal readonly struct AddOp<T> : IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T y) => x + y;
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Add(x, y, d);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d) => TensorPrimitives.Add(x, y, d);
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Add(y, x, d);
}

/// <summary>x − y</summary>
internal readonly struct SubtractOp<T> : IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T y) => x - y;
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Subtract(x, y, d);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d) => TensorPrimitives.Subtract(x, y, d);
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Subtract(x, y, d);
}

/// <summary>x · y</summary>
internal readonly struct MultiplyOp<T> : IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T y) => x * y;
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Multiply(x, y, d);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d) => TensorPrimitives.Multiply(x, y, d);
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Multiply(y, x, d);
}

/// <summary>x / y</summary>
internal readonly struct DivideOp<T> : IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T y) => x / y;
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Divide(x, y, d);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d) => TensorPrimitives.Divide(x, y, d);
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Divide(x, y, d);
}

/// <summary>max(x, y), NaN if either is NaN, +0 above −0 (IEEE 754 maximum).</summary>
internal readonly struct MaximumOp<T> : IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T y) => T.Max(x, y);
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Max(x, y, d);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d) => TensorPrimitives.Max(x, y, d);
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Max(y, x, d);
}

/// <summary>min(x, y), NaN if either is NaN, −0 below +0 (IEEE 754 minimum).</summary>
internal readonly struct MinimumOp<T> : IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T y) => T.Min(x, y);
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Min(x, y, d);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d) => TensorPrimitives.Min(x, y, d);
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Min(y, x, d);
}

/// <summary>a·x + y (the AXPY update when the destination is y).</summary>
internal readonly struct AxpyOp<T>(T a) : IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T y) => a * x + y;
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.MultiplyAdd(x, a, y, d);
    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        TensorPrimitives.Multiply(x, a, d);
        TensorPrimitives.Add(d, y, d);
    }
    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> d) => TensorPrimitives.Add(y, a * x, d);
}
