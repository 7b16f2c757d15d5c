using System.Numerics;
using Descent.Numerics.Kernels.Ops;

namespace Descent.Numerics;

public static partial class Elementwise
{
    /// <summary>x + y, elementwise with broadcasting (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> Add<T>(Matrix<T> x, Matrix<T> y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Add", x, y, destination, new AddOp<T>());

    /// <summary>x + y for every element x of the matrix and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Add<T>(Matrix<T> x, T y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Add", x, y, destination, new AddOp<T>());

    /// <summary>x + y, elementwise over two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or destination has another length.</exception>
    public static Vec<T> Add<T>(Vec<T> x, Vec<T> y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Add", x, y, destination, new AddOp<T>());

    /// <summary>x + y for every element x of the vector and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination has another length than x.</exception>
    public static Vec<T> Add<T>(Vec<T> x, T y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Add", x, y, destination, new AddOp<T>());

    /// <summary>x − y, elementwise with broadcasting (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> Subtract<T>(Matrix<T> x, Matrix<T> y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Subtract", x, y, destination, new SubtractOp<T>());

    /// <summary>x − y for every element x of the matrix and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Subtract<T>(Matrix<T> x, T y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Subtract", x, y, destination, new SubtractOp<T>());

    /// <summary>x − y for the scalar x and every element y of the matrix.</summary>
    /// <exception cref="ArgumentException">destination does not have y's shape.</exception>
    public static Matrix<T> Subtract<T>(T x, Matrix<T> y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Left("Elementwise.Subtract", x, y, destination, new SubtractOp<T>());

    /// <summary>x − y, elementwise over two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or destination has another length.</exception>
    public static Vec<T> Subtract<T>(Vec<T> x, Vec<T> y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Subtract", x, y, destination, new SubtractOp<T>());

    /// <summary>x − y for every element x of the vector and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination has another length than x.</exception>
    public static Vec<T> Subtract<T>(Vec<T> x, T y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Subtract", x, y, destination, new SubtractOp<T>());

    /// <summary>x − y for the scalar x and every element y of the vector.</summary>
    /// <exception cref="ArgumentException">destination has another length than y.</exception>
    public static Vec<T> Subtract<T>(T x, Vec<T> y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Left("Elementwise.Subtract", x, y, destination, new SubtractOp<T>());

    /// <summary>x · y (elementwise, numpy's <c>*</c>; the matrix product is <see cref="Matrix{T}.Multiply(Matrix{T})"/>), elementwise with broadcasting (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> Multiply<T>(Matrix<T> x, Matrix<T> y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Multiply", x, y, destination, new MultiplyOp<T>());

    /// <summary>x · y (elementwise, numpy's <c>*</c>; the matrix product is <see cref="Matrix{T}.Multiply(Matrix{T})"/>) for every element x of the matrix and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Multiply<T>(Matrix<T> x, T y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Multiply", x, y, destination, new MultiplyOp<T>());

    /// <summary>x · y (elementwise, numpy's <c>*</c>; the matrix product is <see cref="Matrix{T}.Multiply(Matrix{T})"/>), elementwise over two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or destination has another length.</exception>
    public static Vec<T> Multiply<T>(Vec<T> x, Vec<T> y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Multiply", x, y, destination, new MultiplyOp<T>());

    /// <summary>x · y (elementwise, numpy's <c>*</c>; the matrix product is <see cref="Matrix{T}.Multiply(Matrix{T})"/>) for every element x of the vector and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination has another length than x.</exception>
    public static Vec<T> Multiply<T>(Vec<T> x, T y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Multiply", x, y, destination, new MultiplyOp<T>());

    /// <summary>x / y (IEEE: division by 0 gives ±∞ or NaN, never throws), elementwise with broadcasting (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> Divide<T>(Matrix<T> x, Matrix<T> y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Divide", x, y, destination, new DivideOp<T>());

    /// <summary>x / y (IEEE: division by 0 gives ±∞ or NaN, never throws) for every element x of the matrix and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Divide<T>(Matrix<T> x, T y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Divide", x, y, destination, new DivideOp<T>());

    /// <summary>x / y (IEEE: division by 0 gives ±∞ or NaN, never throws) for the scalar x and every element y of the matrix.</summary>
    /// <exception cref="ArgumentException">destination does not have y's shape.</exception>
    public static Matrix<T> Divide<T>(T x, Matrix<T> y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Left("Elementwise.Divide", x, y, destination, new DivideOp<T>());

    /// <summary>x / y (IEEE: division by 0 gives ±∞ or NaN, never throws), elementwise over two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or destination has another length.</exception>
    public static Vec<T> Divide<T>(Vec<T> x, Vec<T> y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Divide", x, y, destination, new DivideOp<T>());

    /// <summary>x / y (IEEE: division by 0 gives ±∞ or NaN, never throws) for every element x of the vector and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination has another length than x.</exception>
    public static Vec<T> Divide<T>(Vec<T> x, T y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Divide", x, y, destination, new DivideOp<T>());

    /// <summary>x / y (IEEE: division by 0 gives ±∞ or NaN, never throws) for the scalar x and every element y of the vector.</summary>
    /// <exception cref="ArgumentException">destination has another length than y.</exception>
    public static Vec<T> Divide<T>(T x, Vec<T> y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Left("Elementwise.Divide", x, y, destination, new DivideOp<T>());

    /// <summary>max(x, y), NaN when either is NaN, +0 above −0 (numpy's maximum), elementwise with broadcasting (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> Maximum<T>(Matrix<T> x, Matrix<T> y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Maximum", x, y, destination, new MaximumOp<T>());

    /// <summary>max(x, y), NaN when either is NaN, +0 above −0 (numpy's maximum) for every element x of the matrix and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Maximum<T>(Matrix<T> x, T y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Maximum", x, y, destination, new MaximumOp<T>());

    /// <summary>max(x, y), NaN when either is NaN, +0 above −0 (numpy's maximum), elementwise over two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or destination has another length.</exception>
    public static Vec<T> Maximum<T>(Vec<T> x, Vec<T> y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Maximum", x, y, destination, new MaximumOp<T>());

    /// <summary>max(x, y), NaN when either is NaN, +0 above −0 (numpy's maximum) for every element x of the vector and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination has another length than x.</exception>
    public static Vec<T> Maximum<T>(Vec<T> x, T y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Maximum", x, y, destination, new MaximumOp<T>());

    /// <summary>min(x, y), NaN when either is NaN, −0 below +0 (numpy's minimum), elementwise with broadcasting (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> Minimum<T>(Matrix<T> x, Matrix<T> y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Minimum", x, y, destination, new MinimumOp<T>());

    /// <summary>min(x, y), NaN when either is NaN, −0 below +0 (numpy's minimum) for every element x of the matrix and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Minimum<T>(Matrix<T> x, T y, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Minimum", x, y, destination, new MinimumOp<T>());

    /// <summary>min(x, y), NaN when either is NaN, −0 below +0 (numpy's minimum), elementwise over two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or destination has another length.</exception>
    public static Vec<T> Minimum<T>(Vec<T> x, Vec<T> y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.Minimum", x, y, destination, new MinimumOp<T>());

    /// <summary>min(x, y), NaN when either is NaN, −0 below +0 (numpy's minimum) for every element x of the vector and the scalar y.</summary>
    /// <exception cref="ArgumentException">destination has another length than x.</exception>
    public static Vec<T> Minimum<T>(Vec<T> x, T y, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Right("Elementwise.Minimum", x, y, destination, new MinimumOp<T>());

    /// <summary>AXPY: y ← a·x + y, in place in <paramref name="y"/>; x is broadcast to y's shape (m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">x cannot be broadcast to y's shape.</exception>
    public static void Axpy<T>(T a, Matrix<T> x, Matrix<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(y);
        Binary("Elementwise.Axpy", x, y, y, new AxpyOp<T>(a));
    }

    /// <summary>AXPY: y ← a·x + y, in place in <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Axpy<T>(T a, Vec<T> x, Vec<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(y);
        Binary("Elementwise.Axpy", x, y, y, new AxpyOp<T>(a));
    }
}
