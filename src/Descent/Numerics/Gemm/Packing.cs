using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Copies blocks of A and B into the panel layouts the micro-kernels read sequentially. A source element (i, j) lives
/// at <c>source[i·rowStride + j·columnStride]</c>, so transposed and sliced views pack like any other matrix; the
/// common layouts (unit column stride, unit row stride) take dedicated loops. Panels are padded with zeros.
/// </summary>
internal static unsafe class Packing
{
    /// <summary>
    /// A-panels: packed[(i / mr)·mr·depth + p·mr + i % mr] = A[i, p] for i &lt; rows, p &lt; depth; zero for the
    /// rows that pad the last panel to <paramref name="mr"/>.
    /// </summary>
    public static void PackA<T>(T* source, nint rowStride, nint columnStride, int rows, int depth, int mr, T* packed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i0 = 0; i0 < rows; i0 += mr, packed += (nint)mr * depth)
        {
            int height = Math.Min(mr, rows - i0);
            T* panel = source + i0 * rowStride;
            if (columnStride == 1)
                TransposeInto(panel, rowStride, height, depth, mr, packed);
            else if (rowStride == 1)
                CopyRuns(panel, columnStride, height, depth, mr, packed);
            else
                Gather(panel, rowStride, columnStride, height, depth, mr, packed);
            if (height < mr)
                ZeroPad(packed, height, depth, mr);
        }
    }

    /// <summary>
    /// B-panels: packed[(j / nr)·nr·depth + p·nr + j % nr] = B[p, j] for p &lt; depth, j &lt; columns; zero for the
    /// columns that pad the last panel to <paramref name="nr"/>.
    /// </summary>
    public static void PackB<T>(T* source, nint rowStride, nint columnStride, int depth, int columns, int nr, T* packed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (columnStride == 1)
        {
            CopyRowsIntoPanels(source, rowStride, depth, columns, nr, packed);
            return;
        }
        for (int j0 = 0; j0 < columns; j0 += nr, packed += (nint)nr * depth)
        {
            int width = Math.Min(nr, columns - j0);
            T* panel = source + j0 * columnStride;
            // B's panel is Bᵀ's A-panel: the same layouts with the strides swapped.
            if (rowStride == 1)
                TransposeInto(panel, columnStride, width, depth, nr, packed);
            else
                Gather(panel, columnStride, rowStride, width, depth, nr, packed);
            if (width < nr)
                ZeroPad(packed, width, depth, nr);
        }
    }

    /// <summary>
    /// B with contiguous rows: each row p is read once, front to back, and its runs of <paramref name="nr"/> go to
    /// step p of successive panels (reading row by row touches one page at a time, unlike panel by panel).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyRowsIntoPanels<T>(T* source, nint rowStride, int depth, int columns, int nr, T* packed)
        where T : unmanaged
    {
        int fullPanels = columns / nr, rest = columns - fullPanels * nr;
        nint panelSize = (nint)nr * depth;
        uint runBytes = (uint)(nr * sizeof(T));
        for (int p = 0; p < depth; p++, source += rowStride)
        {
            T* target = packed + (nint)p * nr;
            T* from = source;
            for (int panel = 0; panel < fullPanels; panel++, from += nr, target += panelSize)
                Unsafe.CopyBlockUnaligned(target, from, runBytes);
            if (rest > 0)
            {
                Unsafe.CopyBlockUnaligned(target, from, (uint)(rest * sizeof(T)));
                new Span<T>(target + rest, nr - rest).Clear();
            }
        }
    }

    /// <summary>packed[p·lanes + r] = source[r·lineStride + p]: each of <paramref name="count"/> contiguous lines
    /// becomes one lane of the panel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeInto<T>(T* source, nint lineStride, int count, int depth, int lanes, T* packed)
        where T : unmanaged
    {
        int r = 0;
        for (; r + 8 <= count; r += 8)
        {
            T* s0 = source + r * lineStride, s1 = s0 + lineStride, s2 = s1 + lineStride, s3 = s2 + lineStride;
            T* s4 = s3 + lineStride, s5 = s4 + lineStride, s6 = s5 + lineStride, s7 = s6 + lineStride;
            T* d = packed + r;
            for (int p = 0; p < depth; p++, d += lanes)
            {
                d[0] = s0[p];
                d[1] = s1[p];
                d[2] = s2[p];
                d[3] = s3[p];
                d[4] = s4[p];
                d[5] = s5[p];
                d[6] = s6[p];
                d[7] = s7[p];
            }
        }
        for (; r + 4 <= count; r += 4)
        {
            T* s0 = source + r * lineStride, s1 = s0 + lineStride, s2 = s1 + lineStride, s3 = s2 + lineStride;
            T* d = packed + r;
            for (int p = 0; p < depth; p++, d += lanes)
            {
                d[0] = s0[p];
                d[1] = s1[p];
                d[2] = s2[p];
                d[3] = s3[p];
            }
        }
        for (; r < count; r++)
        {
            T* s = source + r * lineStride;
            T* d = packed + r;
            for (int p = 0; p < depth; p++, d += lanes)
                *d = s[p];
        }
    }

    /// <summary>packed[p·lanes + r] = source[p·runStride + r]: each step p copies one contiguous run of
    /// <paramref name="count"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyRuns<T>(T* source, nint runStride, int count, int depth, int lanes, T* packed)
        where T : unmanaged
    {
        nuint bytes = (nuint)(count * sizeof(T));
        for (int p = 0; p < depth; p++, source += runStride, packed += lanes)
            Unsafe.CopyBlockUnaligned(packed, source, (uint)bytes);
    }

    /// <summary>packed[p·lanes + r] = source[r·laneStride + p·stepStride], for any strides.</summary>
    private static void Gather<T>(T* source, nint laneStride, nint stepStride, int count, int depth, int lanes, T* packed)
        where T : unmanaged
    {
        for (int p = 0; p < depth; p++, packed += lanes)
        {
            T* s = source + p * stepStride;
            for (int r = 0; r < count; r++)
                packed[r] = s[r * laneStride];
        }
    }

    private static void ZeroPad<T>(T* packed, int filled, int depth, int lanes) where T : unmanaged
    {
        for (int p = 0; p < depth; p++, packed += lanes)
            new Span<T>(packed + filled, lanes - filled).Clear();
    }
}
