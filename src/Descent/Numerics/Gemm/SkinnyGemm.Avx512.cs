using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Numerics.Gemm;

internal static partial class SkinnyGemm
{
    /// <summary>
    /// The same two products with AVX-512: RowDots computes 4 rows × 5 outputs per sweep along p (20 accumulators,
    /// each load of W serving four rows, each load of X five outputs), then single outputs, and fetches the next four
    /// rows as it goes (X arrives from memory here, in four short streams the hardware prefetcher is slow to follow);
    /// the accumulation holds a 5 (or 1) × 32 tile of C in registers while the rows go by, so each 64-byte load of X
    /// feeds five fused multiply-adds, and takes the last columns with masked loads and stores.
    /// </summary>
    internal static class Avx512
    {
        /// <summary>Z[i, c] = X[i, :]·W[c, :] for the rows of <paramref name="x"/>; Z row-major with K = W.Rows columns.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void RowDots(Matrix<double> x, Matrix<double> w, Span<double> z)
        {
            int rows = x.Rows, k = w.Rows;
            int i = 0;
            for (; i + 4 <= rows; i += 4)
            {
                int c = 0;
                for (; c + 5 <= k; c += 5)
                    Dots4x5(x, i, w, c, z[(i * k + c)..], k);
                for (; c < k; c++)
                    Dots4x1(x, i, w, c, z[(i * k + c)..], k);
            }
            for (; i < rows; i++)
            {
                var xi = x.RowSpan(i);
                for (int c = 0; c < k; c++)
                    z[i * k + c] = TensorPrimitives.Dot<double>(xi, w.RowSpan(c));
            }
        }

        /// <summary>C[c, :] += Σᵢ G[i, c]·X[i, :] over the rows of <paramref name="x"/>; G row-major with K = C.Rows columns.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void AccumulateTransposed(ReadOnlySpan<double> g, Matrix<double> x, Matrix<double> c)
        {
            int k = c.Rows, p = x.Columns;
            int j = 0;
            for (; j + 32 <= p; j += 32)
            {
                int cls = 0;
                for (; cls + 5 <= k; cls += 5)
                    Tile5x32(g, k, cls, x, j, c);
                for (; cls < k; cls++)
                    Tile1x32(g, k, cls, x, j, c);
            }
            if (j < p)
            {
                int cls = 0;
                for (; cls + 5 <= k; cls += 5)
                    Tile5xPartial(g, k, cls, x, j, p - j, c);
                for (; cls < k; cls++)
                    Tile1xPartial(g, k, cls, x, j, p - j, c);
            }
        }

