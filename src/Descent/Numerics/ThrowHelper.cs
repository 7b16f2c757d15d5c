using System.Diagnostics.CodeAnalysis;

namespace Descent.Numerics;

/// <summary>Builds error messages only on failure, so the checks in hot paths stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void IndexOutOfRange(string what, int index, int count) =>
        throw new ArgumentOutOfRangeException(what, index, $"{what} index {index} is outside [0, {count}).");

    [DoesNotReturn]
    public static void NotContiguous(Shape shape, int rowStride, int columnStride) =>
        throw new InvalidOperationException(
            $"This {shape} view is strided (row stride {rowStride}, column stride {columnStride}); " +
            "call ToContiguous() to get a contiguous copy first.");

    [DoesNotReturn]
    public static void NegativeShape(int rows, int columns) =>
        throw new ArgumentOutOfRangeException(nameof(rows), $"A matrix cannot have shape {rows}×{columns}: sizes must be >= 0.");

    [DoesNotReturn]
    public static void TooLarge(int rows, int columns) =>
        throw new ArgumentOutOfRangeException(nameof(rows),
            $"A {rows}×{columns} matrix has more elements than one .NET array can hold ({Array.MaxLength}).");

    [DoesNotReturn]
    public static void ShapeMismatch(string operation, Shape a, Shape b, string requirement) =>
        throw new ArgumentException($"{operation}: shapes {a} and {b} are not compatible: {requirement}.");

    [DoesNotReturn]
    public static void LengthMismatch(string operation, int a, int b) =>
        throw new ArgumentException($"{operation}: lengths {a} and {b} differ; both operands need the same length.");
}
