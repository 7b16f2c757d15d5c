using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Descent.Numerics.Kernels;

/// <summary>numpy's broadcasting rule for matrices, destination checks and aliasing, shared by the public functions.</summary>
internal static class Broadcast
{
    /// <summary>The shape of f(x, y): per dimension, the sizes must be equal or one of them 1 (which is stretched).</summary>
    public static Shape ResultShape(string operation, Shape x, Shape y)
    {
        int rows = Dimension(x.Rows, y.Rows), columns = Dimension(x.Columns, y.Columns);
        if (rows < 0 || columns < 0)
            ThrowNotBroadcastable(operation, x, y);
        return new Shape(rows, columns);
    }

    private static int Dimension(int a, int b) => a == b ? a : a == 1 ? b : b == 1 ? a : -1;

    /// <summary>The destination to write: <paramref name="destination"/> after checking its shape, or a new matrix.</summary>
    public static Matrix<T> Destination<T>(string operation, Matrix<T>? destination, Shape result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (destination is null)
            return new Matrix<T>(result.Rows, result.Columns);
        if (destination.Shape != result)
            ThrowDestinationShape(operation, destination.Shape, result);
        return destination;
    }

    /// <summary>The destination vector to write: <paramref name="destination"/> after checking its length, or a new vector.</summary>
    public static Vec<T> Destination<T>(string operation, Vec<T>? destination, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (destination is null)
            return new Vec<T>(length);
        if (destination.Length != length)
            throw new ArgumentException(
                $"{operation}: destination has length {destination.Length} but the result has length {length}; " +
                $"pass a destination of length {length} (or none to allocate one).", nameof(destination));
        return destination;
    }

    /// <summary>
    /// <paramref name="input"/>, or a copy of it when it shares storage with <paramref name="destination"/> without
    /// being exactly the same view: writing the destination must never change an input that is still to be read.
    /// </summary>
    public static Matrix<T> Unaliased<T>(Matrix<T> input, Matrix<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!ReferenceEquals(input.Data, destination.Data) || input.Length == 0)
            return input;
        bool sameView = input.Offset == destination.Offset && input.Shape == destination.Shape
            && (input.RowStride == destination.RowStride || input.Rows <= 1)
            && (input.ColumnStride == destination.ColumnStride || input.Columns <= 1);
        return sameView ? input : input.Copy();
    }

    [DoesNotReturn]
    public static void ThrowNotBroadcastable(string operation, Shape x, Shape y)
    {
        string which = x.Rows != y.Rows && x.Rows != 1 && y.Rows != 1
            ? $"row counts {x.Rows} and {y.Rows}"
            : $"column counts {x.Columns} and {y.Columns}";
        throw new ArgumentException(
            $"{operation}: shapes ({x}) and ({y}) cannot be broadcast together: {which} differ and neither is 1. " +
            "Each dimension must match or be 1 (a 1×n row, an m×1 column or a 1×1 scalar is stretched).");
    }

    [DoesNotReturn]
    public static void ThrowDestinationShape(string operation, Shape destination, Shape result) =>
        throw new ArgumentException(
            $"{operation}: destination has shape ({destination}) but the result has shape ({result}); " +
            $"pass a {result} destination (or none to allocate one).", nameof(destination));

    [DoesNotReturn]
    public static void ThrowLengthMismatch(string operation, int x, int y) =>
        throw new ArgumentException(
            $"{operation}: vectors of lengths {x} and {y} cannot be combined elementwise; both need the same length.");

    [DoesNotReturn]
    public static void ThrowEmpty(string operation, string what) =>
        throw new ArgumentException($"{operation}: {what} is empty, and this reduction has no value for zero elements (numpy raises too).");

    [DoesNotReturn]
    public static void ThrowAxis(string operation, int axis) =>
        throw new ArgumentOutOfRangeException(nameof(axis), axis,
            $"{operation}: axis must be 0 (down the columns: one value per column) or 1 (along each row: one value per row), got {axis}.");
}