        /// <summary>The 4 × 5 tile z[r, t] = x_(i+r)·w_(c+t), written at z[r·stride + t].</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe void Dots4x5(Matrix<double> x, int i, Matrix<double> w, int c, Span<double> z, int stride)
        {
            int p = x.Columns, j = 0;
            // Raw pointers and no call while the accumulators are live: the JIT keeps all of them in registers.
            fixed (double* xData = x.Data, wData = w.Data, zData = z)
            {
                double* x0 = xData + x.Offset + (i + 0) * x.RowStride, x1 = xData + x.Offset + (i + 1) * x.RowStride, x2 = xData + x.Offset + (i + 2) * x.RowStride, x3 = xData + x.Offset + (i + 3) * x.RowStride;
                double* w0 = wData + w.Offset + (c + 0) * w.RowStride, w1 = wData + w.Offset + (c + 1) * w.RowStride, w2 = wData + w.Offset + (c + 2) * w.RowStride, w3 = wData + w.Offset + (c + 3) * w.RowStride, w4 = wData + w.Offset + (c + 4) * w.RowStride;
                var a00 = Vector512<double>.Zero; var a01 = Vector512<double>.Zero; var a02 = Vector512<double>.Zero; var a03 = Vector512<double>.Zero; var a04 = Vector512<double>.Zero;
                var a10 = Vector512<double>.Zero; var a11 = Vector512<double>.Zero; var a12 = Vector512<double>.Zero; var a13 = Vector512<double>.Zero; var a14 = Vector512<double>.Zero;
                var a20 = Vector512<double>.Zero; var a21 = Vector512<double>.Zero; var a22 = Vector512<double>.Zero; var a23 = Vector512<double>.Zero; var a24 = Vector512<double>.Zero;
                var a30 = Vector512<double>.Zero; var a31 = Vector512<double>.Zero; var a32 = Vector512<double>.Zero; var a33 = Vector512<double>.Zero; var a34 = Vector512<double>.Zero;
                nint ahead = 4 * (nint)x.RowStride; // the next tile's rows, fetched while this one is computed
                for (; j + 8 <= p; j += 8)
                {
                    Sse.Prefetch0(x0 + ahead + j); Sse.Prefetch0(x1 + ahead + j); Sse.Prefetch0(x2 + ahead + j); Sse.Prefetch0(x3 + ahead + j);
                    var v0 = Vector512.Load(w0 + j); var v1 = Vector512.Load(w1 + j); var v2 = Vector512.Load(w2 + j); var v3 = Vector512.Load(w3 + j); var v4 = Vector512.Load(w4 + j);
                    var r0 = Vector512.Load(x0 + j);
                    var r1 = Vector512.Load(x1 + j);
                    var r2 = Vector512.Load(x2 + j);
                    var r3 = Vector512.Load(x3 + j);
                    a00 = Avx512F.FusedMultiplyAdd(r0, v0, a00); a01 = Avx512F.FusedMultiplyAdd(r0, v1, a01); a02 = Avx512F.FusedMultiplyAdd(r0, v2, a02); a03 = Avx512F.FusedMultiplyAdd(r0, v3, a03); a04 = Avx512F.FusedMultiplyAdd(r0, v4, a04);
                    a10 = Avx512F.FusedMultiplyAdd(r1, v0, a10); a11 = Avx512F.FusedMultiplyAdd(r1, v1, a11); a12 = Avx512F.FusedMultiplyAdd(r1, v2, a12); a13 = Avx512F.FusedMultiplyAdd(r1, v3, a13); a14 = Avx512F.FusedMultiplyAdd(r1, v4, a14);
                    a20 = Avx512F.FusedMultiplyAdd(r2, v0, a20); a21 = Avx512F.FusedMultiplyAdd(r2, v1, a21); a22 = Avx512F.FusedMultiplyAdd(r2, v2, a22); a23 = Avx512F.FusedMultiplyAdd(r2, v3, a23); a24 = Avx512F.FusedMultiplyAdd(r2, v4, a24);
                    a30 = Avx512F.FusedMultiplyAdd(r3, v0, a30); a31 = Avx512F.FusedMultiplyAdd(r3, v1, a31); a32 = Avx512F.FusedMultiplyAdd(r3, v2, a32); a33 = Avx512F.FusedMultiplyAdd(r3, v3, a33); a34 = Avx512F.FusedMultiplyAdd(r3, v4, a34);
                }
                zData[0 * stride + 0] = Vector512.Sum(a00); zData[0 * stride + 1] = Vector512.Sum(a01); zData[0 * stride + 2] = Vector512.Sum(a02); zData[0 * stride + 3] = Vector512.Sum(a03); zData[0 * stride + 4] = Vector512.Sum(a04);
                zData[1 * stride + 0] = Vector512.Sum(a10); zData[1 * stride + 1] = Vector512.Sum(a11); zData[1 * stride + 2] = Vector512.Sum(a12); zData[1 * stride + 3] = Vector512.Sum(a13); zData[1 * stride + 4] = Vector512.Sum(a14);
                zData[2 * stride + 0] = Vector512.Sum(a20); zData[2 * stride + 1] = Vector512.Sum(a21); zData[2 * stride + 2] = Vector512.Sum(a22); zData[2 * stride + 3] = Vector512.Sum(a23); zData[2 * stride + 4] = Vector512.Sum(a24);
                zData[3 * stride + 0] = Vector512.Sum(a30); zData[3 * stride + 1] = Vector512.Sum(a31); zData[3 * stride + 2] = Vector512.Sum(a32); zData[3 * stride + 3] = Vector512.Sum(a33); zData[3 * stride + 4] = Vector512.Sum(a34);
            }
            // The columns past the last whole vector, after the accumulators are stored (a call would spill them).
            if (j < p)
            {
                for (int r = 0; r < 4; r++)
                    for (int t = 0; t < 5; t++)
                        z[r * stride + t] += Tail(x.RowSpan(i + r), w.RowSpan(c + t), j);
            }
        }

