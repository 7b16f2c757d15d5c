using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Descent.Numerics.Gemm;

/// <summary>
/// The packed, cache-blocked GEMM (the Goto/BLIS loop nest): C = alpha·A·B + beta·C with A m×k, B k×n, any strides.
/// k is cut into equal blocks of at most KC; for each row block (MC) and k-block, A is packed once, then each column
/// block (NC) of B is packed and swept by <typeparamref name="TKernel"/> tile by tile. The first k-block applies
/// beta, later ones add (beta = 1). With <c>lower</c> (SYRK), column blocks and tiles wholly above the diagonal are
/// skipped. Threads take disjoint ranges of tile rows (or tile columns when C is short and wide), and each packs its
/// own panels, so every element of C sees the same operations for any thread count.
/// </summary>
internal static unsafe class BlockedGemm<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : struct, IMicroKernel<T>
{
    public static void Run(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c, bool lower)
    {
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
        int depthBlocks = (k + TKernel.DepthBlock - 1) / TKernel.DepthBlock;
        int depthStep = ((k + depthBlocks - 1) / depthBlocks + 3) & ~3; // equal blocks, a multiple of the ×4 unroll
        int rowBlock = RoundUp(Math.Min(TKernel.RowBlock, rowEnd - rowStart), mr);
        int columnBlock = RoundUp(Math.Min(TKernel.ColumnBlock, columnEnd - columnStart), nr);
        int maxDepth = Math.Min(depthStep, k);
        PackBuffers<T>.Get(rowBlock * maxDepth, columnBlock * maxDepth, mr * nr, out T* packedA, out T* packedB, out T* tile);

        fixed (T* aData = &MemoryMarshal.GetArrayDataReference(a.Data))
        fixed (T* bData = &MemoryMarshal.GetArrayDataReference(b.Data))
        fixed (T* cData = &MemoryMarshal.GetArrayDataReference(c.Data))
        {
            T* aBase = aData + a.Offset, bBase = bData + b.Offset, cBase = cData + c.Offset;
            nint aRow = a.RowStride, aColumn = a.ColumnStride, bRow = b.RowStride, bColumn = b.ColumnStride;
            nint cRow = c.RowStride, cColumn = c.ColumnStride;
            for (int ic = rowStart; ic < rowEnd; ic += rowBlock)
            {
                int mc = Math.Min(rowBlock, rowEnd - ic);
                for (int pc = 0; pc < k; pc += depthStep)
                {
                    int kc = Math.Min(depthStep, k - pc);
                    T blockBeta = pc == 0 ? beta : T.One;
                    Packing.PackA(aBase + ic * aRow + pc * aColumn, aRow, aColumn, mc, kc, mr, packedA);
                    int blockEnd = lower ? Math.Min(columnEnd, ic + mc) : columnEnd;
                    for (int jc = columnStart; jc < blockEnd; jc += columnBlock)
                    {
                        int nc = Math.Min(columnBlock, blockEnd - jc);
                        Packing.PackB(bBase + pc * bRow + jc * bColumn, bRow, bColumn, kc, nc, nr, packedB);
                        T* cBlock = cBase + ic * cRow + jc * cColumn;
                        // With lower, tile (ir, jr) of this block is needed when its first column jc + jr is at most its last row.
                        int diagonal = lower ? ic - jc : int.MaxValue / 2;
                        SweepTiles(kc, mc, nc, packedA, packedB, cBlock, cRow, cColumn, alpha, blockBeta, tile, diagonal);
                    }
                }
            }
        }
    }

    /// <summary>Every mr×nr tile of one packed mc×kc A block times one packed kc×nc B block, except the tiles whose
    /// first column jr lies beyond their last row ir + height − 1 + <paramref name="diagonal"/> (above the diagonal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SweepTiles(int kc, int mc, int nc, T* packedA, T* packedB, T* c, nint cRow, nint cColumn,
        T alpha, T beta, T* tile, int diagonal)
    {
        int mr = TKernel.Rows, nr = TKernel.Columns;
        for (int ir = 0; ir < mc; ir += mr)
        {
            T* aPanel = packedA + (nint)ir * kc;
            int height = Math.Min(mr, mc - ir);
            int end = (int)Math.Min(nc, (long)ir + height + diagonal);
            for (int jr = 0; jr < end; jr += nr)
            {
                T* bPanel = packedB + (nint)jr * kc;
                T* cTile = c + ir * cRow + jr * cColumn;
                int width = Math.Min(nr, nc - jr);
                if (height == mr && width == nr && cColumn == 1)
                    TKernel.Multiply(kc, aPanel, bPanel, cTile, cRow, alpha, beta);
                else
                    EdgeTile(kc, aPanel, bPanel, cTile, cRow, cColumn, height, width, alpha, beta, tile);
            }
        }
    }

    /// <summary>
    /// A partial tile (or a tile of a C whose columns are strided): the kernel runs on a contiguous copy, so each
    /// element still sees exactly the kernel's operations, and only the valid part is copied back.
    /// </summary>
    private static void EdgeTile(int kc, T* aPanel, T* bPanel, T* c, nint cRow, nint cColumn, int height, int width,
        T alpha, T beta, T* tile)
    {
        int nr = TKernel.Columns;
        if (beta != T.Zero)
        {
            for (int r = 0; r < height; r++)
                for (int j = 0; j < width; j++)
                    tile[r * nr + j] = c[r * cRow + j * cColumn];
        }
        TKernel.Multiply(kc, aPanel, bPanel, tile, nr, alpha, beta);
        for (int r = 0; r < height; r++)
            for (int j = 0; j < width; j++)
                c[r * cRow + j * cColumn] = tile[r * nr + j];
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
