using System.Numerics;

namespace Descent.Numerics;

public sealed partial class Matrix<T>
{
    /// <summary>The matrix product A·B as a new matrix (this is A).</summary>
    /// <exception cref="ArgumentException">A's column count differs from B's row count.</exception>
    public Matrix<T> Multiply(Matrix<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new Matrix<T>(Rows, other.Columns);
        Blas.Gemm(T.One, this, other, T.Zero, result);
        return result;
    }

    /// <summary>The matrix-vector product A·x as a new vector (this is A).</summary>
    public Vec<T> Multiply(Vec<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new Vec<T>(Rows);
        Blas.Gemv(T.One, this, x, T.Zero, result);
        return result;
    }
}
