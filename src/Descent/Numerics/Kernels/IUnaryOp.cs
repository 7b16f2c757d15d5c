using System.Numerics;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels;

/// <summary>An elementwise function d = f(x) over one contiguous run. Parameters (a slope, clip bounds) are fields
/// of the implementing struct, so the call is resolved at compile time: no delegate or virtual call per element.</summary>
internal interface IUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>destination[i] = f(x[i]). Both spans have the same length and are either the same memory or disjoint.</summary>
    void Invoke(ReadOnlySpan<T> x, Span<T> destination);
}

/// <summary>A function f written once per width (scalar, 256-bit, 512-bit) and run over spans by
/// <see cref="UnaryKernel.Vectorized{T, TOp}"/>; for the ops TensorPrimitives lacks.</summary>
internal interface IVectorUnaryOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>f(x) for one element.</summary>
    T Invoke(T x);

    /// <summary>f applied to each lane.</summary>
    Vector256<T> Invoke(Vector256<T> x);

    /// <summary>f applied to each lane.</summary>
    Vector512<T> Invoke(Vector512<T> x);
}
