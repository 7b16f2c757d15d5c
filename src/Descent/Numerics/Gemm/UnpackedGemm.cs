using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Descent.Numerics.Gemm;

/// <summary>
/// The GEMM for products whose B is small enough to stay in the L2 cache (a neural network's layer products, the Gram
/// matrix of a tall X): C = alpha·A·B + beta·C with A m×k and B k×n, any strides, without packing. Each tile of C is
/// computed by <typeparamref name="TKernel"/> straight from A's elements and B's rows, and the rows after its last whole
/// panel by <typeparamref name="TTail"/>, a kernel with fewer rows and the same columns (<typeparamref name="TKernel"/>
/// itself where there is none), so that a batch of 64 rows is not computed as 72; only what a tile cannot read in
/// place is copied: a last partial panel of A rows, the last partial strip of B's columns (padded with zeros; not
/// needed by a kernel that masks columns), or all of B when its columns are not contiguous. Packing would copy both operands for a product that reuses them only a
/// few times. k is cut into equal blocks of at most <see cref="GemmDriver.UnpackedDepthBlock"/> (A's rows of one tile row stay in the L1
/// cache); the first block applies beta, later ones add. With <c>lower</c>, only tiles that reach the lower triangle
/// (row ≥ column) are computed, as SYRK needs. Threads take disjoint ranges of tile rows (or of tile columns when C is
/// short and wide), so every element of C sees the same operations for any thread count.
/// </summary>
internal static unsafe class UnpackedGemm<T, TKernel, TTail>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IUnpackedKernel<T>
    where TTail : struct, IUnpackedKernel<T>
{
    public static void Run(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c, bool lower)
    {
        if (TTail.Columns != TKernel.Columns || TTail.MasksColumns != TKernel.MasksColumns || TTail.Rows > TKernel.Rows)
            throw new InvalidOperationException($"{typeof(TTail).Name} cannot finish the panels of {typeof(TKernel).Name}.");
        long work = (long)c.Rows * c.Columns * a.Columns / (lower ? 2 : 1);
        var plan = TilePlan.For(c.Rows, c.Columns, work, TKernel.Rows, TKernel.Columns, lower);
        TiledProduct<T>.Run(plan, &RunRange, alpha, a, b, beta, c);
    }

    /// <summary>C[rowStart..rowEnd, columnStart..columnEnd] (its lower-triangle tiles only, with <paramref name="lower"/>) on the calling thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunRange(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c,
        int rowStart, int rowEnd, int columnStart, int columnEnd, bool lower)
    {
        if (rowStart >= rowEnd || columnStart >= columnEnd)
            return;
        int k = a.Columns, mr = TKernel.Rows, nr = TKernel.Columns;
        int depthBlocks = (k + GemmDriver.UnpackedDepthBlock - 1) / GemmDriver.UnpackedDepthBlock;
        int depthStep = (k + depthBlocks - 1) / depthBlocks;
        int width = columnEnd - columnStart;
        bool bInPlace = b.ColumnStride == 1;
        int inPlaceEnd = !bInPlace ? columnStart             // B's columns read where they are
            : TKernel.MasksColumns ? columnEnd : columnStart + width / nr * nr;
        int copiedColumns = bInPlace ? nr : (width + nr - 1) / nr * nr;
        PackBuffers<T>.Get(mr * depthStep, copiedColumns * depthStep, mr * nr, out T* packedA, out T* packedB, out T* tile);

        fixed (T* aData = &MemoryMarshal.GetArrayDataReference(a.Data))
        fixed (T* bData = &MemoryMarshal.GetArrayDataReference(b.Data))
        fixed (T* cData = &MemoryMarshal.GetArrayDataReference(c.Data))
        {
            T* aBase = aData + a.Offset, bBase = bData + b.Offset, cBase = cData + c.Offset;
            nint aRow = a.RowStride, aColumn = a.ColumnStride, bRow = b.RowStride, bColumn = b.ColumnStride;
            nint cRow = c.RowStride, cColumn = c.ColumnStride;
            for (int pc = 0; pc < k; pc += depthStep)
            {
                int kc = Math.Min(depthStep, k - pc);
                T blockBeta = pc == 0 ? beta : T.One;
                T* bBlock = bBase + pc * bRow;
                if (inPlaceEnd < columnEnd)
                    Packing.PackB(bBlock + inPlaceEnd * bColumn, bRow, bColumn, kc, columnEnd - inPlaceEnd, nr, packedB);
                int fullEnd = rowStart + (rowEnd - rowStart) / mr * mr;
                for (int i = rowStart; i < fullEnd; i += mr)
                    Panel<TKernel>(kc, aBase + i * aRow + pc * aColumn, aRow, aColumn, mr, bBlock, bRow, packedB, inPlaceEnd,
                        cBase + i * cRow, cRow, cColumn, i, columnStart, columnEnd, lower, alpha, blockBeta, packedA, tile);
                for (int i = fullEnd; i < rowEnd; i += TTail.Rows)
                    Panel<TTail>(kc, aBase + i * aRow + pc * aColumn, aRow, aColumn, Math.Min(TTail.Rows, rowEnd - i), bBlock, bRow,
                        packedB, inPlaceEnd, cBase + i * cRow, cRow, cColumn, i, columnStart, columnEnd, lower, alpha, blockBeta, packedA, tile);
            }
        }
    }

    /// <summary>
    /// The tiles of <paramref name="height"/> (≤ <typeparamref name="TPanel"/>'s Rows) rows of C starting at row
    /// <paramref name="row"/>, over one k-block: A's rows are read in place, or, for a panel shorter than the kernel,
    /// from a copy padded with zero rows; B's columns before <paramref name="inPlaceEnd"/> in place, the rest from
    /// <paramref name="packedB"/>.
    /// </summary>
    private static void Panel<TPanel>(int kc, T* aTile, nint aRow, nint aColumn, int height, T* bBlock, nint bRow, T* packedB,
        int inPlaceEnd, T* cPanel, nint cRow, nint cColumn, int row, int columnStart, int columnEnd, bool lower, T alpha, T beta,
        T* packedA, T* tile)
        where TPanel : struct, IUnpackedKernel<T>
    {
        int mr = TPanel.Rows, nr = TPanel.Columns;
        nint tileRow = aRow, tileColumn = aColumn;
        if (height < mr)
        {
            Packing.PackA(aTile, aRow, aColumn, height, kc, mr, packedA);
            aTile = packedA;
            tileRow = 1;
            tileColumn = mr;
        }
        int end = lower ? Math.Min(columnEnd, row + height) : columnEnd;
        for (int j = columnStart; j < end; j += nr)
        {
            bool inPlace = j < inPlaceEnd;
            T* bTile = inPlace ? bBlock + j : packedB + (nint)(j - inPlaceEnd) * kc;
            nint bTileRow = inPlace ? bRow : nr;
            T* cTile = cPanel + j * cColumn;
            int tileWidth = Math.Min(nr, columnEnd - j);
            if (height == mr && (tileWidth == nr || TPanel.MasksColumns) && cColumn == 1)
                TPanel.Multiply(kc, aTile, tileRow, tileColumn, bTile, bTileRow, cTile, cRow, tileWidth, alpha, beta);
            else
                EdgeTile<TPanel>(kc, aTile, tileRow, tileColumn, bTile, bTileRow, cTile, cRow, cColumn, height, tileWidth, alpha, beta, tile);
        }
    }

    /// <summary>
    /// A partial tile (or a tile of a C whose columns are strided): the kernel runs on a contiguous copy, so each
    /// element still sees exactly the kernel's operations, and only the valid part is copied back.
    /// </summary>
    private static void EdgeTile<TPanel>(int kc, T* a, nint aRow, nint aColumn, T* b, nint bRow, T* c, nint cRow, nint cColumn,
        int height, int width, T alpha, T beta, T* tile)
        where TPanel : struct, IUnpackedKernel<T>
    {
        int nr = TPanel.Columns;
        if (beta != T.Zero)
        {
            for (int r = 0; r < height; r++)
                for (int j = 0; j < width; j++)
                    tile[r * nr + j] = c[r * cRow + j * cColumn];
        }
        TPanel.Multiply(kc, a, aRow, aColumn, b, bRow, tile, nr, TPanel.MasksColumns ? width : nr, alpha, beta);
        for (int r = 0; r < height; r++)
            for (int j = 0; j < width; j++)
                c[r * cRow + j * cColumn] = tile[r * nr + j];
    }
}
