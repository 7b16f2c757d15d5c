using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Copies blocks of A and B into the panel layouts the micro-kernels read sequentially. A source element (i, j) lives
/// at <c>source[i·rowStride + j·columnStride]</c>, so transposed and sliced views pack like any other matrix; the
/// common layouts (unit column stride, unit row stride) take dedicated loops. Panels are padded with zeros.
/// </summary>
internal static unsafe class Packing
{
    private const int PrefetchRows = 4;

    /// <summary>How far ahead along each line <see cref="TransposeInto"/> asks for memory.</summary>
    private const int PrefetchBytes = 512;

    /// <summary>
    /// A-panels: packed[(i / mr)·mr·depth + p·mr + i % mr] = A[i, p] for i &lt; rows, p &lt; depth; zero for the
    /// rows that pad the last panel to <paramref name="mr"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB<T>(T* source, nint rowStride, nint columnStride, int depth, int columns, int nr, T* packed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (columnStride == 1)
            CopyRowsIntoPanels(source, rowStride, depth, columns, nr, packed);
        else
            PackA(source, columnStride, rowStride, columns, depth, nr, packed); // B's panels are Bᵀ's A-panels
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
        int rowBytes = columns * sizeof(T);
        for (int p = 0; p < depth; p++, source += rowStride)
        {
            // Rows are usually pages apart, where the hardware prefetcher stops: fetch a few rows ahead by hand.
            if (Sse.IsSupported && p + PrefetchRows < depth)
            {
                byte* ahead = (byte*)(source + PrefetchRows * rowStride);
                for (int offset = 0; offset < rowBytes; offset += 64)
                    Sse.Prefetch0(ahead + offset);
            }
            T* target = packed + (nint)p * nr;
            T* from = source;
            if (runBytes % 32 == 0)
            {
                // Whole 32-byte vectors (the common widths), which a copy of a size known only at run time is not.
                for (int panel = 0; panel < fullPanels; panel++, from += nr, target += panelSize)
                    for (uint offset = 0; offset < runBytes; offset += 32)
                        Vector256.Store(Vector256.Load((byte*)from + offset), (byte*)target + offset);
            }
            else
            {
                for (int panel = 0; panel < fullPanels; panel++, from += nr, target += panelSize)
                    Unsafe.CopyBlockUnaligned(target, from, runBytes);
            }
            if (rest > 0)
            {
                Unsafe.CopyBlockUnaligned(target, from, (uint)(rest * sizeof(T)));
                new Span<T>(target + rest, nr - rest).Clear();
            }
        }
    }

    /// <summary>
    /// packed[p·lanes + r] = source[r·lineStride + p]: each of <paramref name="count"/> contiguous lines becomes one
    /// lane of the panel. With SIMD, four steps at a time across all lines (4×4 blocks transposed in registers), so the
    /// panel is written front to back and every line is read at once; each line is prefetched
    /// <see cref="PrefetchBytes"/> ahead, since lines are usually pages apart, where the hardware prefetcher stops.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeInto<T>(T* source, nint lineStride, int count, int depth, int lanes, T* packed)
        where T : unmanaged
    {
        int blocked = 0, p = 0; // lines and steps done in 4×4 blocks
        bool simd = typeof(T) == typeof(double) ? Avx.IsSupported : typeof(T) == typeof(float) && Sse.IsSupported;
        if (simd && count >= 4)
        {
            blocked = count & ~3;
            int prefetchAhead = PrefetchBytes / sizeof(T), stepsPerLine = 64 / sizeof(T);
            for (; p + 4 <= depth; p += 4)
            {
                if (p % stepsPerLine == 0 && p + prefetchAhead < depth)
                {
                    for (int r = 0; r < count; r++)
                        Sse.Prefetch0(source + r * lineStride + p + prefetchAhead);
                }
                T* d = packed + (nint)p * lanes;
                for (int r = 0; r < blocked; r += 4)
                {
                    if (typeof(T) == typeof(double))
                        Transpose4x4((double*)(source + r * lineStride + p), lineStride, (double*)(d + r), lanes);
                    else
                        Transpose4x4((float*)(source + r * lineStride + p), lineStride, (float*)(d + r), lanes);
                }
            }
        }
        for (int r = blocked; r < count; r++) // the lines left over from the 4×4 blocks, every step
        {
            T* s = source + r * lineStride;
            for (int q = 0; q < p; q++)
                packed[(nint)q * lanes + r] = s[q];
        }
        for (; p < depth; p++) // the steps left over, every line
        {
            for (int r = 0; r < count; r++)
                packed[(nint)p * lanes + r] = source[r * lineStride + p];
        }
    }

    /// <summary>A 4×4 block of doubles: four 4-element lines in, four 4-element steps out (unpack, then swap 128-bit
    /// halves).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4(double* s0, nint lineStride, double* d, int lanes)
    {
        var r0 = Avx.LoadVector256(s0);
        var r1 = Avx.LoadVector256(s0 + lineStride);
        var r2 = Avx.LoadVector256(s0 + 2 * lineStride);
        var r3 = Avx.LoadVector256(s0 + 3 * lineStride);
        var t0 = Avx.UnpackLow(r0, r1);   // r0[0] r1[0] r0[2] r1[2]
        var t1 = Avx.UnpackHigh(r0, r1);  // r0[1] r1[1] r0[3] r1[3]
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        Avx.Store(d, Avx.Permute2x128(t0, t2, 0x20));
        Avx.Store(d + lanes, Avx.Permute2x128(t1, t3, 0x20));
        Avx.Store(d + 2 * lanes, Avx.Permute2x128(t0, t2, 0x31));
        Avx.Store(d + 3 * lanes, Avx.Permute2x128(t1, t3, 0x31));
    }

    /// <summary>A 4×4 block of floats: four 4-element lines in, four 4-element steps out (unpack, then move halves).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4(float* s0, nint lineStride, float* d, int lanes)
    {
        var r0 = Sse.LoadVector128(s0);
        var r1 = Sse.LoadVector128(s0 + lineStride);
        var r2 = Sse.LoadVector128(s0 + 2 * lineStride);
        var r3 = Sse.LoadVector128(s0 + 3 * lineStride);
        var t0 = Sse.UnpackLow(r0, r1);   // r0[0] r1[0] r0[1] r1[1]
        var t1 = Sse.UnpackLow(r2, r3);   // r2[0] r3[0] r2[1] r3[1]
        var t2 = Sse.UnpackHigh(r0, r1);  // r0[2] r1[2] r0[3] r1[3]
        var t3 = Sse.UnpackHigh(r2, r3);
        Sse.Store(d, Sse.MoveLowToHigh(t0, t1));
        Sse.Store(d + lanes, Sse.MoveHighToLow(t1, t0));
        Sse.Store(d + 2 * lanes, Sse.MoveLowToHigh(t2, t3));
        Sse.Store(d + 3 * lanes, Sse.MoveHighToLow(t3, t2));
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
