using System.Numerics;

namespace Descent.Numerics.Kernels;

/// <summary>d = f(x, s) with a fixed scalar s, as a unary op, so a (matrix, scalar) operation needs no 1×1 matrix.</summary>
internal readonly struct WithRightScalar<T, TOp>(TOp op, T scalar) : IUnaryOp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOp : struct, IBinaryOp<T>
{
    public void Invoke(ReadOnlySpan<T> x, Span<T> d) => op.Invoke(x, scalar, d);
}

/// <summary>d = f(s, y) with a fixed scalar s, as a unary op.</summary>
internal readonly struct WithLeftScalar<T, TOp>(TOp op, T scalar) : IUnaryOp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOp : struct, IBinaryOp<T>
{
    public void Invoke(ReadOnlySpan<T> y, Span<T> d) => op.Invoke(scalar, y, d);
}
