using System.Numerics;

namespace Descent.Numerics;

// Arithmetic operators: elementwise, like numpy's, each returning a new contiguous matrix. For results written
// into an existing array (no allocation), call the Elementwise functions with a destination.
public sealed partial class Matrix<T>
{
    /// <summary>x + y elementwise, broadcasting as numpy (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static Matrix<T> operator +(Matrix<T> x, Matrix<T> y) => Elementwise.Add(x, y);

    /// <summary>x + y for every element x and the scalar y.</summary>
    public static Matrix<T> operator +(Matrix<T> x, T y) => Elementwise.Add(x, y);

    /// <summary>x + y for the scalar x and every element y.</summary>
    public static Matrix<T> operator +(T x, Matrix<T> y) => Elementwise.Add(y, x);

    /// <summary>x − y elementwise, broadcasting as numpy (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static Matrix<T> operator -(Matrix<T> x, Matrix<T> y) => Elementwise.Subtract(x, y);

    /// <summary>x − y for every element x and the scalar y.</summary>
    public static Matrix<T> operator -(Matrix<T> x, T y) => Elementwise.Subtract(x, y);

    /// <summary>x − y for the scalar x and every element y.</summary>
    public static Matrix<T> operator -(T x, Matrix<T> y) => Elementwise.Subtract(x, y);

    /// <summary>x · y elementwise, broadcasting as numpy (m×n with m×n, 1×n, m×1 or 1×1). This is numpy's <c>*</c>, not the matrix product: use <see cref="Multiply(Matrix{T})"/> or <see cref="Blas.Gemm"/> for A·B.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static Matrix<T> operator *(Matrix<T> x, Matrix<T> y) => Elementwise.Multiply(x, y);

    /// <summary>x · y for every element x and the scalar y.</summary>
    public static Matrix<T> operator *(Matrix<T> x, T y) => Elementwise.Multiply(x, y);

    /// <summary>x · y for the scalar x and every element y.</summary>
    public static Matrix<T> operator *(T x, Matrix<T> y) => Elementwise.Multiply(y, x);

    /// <summary>x / y elementwise, broadcasting as numpy (m×n with m×n, 1×n, m×1 or 1×1).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static Matrix<T> operator /(Matrix<T> x, Matrix<T> y) => Elementwise.Divide(x, y);

    /// <summary>x / y for every element x and the scalar y.</summary>
    public static Matrix<T> operator /(Matrix<T> x, T y) => Elementwise.Divide(x, y);

    /// <summary>x / y for the scalar x and every element y.</summary>
    public static Matrix<T> operator /(T x, Matrix<T> y) => Elementwise.Divide(x, y);

    /// <summary>−x for every element.</summary>
    public static Matrix<T> operator -(Matrix<T> x) => Elementwise.Negate(x);
}
