using System.Numerics;
using Descent.Numerics.Gemm;

namespace Descent.Numerics;

/// <summary>
/// Matrix products, in BLAS terms. Transposes are views (<see cref="Matrix{T}.Transpose"/>) or flags; any strides work.
/// </summary>
public static class Blas
{
    /// <summary>
    /// GEMM: C = alpha·op(A)·op(B) + beta·C, where op(M) is M or Mᵀ. op(A) is m×k, op(B) is k×n, C is m×n.
    /// When beta is 0, C is overwritten without being read (NaN in C does not propagate), as in BLAS.
    /// C must not share storage with A or B. Results are bit-identical for any <see cref="Parallelism.MaxThreads"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes are not aligned; the message names all three.</exception>
    public static void Gemm<T>(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c,
        bool transposeA = false, bool transposeB = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        var opA = transposeA ? a.Transpose() : a;
        var opB = transposeB ? b.Transpose() : b;
        if (opA.Columns != opB.Rows)
            ThrowHelper.ShapeMismatch("Blas.Gemm", opA.Shape, opB.Shape,
                $"op(A) has {opA.Columns} columns but op(B) has {opB.Rows} rows");
        if (c.Rows != opA.Rows || c.Columns != opB.Columns)
            ThrowHelper.ShapeMismatch("Blas.Gemm", opA.Shape, opB.Shape,
                $"their product is {opA.Rows}×{opB.Columns} but C is {c.Shape}");
        GemmDriver.Run(alpha, opA, opB, beta, c);
    }

    /// <summary>
    /// SYRK, the symmetric rank-k update: C = alpha·op(A)·op(A)ᵀ + beta·C, where op(A) is A (n×k) or, with
    /// <paramref name="transposeA"/>, Aᵀ (A is k×n: C = alpha·AᵀA + beta·C, a Gram matrix). C is n×n and symmetric: only
    /// its lower triangle is computed (about half the work of <see cref="Gemm{T}"/>) and, when beta is not 0, read; it is
    /// then copied into the upper triangle. When beta is 0, C is overwritten without being read. C must not share
    /// storage with A. Results are bit-identical for any <see cref="Parallelism.MaxThreads"/>.
    /// </summary>
    /// <exception cref="ArgumentException">C is not n×n for the n rows of op(A); the message names both shapes.</exception>
    public static void Syrk<T>(T alpha, Matrix<T> a, T beta, Matrix<T> c, bool transposeA = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(c);
        var opA = transposeA ? a.Transpose() : a;
        if (c.Rows != opA.Rows || c.Columns != opA.Rows)
            ThrowHelper.ShapeMismatch("Blas.Syrk", opA.Shape, c.Shape,
                $"op(A)·op(A)ᵀ is {opA.Rows}×{opA.Rows} but C is {c.Shape}");
        SymmetricSyrk.Run(alpha, opA, beta, c);
    }

    /// <summary>GEMV: y = alpha·op(A)·x + beta·y, where op(A) is A or Aᵀ. When beta is 0, y is overwritten without being read.</summary>
    /// <exception cref="ArgumentException">The lengths do not match the matrix's shape.</exception>
    public static void Gemv<T>(T alpha, Matrix<T> a, Vec<T> x, T beta, Vec<T> y, bool transposeA = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var opA = transposeA ? a.Transpose() : a;
        if (opA.Columns != x.Length || opA.Rows != y.Length)
            ThrowHelper.ShapeMismatch("Blas.Gemv", opA.Shape, new Shape(x.Length, 1),
                $"op(A) needs x of length {opA.Columns} and y of length {opA.Rows}, got {x.Length} and {y.Length}");
        GemmDriver.Run(alpha, opA, x.AsColumnMatrix(), beta, y.AsColumnMatrix());
    }
}
