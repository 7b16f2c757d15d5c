namespace Descent.Numerics.Gemm;

/// <summary>
/// A register-blocked GEMM micro-kernel: multiplies a packed <see cref="Rows"/>×depth panel of A by a packed
/// depth×<see cref="Columns"/> panel of B into one tile of C:
/// C[r, j] = alpha·Σₚ Ã[p·Rows + r]·B̃[p·Columns + j] + beta·C[r, j], with C not read when beta is 0.
/// The blocking sizes travel with the kernel because they are tuned for its register and cache footprint.
/// </summary>
internal unsafe interface IMicroKernel<T> where T : unmanaged
{
    /// <summary>Rows of the C tile (MR): A is packed in panels of this many rows.</summary>
    static abstract int Rows { get; }

    /// <summary>Columns of the C tile (NR): B is packed in panels of this many columns.</summary>
    static abstract int Columns { get; }

    /// <summary>Largest k-block (KC); k is split into equal blocks no longer than this.</summary>
    static abstract int DepthBlock { get; }

    /// <summary>Columns of B packed at once (NC, a multiple of <see cref="Columns"/>), sized for the L2 cache.</summary>
    static abstract int ColumnBlock { get; }

    /// <summary>Rows of A packed at once (MC, a multiple of <see cref="Rows"/>).</summary>
    static abstract int RowBlock { get; }

    /// <summary>True when this processor has the instructions the kernel uses.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>
    /// One tile: <paramref name="c"/> points at C[0, 0] of the tile, rows <paramref name="rowStride"/> apart, columns
    /// contiguous. <paramref name="a"/> and <paramref name="b"/> are the packed panels, <paramref name="depth"/> deep.
    /// </summary>
    static abstract void Multiply(int depth, T* a, T* b, T* c, nint rowStride, T alpha, T beta);
}
