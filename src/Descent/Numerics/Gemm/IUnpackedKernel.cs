namespace Descent.Numerics.Gemm;

/// <summary>
/// A register-blocked GEMM micro-kernel that reads its operands where they are, without packing: one
/// <see cref="Rows"/>×<see cref="Columns"/> tile of C = alpha·A·B + beta·C over <c>depth</c> steps, with
/// A[r, p] = a[r·aRow + p·aColumn] broadcast one element at a time (any strides) and B[p, j] = b[p·bRow + j] loaded a
/// row of the tile at a time (unit column stride: B in place, or a padded panel). C is not read when beta is 0.
/// </summary>
internal unsafe interface IUnpackedKernel<T> where T : unmanaged
{
    /// <summary>Rows of the C tile.</summary>
    static abstract int Rows { get; }

    /// <summary>Columns of the C tile: whole vectors, so B must have this many readable columns.</summary>
    static abstract int Columns { get; }

    /// <summary>True when this processor has the instructions the kernel uses.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>
    /// True when the kernel touches only the first <c>width</c> columns of a tile (masked loads of B, masked stores of
    /// C), so a partial tile needs no padded copy; false when it always reads and writes <see cref="Columns"/>.
    /// </summary>
    static abstract bool MasksColumns { get; }

    /// <summary>One tile: <paramref name="c"/> points at C[0, 0] of the tile, rows <paramref name="cRow"/> apart, columns
    /// contiguous; <paramref name="width"/> (1..<see cref="Columns"/>) is the number of its columns that exist, which
    /// only a kernel that <see cref="MasksColumns"/> uses.</summary>
    static abstract void Multiply(int depth, T* a, nint aRow, nint aColumn, T* b, nint bRow, T* c, nint cRow, int width,
        T alpha, T beta);
}
