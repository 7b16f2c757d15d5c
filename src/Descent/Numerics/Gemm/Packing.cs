using System.Numerics;
using System.Runtime.CompilerServices;
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
        if (typeof(T) == typeof(double) && Avx.IsSupported)
        {
            for (; r + 4 <= count; r += 4)
                Transpose4Lines((double*)(source + r * lineStride), lineStride, depth, lanes, (double*)(packed + r));
        }
        else if (typeof(T) == typeof(float) && Sse.IsSupported)
        {
            for (; r + 4 <= count; r += 4)
                Transpose4Lines((float*)(source + r * lineStride), lineStride, depth, lanes, (float*)(packed + r));
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

    /// <summary>Four lines of doubles at once: 4×4 blocks transposed in registers (unpack, then swap 128-bit halves).</summary>
    private static void Transpose4Lines(double* s0, nint lineStride, int depth, int lanes, double* packed)
    {
        double* s1 = s0 + lineStride, s2 = s1 + lineStride, s3 = s2 + lineStride;
        int p = 0;
        for (; p + 4 <= depth; p += 4)
        {
            var r0 = Avx.LoadVector256(s0 + p);
            var r1 = Avx.LoadVector256(s1 + p);
            var r2 = Avx.LoadVector256(s2 + p);
            var r3 = Avx.LoadVector256(s3 + p);
            var t0 = Avx.UnpackLow(r0, r1);   // r0[0] r1[0] r0[2] r1[2]
            var t1 = Avx.UnpackHigh(r0, r1);  // r0[1] r1[1] r0[3] r1[3]
            var t2 = Avx.UnpackLow(r2, r3);
            var t3 = Avx.UnpackHigh(r2, r3);
            double* d = packed + (nint)p * lanes;
            Avx.Store(d, Avx.Permute2x128(t0, t2, 0x20));
            Avx.Store(d + lanes, Avx.Permute2x128(t1, t3, 0x20));
            Avx.Store(d + 2 * lanes, Avx.Permute2x128(t0, t2, 0x31));
            Avx.Store(d + 3 * lanes, Avx.Permute2x128(t1, t3, 0x31));
        }
        for (; p < depth; p++)
        {
            double* d = packed + (nint)p * lanes;
            d[0] = s0[p];
            d[1] = s1[p];
            d[2] = s2[p];
            d[3] = s3[p];
        }
    }

    /// <summary>Four lines of floats at once: 4×4 blocks transposed in registers (unpack, then move halves).</summary>
    private static void Transpose4Lines(float* s0, nint lineStride, int depth, int lanes, float* packed)
    {
        float* s1 = s0 + lineStride, s2 = s1 + lineStride, s3 = s2 + lineStride;
        int p = 0;
        for (; p + 4 <= depth; p += 4)
        {
            var r0 = Sse.LoadVector128(s0 + p);
            var r1 = Sse.LoadVector128(s1 + p);
            var r2 = Sse.LoadVector128(s2 + p);
            var r3 = Sse.LoadVector128(s3 + p);
            var t0 = Sse.UnpackLow(r0, r1);   // r0[0] r1[0] r0[1] r1[1]
            var t1 = Sse.UnpackLow(r2, r3);   // r2[0] r3[0] r2[1] r3[1]
            var t2 = Sse.UnpackHigh(r0, r1);  // r0[2] r1[2] r0[3] r1[3]
            var t3 = Sse.UnpackHigh(r2, r3);
            float* d = packed + (nint)p * lanes;
            Sse.Store(d, Sse.MoveLowToHigh(t0, t1));
            Sse.Store(d + lanes, Sse.MoveHighToLow(t1, t0));
            Sse.Store(d + 2 * lanes, Sse.MoveLowToHigh(t2, t3));
            Sse.Store(d + 3 * lanes, Sse.MoveHighToLow(t3, t2));
        }
        for (; p < depth; p++)
        {
            float* d = packed + (nint)p * lanes;
            d[0] = s0[p];
            d[1] = s1[p];
            d[2] = s2[p];
            d[3] = s3[p];
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
