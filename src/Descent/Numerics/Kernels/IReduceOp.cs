using System.Numerics;

namespace Descent.Numerics.Kernels;

/// <summary>An associative reduction (sum, max, min) in the shapes the drivers need. Every driver combines partial
/// results in a fixed order, so a result never depends on the thread count.</summary>
internal interface IReduceOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The reduction of a non-empty contiguous run (or of an empty one, for ops with an identity).</summary>
    T Reduce(ReadOnlySpan<T> x);

    /// <summary>Combines two partial results.</summary>
    T Combine(T a, T b);

    /// <summary>accumulator[j] = Combine(accumulator[j], x[j]) for every j (one step of a reduction down columns).</summary>
    void Accumulate(ReadOnlySpan<T> x, Span<T> accumulator);
}
