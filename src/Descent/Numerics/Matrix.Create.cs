using System.Numerics;
using Descent.Numerics.Random;

namespace Descent.Numerics;

/// <summary>Factories for <see cref="Matrix{T}"/>: zeros, ones, identity, from arrays, and seeded random matrices.</summary>
public static class Matrix
{
    /// <summary>A rows x columns matrix of zeros.</summary>
    public static Matrix<T> Zeros<T>(int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
        => new(rows, columns);

    /// <summary>A rows x columns matrix of ones.</summary>
    public static Matrix<T> Ones<T>(int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
        => Filled(rows, columns, T.One);

    /// <summary>A rows x columns matrix with every element equal to <paramref name="value"/>.</summary>
    public static Matrix<T> Filled<T>(int rows, int columns, T value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new Matrix<T>(rows, columns);
        result.Data.AsSpan().Fill(value);
        return result;
    }

    /// <summary>The n x n identity matrix I (ones on the diagonal, zeros elsewhere).</summary>
    public static Matrix<T> Identity<T>(int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new Matrix<T>(n, n);
        for (int i = 0; i < n; i++)
            result.Data[i * n + i] = T.One;
        return result;
    }

    /// <summary>A rows x columns matrix that uses <paramref name="data"/> (row-major) as its storage, without copying.</summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not hold rows * columns elements.</exception>
    public static Matrix<T> Wrap<T>(T[] data, int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        if ((long)rows * columns != data.Length || rows < 0 || columns < 0)
            throw new ArgumentException(
                $"Matrix.Wrap: an array of {data.Length} elements cannot be a {rows}×{columns} matrix.", nameof(data));
        return new Matrix<T>(data, 0, rows, columns, columns, 1);
    }

    /// <summary>A copy of a two-dimensional array.</summary>
    public static Matrix<T> FromArray<T>(T[,] values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var result = new Matrix<T>(rows, columns);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                result.Data[i * columns + j] = values[i, j];
        return result;
    }

    /// <summary>A copy of rows given as arrays, which must all have the same length.</summary>
    /// <exception cref="ArgumentException">The rows have different lengths.</exception>
    public static Matrix<T> FromRows<T>(IReadOnlyList<T[]> rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        var result = new Matrix<T>(rows.Count, columns);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
                throw new ArgumentException(
                    $"Matrix.FromRows: row {i} has {rows[i].Length} values but row 0 has {columns}; every row needs the same length.",
                    nameof(rows));
            rows[i].CopyTo(result.Data, i * columns);
        }
        return result;
    }

    /// <summary>A copy of <paramref name="values"/> as one column (n x 1).</summary>
    public static Matrix<T> ColumnVector<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new Matrix<T>(values.Length, 1);
        values.CopyTo(result.Data);
        return result;
    }

    /// <summary>A copy of <paramref name="values"/> as one row (1 x n).</summary>
    public static Matrix<T> RowVector<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new Matrix<T>(1, values.Length);
        values.CopyTo(result.Data);
        return result;
    }

    /// <summary>Elements drawn independently from the uniform distribution on [low, high), in row-major order.</summary>
    public static Matrix<T> RandomUniform<T>(int rows, int columns, Rng rng, double low = 0.0, double high = 1.0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(rng);
        var result = new Matrix<T>(rows, columns);
        var data = result.Data;
        for (int i = 0; i < data.Length; i++)
            data[i] = T.CreateChecked(low + (high - low) * rng.NextDouble());
        return result;
    }

    /// <summary>Elements drawn independently from the normal distribution N(mean, stdDev²), in row-major order.</summary>
    public static Matrix<T> RandomNormal<T>(int rows, int columns, Rng rng, double mean = 0.0, double stdDev = 1.0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(rng);
        var result = new Matrix<T>(rows, columns);
        var data = result.Data;
        for (int i = 0; i < data.Length; i++)
            data[i] = T.CreateChecked(mean + stdDev * rng.NextNormal());
        return result;
    }
}