        /// <summary>The 4 × 1 tile z[r, t] = x_(i+r)·w_(c+t), written at z[r·stride + t].</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe void Dots4x1(Matrix<double> x, int i, Matrix<double> w, int c, Span<double> z, int stride)
        {
            int p = x.Columns, j = 0;
            // Raw pointers and no call while the accumulators are live: the JIT keeps all of them in registers.
            fixed (double* xData = x.Data, wData = w.Data, zData = z)
            {
                double* x0 = xData + x.Offset + (i + 0) * x.RowStride, x1 = xData + x.Offset + (i + 1) * x.RowStride, x2 = xData + x.Offset + (i + 2) * x.RowStride, x3 = xData + x.Offset + (i + 3) * x.RowStride;
                double* w0 = wData + w.Offset + (c + 0) * w.RowStride;
                var a00 = Vector512<double>.Zero;
                var a10 = Vector512<double>.Zero;
                var a20 = Vector512<double>.Zero;
                var a30 = Vector512<double>.Zero;
                nint ahead = 4 * (nint)x.RowStride; // the next tile's rows, fetched while this one is computed
                for (; j + 8 <= p; j += 8)
                {
                    Sse.Prefetch0(x0 + ahead + j); Sse.Prefetch0(x1 + ahead + j); Sse.Prefetch0(x2 + ahead + j); Sse.Prefetch0(x3 + ahead + j);
                    var v0 = Vector512.Load(w0 + j);
                    var r0 = Vector512.Load(x0 + j);
                    var r1 = Vector512.Load(x1 + j);
                    var r2 = Vector512.Load(x2 + j);
                    var r3 = Vector512.Load(x3 + j);
                    a00 = Avx512F.FusedMultiplyAdd(r0, v0, a00);
                    a10 = Avx512F.FusedMultiplyAdd(r1, v0, a10);
                    a20 = Avx512F.FusedMultiplyAdd(r2, v0, a20);
                    a30 = Avx512F.FusedMultiplyAdd(r3, v0, a30);
                }
                zData[0 * stride + 0] = Vector512.Sum(a00);
                zData[1 * stride + 0] = Vector512.Sum(a10);
                zData[2 * stride + 0] = Vector512.Sum(a20);
                zData[3 * stride + 0] = Vector512.Sum(a30);
            }
            // The columns past the last whole vector, after the accumulators are stored (a call would spill them).
            if (j < p)
            {
                for (int r = 0; r < 4; r++)
                    for (int t = 0; t < 1; t++)
                        z[r * stride + t] += Tail(x.RowSpan(i + r), w.RowSpan(c + t), j);
            }
        }

