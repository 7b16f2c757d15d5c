using System.Numerics;

namespace Descent.Numerics.Kernels;

/// <summary>An elementwise function d = f(x, y) over contiguous runs, in the three shapes broadcasting needs:
/// (run, run), (run, scalar) and (scalar, run). Inputs and destination are either the same memory or disjoint.</summary>
internal interface IBinaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>f(x, y) for one pair.</summary>
    T Invoke(T x, T y);

    /// <summary>destination[i] = f(x[i], y[i]).</summary>
    void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination);

    /// <summary>destination[i] = f(x[i], y).</summary>
    void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination);

    /// <summary>destination[i] = f(x, y[i]).</summary>
    void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination);
}
