using System.Numerics;
using Descent.Numerics.Kernels;

namespace Descent.Numerics;

/// <summary>
/// Elementwise functions of matrices and vectors, like numpy's ufuncs: arithmetic with broadcasting
/// (<see cref="Add{T}(Matrix{T}, Matrix{T}, Matrix{T}?)"/> ...), and unary math (<see cref="Exp{T}(Matrix{T}, Matrix{T}?)"/> ...).
/// <para>Every function returns its result: a new contiguous matrix, or <c>destination</c> when one is given (numpy's
/// <c>out=</c>), which must have the result's shape. Pass an input as its own destination to work in place
/// (<c>Elementwise.Exp(x, x)</c>); a destination that only partly overlaps an input is handled by copying that input
/// first. Any view (rows, columns, slices, transposes) is accepted: contiguous data runs in one SIMD call, rows with
/// column stride 1 row by row, other views gather each row into a buffer.</para>
/// <para>Broadcasting follows numpy: per dimension the sizes must be equal or one of them 1, so an m×n matrix combines
/// with m×n, 1×n (one row for every row), m×1 (one value per row) and 1×1. Vectors combine only with vectors of the
/// same length or with scalars.</para>
/// </summary>
public static partial class Elementwise
{
    private static Matrix<T> Binary<T, TOp>(string operation, Matrix<T> x, Matrix<T> y, Matrix<T>? destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IBinaryOp<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var shape = Broadcast.ResultShape(operation, x.Shape, y.Shape);
        var d = Broadcast.Destination(operation, destination, shape);
        BinaryKernel.Run(Broadcast.Unaliased(x, d), Broadcast.Unaliased(y, d), d, op);
        return d;
    }

    private static Matrix<T> Unary<T, TOp>(string operation, Matrix<T> x, Matrix<T>? destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        var d = Broadcast.Destination(operation, destination, x.Shape);
        UnaryKernel.Map(Broadcast.Unaliased(x, d), d, op);
        return d;
    }

    private static Vec<T> Binary<T, TOp>(string operation, Vec<T> x, Vec<T> y, Vec<T>? destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IBinaryOp<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
            Broadcast.ThrowLengthMismatch(operation, x.Length, y.Length);
        var d = Broadcast.Destination(operation, destination, x.Length);
        var dm = d.AsRowMatrix();
        BinaryKernel.Run(Broadcast.Unaliased(x.AsRowMatrix(), dm), Broadcast.Unaliased(y.AsRowMatrix(), dm), dm, op);
        return d;
    }

    private static Vec<T> Unary<T, TOp>(string operation, Vec<T> x, Vec<T>? destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        var d = Broadcast.Destination(operation, destination, x.Length);
        var dm = d.AsRowMatrix();
        UnaryKernel.Map(Broadcast.Unaliased(x.AsRowMatrix(), dm), dm, op);
        return d;
    }

    private static Matrix<T> Right<T, TOp>(string operation, Matrix<T> x, T y, Matrix<T>? destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IBinaryOp<T> =>
        Unary(operation, x, destination, new WithRightScalar<T, TOp>(op, y));

    private static Matrix<T> Left<T, TOp>(string operation, T x, Matrix<T> y, Matrix<T>? destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IBinaryOp<T> =>
        Unary(operation, y, destination, new WithLeftScalar<T, TOp>(op, x));

    private static Vec<T> Right<T, TOp>(string operation, Vec<T> x, T y, Vec<T>? destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IBinaryOp<T> =>
        Unary(operation, x, destination, new WithRightScalar<T, TOp>(op, y));

    private static Vec<T> Left<T, TOp>(string operation, T x, Vec<T> y, Vec<T>? destination, TOp op)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : struct, IBinaryOp<T> =>
        Unary(operation, y, destination, new WithLeftScalar<T, TOp>(op, x));
}
