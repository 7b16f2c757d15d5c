using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Kernels.Ops;

/// <summary>Σ x (0 for no elements; NaN if any element is NaN).</summary>
internal readonly struct SumOp<T> : IReduceOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Reduce(ReadOnlySpan<T> x) => TensorPrimitives.Sum(x);
    public T Combine(T a, T b) => a + b;
    public void Accumulate(ReadOnlySpan<T> x, Span<T> accumulator) => TensorPrimitives.Add(accumulator, x, accumulator);
}

/// <summary>max x, NaN if any element is NaN (numpy's max).</summary>
internal readonly struct MaxOp<T> : IReduceOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Reduce(ReadOnlySpan<T> x) => TensorPrimitives.Max(x);
    public T Combine(T a, T b) => T.Max(a, b);
    public void Accumulate(ReadOnlySpan<T> x, Span<T> accumulator) => TensorPrimitives.Max(accumulator, x, accumulator);
}

/// <summary>min x, NaN if any element is NaN (numpy's min).</summary>
internal readonly struct MinOp<T> : IReduceOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Reduce(ReadOnlySpan<T> x) => TensorPrimitives.Min(x);
    public T Combine(T a, T b) => T.Min(a, b);
    public void Accumulate(ReadOnlySpan<T> x, Span<T> accumulator) => TensorPrimitives.Min(accumulator, x, accumulator);
}