        /// <summary>C[cls..cls+5, j..j+32] += Σᵢ G[i, cls..cls+5]ᵀ·X[i, j..j+32], the tile held in registers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile5x32(ReadOnlySpan<double> g, int k, int cls, Matrix<double> x, int j, Matrix<double> c)
        {
            ref double c0 = ref MemoryMarshal.GetReference(c.RowSpan(cls + 0)[j..]);
            ref double c1 = ref MemoryMarshal.GetReference(c.RowSpan(cls + 1)[j..]);
            ref double c2 = ref MemoryMarshal.GetReference(c.RowSpan(cls + 2)[j..]);
            ref double c3 = ref MemoryMarshal.GetReference(c.RowSpan(cls + 3)[j..]);
            ref double c4 = ref MemoryMarshal.GetReference(c.RowSpan(cls + 4)[j..]);
            var a00 = Vector512.LoadUnsafe(ref c0, 0); var a01 = Vector512.LoadUnsafe(ref c0, 8); var a02 = Vector512.LoadUnsafe(ref c0, 16); var a03 = Vector512.LoadUnsafe(ref c0, 24);
            var a10 = Vector512.LoadUnsafe(ref c1, 0); var a11 = Vector512.LoadUnsafe(ref c1, 8); var a12 = Vector512.LoadUnsafe(ref c1, 16); var a13 = Vector512.LoadUnsafe(ref c1, 24);
            var a20 = Vector512.LoadUnsafe(ref c2, 0); var a21 = Vector512.LoadUnsafe(ref c2, 8); var a22 = Vector512.LoadUnsafe(ref c2, 16); var a23 = Vector512.LoadUnsafe(ref c2, 24);
            var a30 = Vector512.LoadUnsafe(ref c3, 0); var a31 = Vector512.LoadUnsafe(ref c3, 8); var a32 = Vector512.LoadUnsafe(ref c3, 16); var a33 = Vector512.LoadUnsafe(ref c3, 24);
            var a40 = Vector512.LoadUnsafe(ref c4, 0); var a41 = Vector512.LoadUnsafe(ref c4, 8); var a42 = Vector512.LoadUnsafe(ref c4, 16); var a43 = Vector512.LoadUnsafe(ref c4, 24);
            ref double gi = ref Unsafe.Add(ref MemoryMarshal.GetReference(g), cls);
            ref double xi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x.Data), x.Offset + j);
            nint rowStride = x.RowStride;
            for (int i = 0, rows = x.Rows; i < rows; i++)
            {
                var v0 = Vector512.LoadUnsafe(ref xi, 0); var v1 = Vector512.LoadUnsafe(ref xi, 8); var v2 = Vector512.LoadUnsafe(ref xi, 16); var v3 = Vector512.LoadUnsafe(ref xi, 24);
                var s0 = Vector512.Create(gi);
                a00 = Avx512F.FusedMultiplyAdd(s0, v0, a00); a01 = Avx512F.FusedMultiplyAdd(s0, v1, a01); a02 = Avx512F.FusedMultiplyAdd(s0, v2, a02); a03 = Avx512F.FusedMultiplyAdd(s0, v3, a03);
                var s1 = Vector512.Create(Unsafe.Add(ref gi, 1));
                a10 = Avx512F.FusedMultiplyAdd(s1, v0, a10); a11 = Avx512F.FusedMultiplyAdd(s1, v1, a11); a12 = Avx512F.FusedMultiplyAdd(s1, v2, a12); a13 = Avx512F.FusedMultiplyAdd(s1, v3, a13);
                var s2 = Vector512.Create(Unsafe.Add(ref gi, 2));
                a20 = Avx512F.FusedMultiplyAdd(s2, v0, a20); a21 = Avx512F.FusedMultiplyAdd(s2, v1, a21); a22 = Avx512F.FusedMultiplyAdd(s2, v2, a22); a23 = Avx512F.FusedMultiplyAdd(s2, v3, a23);
                var s3 = Vector512.Create(Unsafe.Add(ref gi, 3));
                a30 = Avx512F.FusedMultiplyAdd(s3, v0, a30); a31 = Avx512F.FusedMultiplyAdd(s3, v1, a31); a32 = Avx512F.FusedMultiplyAdd(s3, v2, a32); a33 = Avx512F.FusedMultiplyAdd(s3, v3, a33);
                var s4 = Vector512.Create(Unsafe.Add(ref gi, 4));
                a40 = Avx512F.FusedMultiplyAdd(s4, v0, a40); a41 = Avx512F.FusedMultiplyAdd(s4, v1, a41); a42 = Avx512F.FusedMultiplyAdd(s4, v2, a42); a43 = Avx512F.FusedMultiplyAdd(s4, v3, a43);
                xi = ref Unsafe.Add(ref xi, rowStride);
                gi = ref Unsafe.Add(ref gi, k);
            }
            a00.StoreUnsafe(ref c0, 0); a01.StoreUnsafe(ref c0, 8); a02.StoreUnsafe(ref c0, 16); a03.StoreUnsafe(ref c0, 24);
            a10.StoreUnsafe(ref c1, 0); a11.StoreUnsafe(ref c1, 8); a12.StoreUnsafe(ref c1, 16); a13.StoreUnsafe(ref c1, 24);
            a20.StoreUnsafe(ref c2, 0); a21.StoreUnsafe(ref c2, 8); a22.StoreUnsafe(ref c2, 16); a23.StoreUnsafe(ref c2, 24);
            a30.StoreUnsafe(ref c3, 0); a31.StoreUnsafe(ref c3, 8); a32.StoreUnsafe(ref c3, 16); a33.StoreUnsafe(ref c3, 24);
            a40.StoreUnsafe(ref c4, 0); a41.StoreUnsafe(ref c4, 8); a42.StoreUnsafe(ref c4, 16); a43.StoreUnsafe(ref c4, 24);
        }

        /// <summary>C[cls..cls+1, j..j+32] += Σᵢ G[i, cls..cls+1]ᵀ·X[i, j..j+32], the tile held in registers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile1x32(ReadOnlySpan<double> g, int k, int cls, Matrix<double> x, int j, Matrix<double> c)
        {
            ref double c0 = ref MemoryMarshal.GetReference(c.RowSpan(cls + 0)[j..]);
            var a00 = Vector512.LoadUnsafe(ref c0, 0); var a01 = Vector512.LoadUnsafe(ref c0, 8); var a02 = Vector512.LoadUnsafe(ref c0, 16); var a03 = Vector512.LoadUnsafe(ref c0, 24);
            ref double gi = ref Unsafe.Add(ref MemoryMarshal.GetReference(g), cls);
            ref double xi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x.Data), x.Offset + j);
            nint rowStride = x.RowStride;
            for (int i = 0, rows = x.Rows; i < rows; i++)
            {
                var v0 = Vector512.LoadUnsafe(ref xi, 0); var v1 = Vector512.LoadUnsafe(ref xi, 8); var v2 = Vector512.LoadUnsafe(ref xi, 16); var v3 = Vector512.LoadUnsafe(ref xi, 24);
                var s0 = Vector512.Create(gi);
                a00 = Avx512F.FusedMultiplyAdd(s0, v0, a00); a01 = Avx512F.FusedMultiplyAdd(s0, v1, a01); a02 = Avx512F.FusedMultiplyAdd(s0, v2, a02); a03 = Avx512F.FusedMultiplyAdd(s0, v3, a03);
                xi = ref Unsafe.Add(ref xi, rowStride);
                gi = ref Unsafe.Add(ref gi, k);
            }
            a00.StoreUnsafe(ref c0, 0); a01.StoreUnsafe(ref c0, 8); a02.StoreUnsafe(ref c0, 16); a03.StoreUnsafe(ref c0, 24);
        }

        /// <summary>C[cls..cls+5, j..j+width] += Σᵢ G[i, cls..cls+5]ᵀ·X[i, j..j+width] for width &lt; 32, with masked
        /// loads and stores: the columns the 32-wide tiles leave.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe void Tile5xPartial(ReadOnlySpan<double> g, int k, int cls, Matrix<double> x, int j, int width, Matrix<double> c)
        {
            var indices = Vector512<long>.Indices;
            var m0 = Vector512.LessThan(indices, Vector512.Create((long)(width - 0))).AsDouble();
            var m1 = Vector512.LessThan(indices, Vector512.Create((long)(width - 8))).AsDouble();
            var m2 = Vector512.LessThan(indices, Vector512.Create((long)(width - 16))).AsDouble();
            var m3 = Vector512.LessThan(indices, Vector512.Create((long)(width - 24))).AsDouble();
            fixed (double* cData = c.Data, xData = x.Data, gData = g)
            {
                double* c0 = cData + c.Offset + (cls + 0) * c.RowStride + j, c1 = cData + c.Offset + (cls + 1) * c.RowStride + j, c2 = cData + c.Offset + (cls + 2) * c.RowStride + j, c3 = cData + c.Offset + (cls + 3) * c.RowStride + j, c4 = cData + c.Offset + (cls + 4) * c.RowStride + j;
                var a00 = Avx512F.MaskLoad(c0 + 0, m0, Vector512<double>.Zero); var a01 = Avx512F.MaskLoad(c0 + 8, m1, Vector512<double>.Zero); var a02 = Avx512F.MaskLoad(c0 + 16, m2, Vector512<double>.Zero); var a03 = Avx512F.MaskLoad(c0 + 24, m3, Vector512<double>.Zero);
                var a10 = Avx512F.MaskLoad(c1 + 0, m0, Vector512<double>.Zero); var a11 = Avx512F.MaskLoad(c1 + 8, m1, Vector512<double>.Zero); var a12 = Avx512F.MaskLoad(c1 + 16, m2, Vector512<double>.Zero); var a13 = Avx512F.MaskLoad(c1 + 24, m3, Vector512<double>.Zero);
                var a20 = Avx512F.MaskLoad(c2 + 0, m0, Vector512<double>.Zero); var a21 = Avx512F.MaskLoad(c2 + 8, m1, Vector512<double>.Zero); var a22 = Avx512F.MaskLoad(c2 + 16, m2, Vector512<double>.Zero); var a23 = Avx512F.MaskLoad(c2 + 24, m3, Vector512<double>.Zero);
                var a30 = Avx512F.MaskLoad(c3 + 0, m0, Vector512<double>.Zero); var a31 = Avx512F.MaskLoad(c3 + 8, m1, Vector512<double>.Zero); var a32 = Avx512F.MaskLoad(c3 + 16, m2, Vector512<double>.Zero); var a33 = Avx512F.MaskLoad(c3 + 24, m3, Vector512<double>.Zero);
                var a40 = Avx512F.MaskLoad(c4 + 0, m0, Vector512<double>.Zero); var a41 = Avx512F.MaskLoad(c4 + 8, m1, Vector512<double>.Zero); var a42 = Avx512F.MaskLoad(c4 + 16, m2, Vector512<double>.Zero); var a43 = Avx512F.MaskLoad(c4 + 24, m3, Vector512<double>.Zero);
                double* gi = gData + cls, xi = xData + x.Offset + j;
                for (int i = 0, rows = x.Rows; i < rows; i++, gi += k, xi += x.RowStride)
                {
                    var v0 = Avx512F.MaskLoad(xi + 0, m0, Vector512<double>.Zero); var v1 = Avx512F.MaskLoad(xi + 8, m1, Vector512<double>.Zero); var v2 = Avx512F.MaskLoad(xi + 16, m2, Vector512<double>.Zero); var v3 = Avx512F.MaskLoad(xi + 24, m3, Vector512<double>.Zero);
                    var s0 = Vector512.Create(gi[0]);
                    a00 = Avx512F.FusedMultiplyAdd(s0, v0, a00); a01 = Avx512F.FusedMultiplyAdd(s0, v1, a01); a02 = Avx512F.FusedMultiplyAdd(s0, v2, a02); a03 = Avx512F.FusedMultiplyAdd(s0, v3, a03);
                    var s1 = Vector512.Create(gi[1]);
                    a10 = Avx512F.FusedMultiplyAdd(s1, v0, a10); a11 = Avx512F.FusedMultiplyAdd(s1, v1, a11); a12 = Avx512F.FusedMultiplyAdd(s1, v2, a12); a13 = Avx512F.FusedMultiplyAdd(s1, v3, a13);
                    var s2 = Vector512.Create(gi[2]);
                    a20 = Avx512F.FusedMultiplyAdd(s2, v0, a20); a21 = Avx512F.FusedMultiplyAdd(s2, v1, a21); a22 = Avx512F.FusedMultiplyAdd(s2, v2, a22); a23 = Avx512F.FusedMultiplyAdd(s2, v3, a23);
                    var s3 = Vector512.Create(gi[3]);
                    a30 = Avx512F.FusedMultiplyAdd(s3, v0, a30); a31 = Avx512F.FusedMultiplyAdd(s3, v1, a31); a32 = Avx512F.FusedMultiplyAdd(s3, v2, a32); a33 = Avx512F.FusedMultiplyAdd(s3, v3, a33);
                    var s4 = Vector512.Create(gi[4]);
                    a40 = Avx512F.FusedMultiplyAdd(s4, v0, a40); a41 = Avx512F.FusedMultiplyAdd(s4, v1, a41); a42 = Avx512F.FusedMultiplyAdd(s4, v2, a42); a43 = Avx512F.FusedMultiplyAdd(s4, v3, a43);
                }
                Avx512F.MaskStore(c0 + 0, m0, a00); Avx512F.MaskStore(c0 + 8, m1, a01); Avx512F.MaskStore(c0 + 16, m2, a02); Avx512F.MaskStore(c0 + 24, m3, a03);
                Avx512F.MaskStore(c1 + 0, m0, a10); Avx512F.MaskStore(c1 + 8, m1, a11); Avx512F.MaskStore(c1 + 16, m2, a12); Avx512F.MaskStore(c1 + 24, m3, a13);
                Avx512F.MaskStore(c2 + 0, m0, a20); Avx512F.MaskStore(c2 + 8, m1, a21); Avx512F.MaskStore(c2 + 16, m2, a22); Avx512F.MaskStore(c2 + 24, m3, a23);
                Avx512F.MaskStore(c3 + 0, m0, a30); Avx512F.MaskStore(c3 + 8, m1, a31); Avx512F.MaskStore(c3 + 16, m2, a32); Avx512F.MaskStore(c3 + 24, m3, a33);
                Avx512F.MaskStore(c4 + 0, m0, a40); Avx512F.MaskStore(c4 + 8, m1, a41); Avx512F.MaskStore(c4 + 16, m2, a42); Avx512F.MaskStore(c4 + 24, m3, a43);
            }
        }

        /// <summary>C[cls..cls+1, j..j+width] += Σᵢ G[i, cls..cls+1]ᵀ·X[i, j..j+width] for width &lt; 32, with masked
        /// loads and stores: the columns the 32-wide tiles leave.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe void Tile1xPartial(ReadOnlySpan<double> g, int k, int cls, Matrix<double> x, int j, int width, Matrix<double> c)
        {
            var indices = Vector512<long>.Indices;
            var m0 = Vector512.LessThan(indices, Vector512.Create((long)(width - 0))).AsDouble();
            var m1 = Vector512.LessThan(indices, Vector512.Create((long)(width - 8))).AsDouble();
            var m2 = Vector512.LessThan(indices, Vector512.Create((long)(width - 16))).AsDouble();
            var m3 = Vector512.LessThan(indices, Vector512.Create((long)(width - 24))).AsDouble();
            fixed (double* cData = c.Data, xData = x.Data, gData = g)
            {
                double* c0 = cData + c.Offset + (cls + 0) * c.RowStride + j;
                var a00 = Avx512F.MaskLoad(c0 + 0, m0, Vector512<double>.Zero); var a01 = Avx512F.MaskLoad(c0 + 8, m1, Vector512<double>.Zero); var a02 = Avx512F.MaskLoad(c0 + 16, m2, Vector512<double>.Zero); var a03 = Avx512F.MaskLoad(c0 + 24, m3, Vector512<double>.Zero);
                double* gi = gData + cls, xi = xData + x.Offset + j;
                for (int i = 0, rows = x.Rows; i < rows; i++, gi += k, xi += x.RowStride)
                {
                    var v0 = Avx512F.MaskLoad(xi + 0, m0, Vector512<double>.Zero); var v1 = Avx512F.MaskLoad(xi + 8, m1, Vector512<double>.Zero); var v2 = Avx512F.MaskLoad(xi + 16, m2, Vector512<double>.Zero); var v3 = Avx512F.MaskLoad(xi + 24, m3, Vector512<double>.Zero);
                    var s0 = Vector512.Create(gi[0]);
                    a00 = Avx512F.FusedMultiplyAdd(s0, v0, a00); a01 = Avx512F.FusedMultiplyAdd(s0, v1, a01); a02 = Avx512F.FusedMultiplyAdd(s0, v2, a02); a03 = Avx512F.FusedMultiplyAdd(s0, v3, a03);
                }
                Avx512F.MaskStore(c0 + 0, m0, a00); Avx512F.MaskStore(c0 + 8, m1, a01); Avx512F.MaskStore(c0 + 16, m2, a02); Avx512F.MaskStore(c0 + 24, m3, a03);
            }
        }
    }
}
