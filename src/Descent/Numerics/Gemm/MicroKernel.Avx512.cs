using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Numerics.Gemm;

/// <summary>
/// AVX-512 double micro-kernel: an 8×24 tile of C (3 vectors of 8 per row, 24 accumulators), k unrolled ×4.
/// C[r, j] = alpha·Σₚ a[p·8 + r]·b[p·24 + j] + beta·C[r, j] (C not read when beta = 0).
/// Blocking (L1d 48 KiB, L2 1 MiB per core): KC = 256, so one A micro-panel (8×256 doubles, 16 KiB) stays in L1 while
/// the B micro-panels stream past it; NC = 264, so the packed B block (256×264 doubles, 528 KiB) stays in about half of
/// L2 while the A panels go by; MC = 1024 rows of A packed at once. Smaller blocks than the cache sizes allow, so that
/// they stay put when another program shares the core (KC = 512 with NC = 192 filled L1 and most of L2).
/// </summary>
internal readonly unsafe struct Avx512DoubleKernel : IMicroKernel<double>
{
    public static int Rows => 8;
    public static int Columns => 24;
    public static int DepthBlock => 256;
    public static int ColumnBlock => 264;
    public static int RowBlock => 1024;
    public static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, double* a, double* b, double* c, nint rowStride, double alpha, double beta)
    {
        for (int r = 0; r < 8; r++)
        {
            Sse.Prefetch0(c + r * rowStride + 0);
            Sse.Prefetch0(c + r * rowStride + 8);
            Sse.Prefetch0(c + r * rowStride + 16);
        }
        Vector512<double> c00 = Vector512<double>.Zero, c01 = Vector512<double>.Zero, c02 = Vector512<double>.Zero;
        Vector512<double> c10 = Vector512<double>.Zero, c11 = Vector512<double>.Zero, c12 = Vector512<double>.Zero;
        Vector512<double> c20 = Vector512<double>.Zero, c21 = Vector512<double>.Zero, c22 = Vector512<double>.Zero;
        Vector512<double> c30 = Vector512<double>.Zero, c31 = Vector512<double>.Zero, c32 = Vector512<double>.Zero;
        Vector512<double> c40 = Vector512<double>.Zero, c41 = Vector512<double>.Zero, c42 = Vector512<double>.Zero;
        Vector512<double> c50 = Vector512<double>.Zero, c51 = Vector512<double>.Zero, c52 = Vector512<double>.Zero;
        Vector512<double> c60 = Vector512<double>.Zero, c61 = Vector512<double>.Zero, c62 = Vector512<double>.Zero;
        Vector512<double> c70 = Vector512<double>.Zero, c71 = Vector512<double>.Zero, c72 = Vector512<double>.Zero;
        Vector512<double> b0, b1, b2, a0;
        int p = 0;
        for (; p <= depth - 4; p += 4, a += 32, b += 96)
        {
            b0 = Vector512.Load(b + 0); b1 = Vector512.Load(b + 8); b2 = Vector512.Load(b + 16);
            a0 = Vector512.Create(a[0]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01); c02 = Avx512F.FusedMultiplyAdd(a0, b2, c02);
            a0 = Vector512.Create(a[1]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11); c12 = Avx512F.FusedMultiplyAdd(a0, b2, c12);
            a0 = Vector512.Create(a[2]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21); c22 = Avx512F.FusedMultiplyAdd(a0, b2, c22);
            a0 = Vector512.Create(a[3]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31); c32 = Avx512F.FusedMultiplyAdd(a0, b2, c32);
            a0 = Vector512.Create(a[4]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41); c42 = Avx512F.FusedMultiplyAdd(a0, b2, c42);
            a0 = Vector512.Create(a[5]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51); c52 = Avx512F.FusedMultiplyAdd(a0, b2, c52);
            a0 = Vector512.Create(a[6]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61); c62 = Avx512F.FusedMultiplyAdd(a0, b2, c62);
            a0 = Vector512.Create(a[7]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71); c72 = Avx512F.FusedMultiplyAdd(a0, b2, c72);
            b0 = Vector512.Load(b + 24); b1 = Vector512.Load(b + 32); b2 = Vector512.Load(b + 40);
            a0 = Vector512.Create(a[8]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01); c02 = Avx512F.FusedMultiplyAdd(a0, b2, c02);
            a0 = Vector512.Create(a[9]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11); c12 = Avx512F.FusedMultiplyAdd(a0, b2, c12);
            a0 = Vector512.Create(a[10]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21); c22 = Avx512F.FusedMultiplyAdd(a0, b2, c22);
            a0 = Vector512.Create(a[11]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31); c32 = Avx512F.FusedMultiplyAdd(a0, b2, c32);
            a0 = Vector512.Create(a[12]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41); c42 = Avx512F.FusedMultiplyAdd(a0, b2, c42);
            a0 = Vector512.Create(a[13]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51); c52 = Avx512F.FusedMultiplyAdd(a0, b2, c52);
            a0 = Vector512.Create(a[14]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61); c62 = Avx512F.FusedMultiplyAdd(a0, b2, c62);
            a0 = Vector512.Create(a[15]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71); c72 = Avx512F.FusedMultiplyAdd(a0, b2, c72);
            b0 = Vector512.Load(b + 48); b1 = Vector512.Load(b + 56); b2 = Vector512.Load(b + 64);
            a0 = Vector512.Create(a[16]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01); c02 = Avx512F.FusedMultiplyAdd(a0, b2, c02);
            a0 = Vector512.Create(a[17]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11); c12 = Avx512F.FusedMultiplyAdd(a0, b2, c12);
            a0 = Vector512.Create(a[18]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21); c22 = Avx512F.FusedMultiplyAdd(a0, b2, c22);
            a0 = Vector512.Create(a[19]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31); c32 = Avx512F.FusedMultiplyAdd(a0, b2, c32);
            a0 = Vector512.Create(a[20]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41); c42 = Avx512F.FusedMultiplyAdd(a0, b2, c42);
            a0 = Vector512.Create(a[21]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51); c52 = Avx512F.FusedMultiplyAdd(a0, b2, c52);
            a0 = Vector512.Create(a[22]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61); c62 = Avx512F.FusedMultiplyAdd(a0, b2, c62);
            a0 = Vector512.Create(a[23]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71); c72 = Avx512F.FusedMultiplyAdd(a0, b2, c72);
            b0 = Vector512.Load(b + 72); b1 = Vector512.Load(b + 80); b2 = Vector512.Load(b + 88);
            a0 = Vector512.Create(a[24]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01); c02 = Avx512F.FusedMultiplyAdd(a0, b2, c02);
            a0 = Vector512.Create(a[25]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11); c12 = Avx512F.FusedMultiplyAdd(a0, b2, c12);
            a0 = Vector512.Create(a[26]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21); c22 = Avx512F.FusedMultiplyAdd(a0, b2, c22);
            a0 = Vector512.Create(a[27]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31); c32 = Avx512F.FusedMultiplyAdd(a0, b2, c32);
            a0 = Vector512.Create(a[28]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41); c42 = Avx512F.FusedMultiplyAdd(a0, b2, c42);
            a0 = Vector512.Create(a[29]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51); c52 = Avx512F.FusedMultiplyAdd(a0, b2, c52);
            a0 = Vector512.Create(a[30]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61); c62 = Avx512F.FusedMultiplyAdd(a0, b2, c62);
            a0 = Vector512.Create(a[31]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71); c72 = Avx512F.FusedMultiplyAdd(a0, b2, c72);
        }
        for (; p < depth; p++, a += 8, b += 24)
        {
            b0 = Vector512.Load(b + 0); b1 = Vector512.Load(b + 8); b2 = Vector512.Load(b + 16);
            a0 = Vector512.Create(a[0]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01); c02 = Avx512F.FusedMultiplyAdd(a0, b2, c02);
            a0 = Vector512.Create(a[1]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11); c12 = Avx512F.FusedMultiplyAdd(a0, b2, c12);
            a0 = Vector512.Create(a[2]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21); c22 = Avx512F.FusedMultiplyAdd(a0, b2, c22);
            a0 = Vector512.Create(a[3]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31); c32 = Avx512F.FusedMultiplyAdd(a0, b2, c32);
            a0 = Vector512.Create(a[4]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41); c42 = Avx512F.FusedMultiplyAdd(a0, b2, c42);
            a0 = Vector512.Create(a[5]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51); c52 = Avx512F.FusedMultiplyAdd(a0, b2, c52);
            a0 = Vector512.Create(a[6]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61); c62 = Avx512F.FusedMultiplyAdd(a0, b2, c62);
            a0 = Vector512.Create(a[7]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71); c72 = Avx512F.FusedMultiplyAdd(a0, b2, c72);
        }

        if (alpha == 1 && beta == 1) // adding a later k-block: the same bits as the general form, without its multiplications
        {
            (Vector512.Load(c + 0 * rowStride + 0) + c00).Store(c + 0 * rowStride + 0); (Vector512.Load(c + 0 * rowStride + 8) + c01).Store(c + 0 * rowStride + 8); (Vector512.Load(c + 0 * rowStride + 16) + c02).Store(c + 0 * rowStride + 16);
            (Vector512.Load(c + 1 * rowStride + 0) + c10).Store(c + 1 * rowStride + 0); (Vector512.Load(c + 1 * rowStride + 8) + c11).Store(c + 1 * rowStride + 8); (Vector512.Load(c + 1 * rowStride + 16) + c12).Store(c + 1 * rowStride + 16);
            (Vector512.Load(c + 2 * rowStride + 0) + c20).Store(c + 2 * rowStride + 0); (Vector512.Load(c + 2 * rowStride + 8) + c21).Store(c + 2 * rowStride + 8); (Vector512.Load(c + 2 * rowStride + 16) + c22).Store(c + 2 * rowStride + 16);
            (Vector512.Load(c + 3 * rowStride + 0) + c30).Store(c + 3 * rowStride + 0); (Vector512.Load(c + 3 * rowStride + 8) + c31).Store(c + 3 * rowStride + 8); (Vector512.Load(c + 3 * rowStride + 16) + c32).Store(c + 3 * rowStride + 16);
            (Vector512.Load(c + 4 * rowStride + 0) + c40).Store(c + 4 * rowStride + 0); (Vector512.Load(c + 4 * rowStride + 8) + c41).Store(c + 4 * rowStride + 8); (Vector512.Load(c + 4 * rowStride + 16) + c42).Store(c + 4 * rowStride + 16);
            (Vector512.Load(c + 5 * rowStride + 0) + c50).Store(c + 5 * rowStride + 0); (Vector512.Load(c + 5 * rowStride + 8) + c51).Store(c + 5 * rowStride + 8); (Vector512.Load(c + 5 * rowStride + 16) + c52).Store(c + 5 * rowStride + 16);
            (Vector512.Load(c + 6 * rowStride + 0) + c60).Store(c + 6 * rowStride + 0); (Vector512.Load(c + 6 * rowStride + 8) + c61).Store(c + 6 * rowStride + 8); (Vector512.Load(c + 6 * rowStride + 16) + c62).Store(c + 6 * rowStride + 16);
            (Vector512.Load(c + 7 * rowStride + 0) + c70).Store(c + 7 * rowStride + 0); (Vector512.Load(c + 7 * rowStride + 8) + c71).Store(c + 7 * rowStride + 8); (Vector512.Load(c + 7 * rowStride + 16) + c72).Store(c + 7 * rowStride + 16);
            return;
        }
        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            (va * c00).Store(c + 0 * rowStride + 0); (va * c01).Store(c + 0 * rowStride + 8); (va * c02).Store(c + 0 * rowStride + 16);
            (va * c10).Store(c + 1 * rowStride + 0); (va * c11).Store(c + 1 * rowStride + 8); (va * c12).Store(c + 1 * rowStride + 16);
            (va * c20).Store(c + 2 * rowStride + 0); (va * c21).Store(c + 2 * rowStride + 8); (va * c22).Store(c + 2 * rowStride + 16);
            (va * c30).Store(c + 3 * rowStride + 0); (va * c31).Store(c + 3 * rowStride + 8); (va * c32).Store(c + 3 * rowStride + 16);
            (va * c40).Store(c + 4 * rowStride + 0); (va * c41).Store(c + 4 * rowStride + 8); (va * c42).Store(c + 4 * rowStride + 16);
            (va * c50).Store(c + 5 * rowStride + 0); (va * c51).Store(c + 5 * rowStride + 8); (va * c52).Store(c + 5 * rowStride + 16);
            (va * c60).Store(c + 6 * rowStride + 0); (va * c61).Store(c + 6 * rowStride + 8); (va * c62).Store(c + 6 * rowStride + 16);
            (va * c70).Store(c + 7 * rowStride + 0); (va * c71).Store(c + 7 * rowStride + 8); (va * c72).Store(c + 7 * rowStride + 16);
            return;
        }
        var vb = Vector512.Create(beta);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * rowStride + 0), va * c00).Store(c + 0 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * rowStride + 8), va * c01).Store(c + 0 * rowStride + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * rowStride + 16), va * c02).Store(c + 0 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * rowStride + 0), va * c10).Store(c + 1 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * rowStride + 8), va * c11).Store(c + 1 * rowStride + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * rowStride + 16), va * c12).Store(c + 1 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * rowStride + 0), va * c20).Store(c + 2 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * rowStride + 8), va * c21).Store(c + 2 * rowStride + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * rowStride + 16), va * c22).Store(c + 2 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * rowStride + 0), va * c30).Store(c + 3 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * rowStride + 8), va * c31).Store(c + 3 * rowStride + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * rowStride + 16), va * c32).Store(c + 3 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * rowStride + 0), va * c40).Store(c + 4 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * rowStride + 8), va * c41).Store(c + 4 * rowStride + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * rowStride + 16), va * c42).Store(c + 4 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * rowStride + 0), va * c50).Store(c + 5 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * rowStride + 8), va * c51).Store(c + 5 * rowStride + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * rowStride + 16), va * c52).Store(c + 5 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * rowStride + 0), va * c60).Store(c + 6 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * rowStride + 8), va * c61).Store(c + 6 * rowStride + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * rowStride + 16), va * c62).Store(c + 6 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * rowStride + 0), va * c70).Store(c + 7 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * rowStride + 8), va * c71).Store(c + 7 * rowStride + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * rowStride + 16), va * c72).Store(c + 7 * rowStride + 16);
    }
}

/// <summary>
/// AVX-512 float micro-kernel: a 12×32 tile of C (2 vectors of 16 per row, 24 accumulators), k unrolled ×4.
/// C[r, j] = alpha·Σₚ a[p·12 + r]·b[p·32 + j] + beta·C[r, j] (C not read when beta = 0).
/// Blocking (L1d 48 KiB, L2 1 MiB per core): KC = 256, so one A micro-panel (12×256 floats, 12 KiB) and the B
/// micro-panel it meets (256×32 floats, 32 KiB) fit in L1 together; NC = 256, so the packed B block (256×256 floats,
/// 256 KiB) stays in L2 while the A panels go by; MC = 1024 rows of A packed at once. (With KC = 768 the pair of
/// micro-panels overflowed L1 and a k-block of 684 rows filled 700 KiB of L2.)
/// </summary>
internal readonly unsafe struct Avx512SingleKernel : IMicroKernel<float>
{
    public static int Rows => 12;
    public static int Columns => 32;
    public static int DepthBlock => 256;
    public static int ColumnBlock => 256;
    public static int RowBlock => 1024;
    public static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, float* a, float* b, float* c, nint rowStride, float alpha, float beta)
    {
        for (int r = 0; r < 12; r++)
        {
            Sse.Prefetch0(c + r * rowStride + 0);
            Sse.Prefetch0(c + r * rowStride + 16);
        }
        Vector512<float> c00 = Vector512<float>.Zero, c01 = Vector512<float>.Zero;
        Vector512<float> c10 = Vector512<float>.Zero, c11 = Vector512<float>.Zero;
        Vector512<float> c20 = Vector512<float>.Zero, c21 = Vector512<float>.Zero;
        Vector512<float> c30 = Vector512<float>.Zero, c31 = Vector512<float>.Zero;
        Vector512<float> c40 = Vector512<float>.Zero, c41 = Vector512<float>.Zero;
        Vector512<float> c50 = Vector512<float>.Zero, c51 = Vector512<float>.Zero;
        Vector512<float> c60 = Vector512<float>.Zero, c61 = Vector512<float>.Zero;
        Vector512<float> c70 = Vector512<float>.Zero, c71 = Vector512<float>.Zero;
        Vector512<float> c80 = Vector512<float>.Zero, c81 = Vector512<float>.Zero;
        Vector512<float> c90 = Vector512<float>.Zero, c91 = Vector512<float>.Zero;
        Vector512<float> ca0 = Vector512<float>.Zero, ca1 = Vector512<float>.Zero;
        Vector512<float> cb0 = Vector512<float>.Zero, cb1 = Vector512<float>.Zero;
        Vector512<float> b0, b1, a0;
        int p = 0;
        for (; p <= depth - 4; p += 4, a += 48, b += 128)
        {
            b0 = Vector512.Load(b + 0); b1 = Vector512.Load(b + 16);
            a0 = Vector512.Create(a[0]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            a0 = Vector512.Create(a[1]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11);
            a0 = Vector512.Create(a[2]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21);
            a0 = Vector512.Create(a[3]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31);
            a0 = Vector512.Create(a[4]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41);
            a0 = Vector512.Create(a[5]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51);
            a0 = Vector512.Create(a[6]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61);
            a0 = Vector512.Create(a[7]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71);
            a0 = Vector512.Create(a[8]); c80 = Avx512F.FusedMultiplyAdd(a0, b0, c80); c81 = Avx512F.FusedMultiplyAdd(a0, b1, c81);
            a0 = Vector512.Create(a[9]); c90 = Avx512F.FusedMultiplyAdd(a0, b0, c90); c91 = Avx512F.FusedMultiplyAdd(a0, b1, c91);
            a0 = Vector512.Create(a[10]); ca0 = Avx512F.FusedMultiplyAdd(a0, b0, ca0); ca1 = Avx512F.FusedMultiplyAdd(a0, b1, ca1);
            a0 = Vector512.Create(a[11]); cb0 = Avx512F.FusedMultiplyAdd(a0, b0, cb0); cb1 = Avx512F.FusedMultiplyAdd(a0, b1, cb1);
            b0 = Vector512.Load(b + 32); b1 = Vector512.Load(b + 48);
            a0 = Vector512.Create(a[12]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            a0 = Vector512.Create(a[13]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11);
            a0 = Vector512.Create(a[14]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21);
            a0 = Vector512.Create(a[15]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31);
            a0 = Vector512.Create(a[16]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41);
            a0 = Vector512.Create(a[17]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51);
            a0 = Vector512.Create(a[18]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61);
            a0 = Vector512.Create(a[19]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71);
            a0 = Vector512.Create(a[20]); c80 = Avx512F.FusedMultiplyAdd(a0, b0, c80); c81 = Avx512F.FusedMultiplyAdd(a0, b1, c81);
            a0 = Vector512.Create(a[21]); c90 = Avx512F.FusedMultiplyAdd(a0, b0, c90); c91 = Avx512F.FusedMultiplyAdd(a0, b1, c91);
            a0 = Vector512.Create(a[22]); ca0 = Avx512F.FusedMultiplyAdd(a0, b0, ca0); ca1 = Avx512F.FusedMultiplyAdd(a0, b1, ca1);
            a0 = Vector512.Create(a[23]); cb0 = Avx512F.FusedMultiplyAdd(a0, b0, cb0); cb1 = Avx512F.FusedMultiplyAdd(a0, b1, cb1);
            b0 = Vector512.Load(b + 64); b1 = Vector512.Load(b + 80);
            a0 = Vector512.Create(a[24]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            a0 = Vector512.Create(a[25]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11);
            a0 = Vector512.Create(a[26]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21);
            a0 = Vector512.Create(a[27]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31);
            a0 = Vector512.Create(a[28]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41);
            a0 = Vector512.Create(a[29]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51);
            a0 = Vector512.Create(a[30]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61);
            a0 = Vector512.Create(a[31]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71);
            a0 = Vector512.Create(a[32]); c80 = Avx512F.FusedMultiplyAdd(a0, b0, c80); c81 = Avx512F.FusedMultiplyAdd(a0, b1, c81);
            a0 = Vector512.Create(a[33]); c90 = Avx512F.FusedMultiplyAdd(a0, b0, c90); c91 = Avx512F.FusedMultiplyAdd(a0, b1, c91);
            a0 = Vector512.Create(a[34]); ca0 = Avx512F.FusedMultiplyAdd(a0, b0, ca0); ca1 = Avx512F.FusedMultiplyAdd(a0, b1, ca1);
            a0 = Vector512.Create(a[35]); cb0 = Avx512F.FusedMultiplyAdd(a0, b0, cb0); cb1 = Avx512F.FusedMultiplyAdd(a0, b1, cb1);
            b0 = Vector512.Load(b + 96); b1 = Vector512.Load(b + 112);
            a0 = Vector512.Create(a[36]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            a0 = Vector512.Create(a[37]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11);
            a0 = Vector512.Create(a[38]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21);
            a0 = Vector512.Create(a[39]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31);
            a0 = Vector512.Create(a[40]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41);
            a0 = Vector512.Create(a[41]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51);
            a0 = Vector512.Create(a[42]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61);
            a0 = Vector512.Create(a[43]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71);
            a0 = Vector512.Create(a[44]); c80 = Avx512F.FusedMultiplyAdd(a0, b0, c80); c81 = Avx512F.FusedMultiplyAdd(a0, b1, c81);
            a0 = Vector512.Create(a[45]); c90 = Avx512F.FusedMultiplyAdd(a0, b0, c90); c91 = Avx512F.FusedMultiplyAdd(a0, b1, c91);
            a0 = Vector512.Create(a[46]); ca0 = Avx512F.FusedMultiplyAdd(a0, b0, ca0); ca1 = Avx512F.FusedMultiplyAdd(a0, b1, ca1);
            a0 = Vector512.Create(a[47]); cb0 = Avx512F.FusedMultiplyAdd(a0, b0, cb0); cb1 = Avx512F.FusedMultiplyAdd(a0, b1, cb1);
        }
        for (; p < depth; p++, a += 12, b += 32)
        {
            b0 = Vector512.Load(b + 0); b1 = Vector512.Load(b + 16);
            a0 = Vector512.Create(a[0]); c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            a0 = Vector512.Create(a[1]); c10 = Avx512F.FusedMultiplyAdd(a0, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a0, b1, c11);
            a0 = Vector512.Create(a[2]); c20 = Avx512F.FusedMultiplyAdd(a0, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a0, b1, c21);
            a0 = Vector512.Create(a[3]); c30 = Avx512F.FusedMultiplyAdd(a0, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a0, b1, c31);
            a0 = Vector512.Create(a[4]); c40 = Avx512F.FusedMultiplyAdd(a0, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a0, b1, c41);
            a0 = Vector512.Create(a[5]); c50 = Avx512F.FusedMultiplyAdd(a0, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a0, b1, c51);
            a0 = Vector512.Create(a[6]); c60 = Avx512F.FusedMultiplyAdd(a0, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a0, b1, c61);
            a0 = Vector512.Create(a[7]); c70 = Avx512F.FusedMultiplyAdd(a0, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a0, b1, c71);
            a0 = Vector512.Create(a[8]); c80 = Avx512F.FusedMultiplyAdd(a0, b0, c80); c81 = Avx512F.FusedMultiplyAdd(a0, b1, c81);
            a0 = Vector512.Create(a[9]); c90 = Avx512F.FusedMultiplyAdd(a0, b0, c90); c91 = Avx512F.FusedMultiplyAdd(a0, b1, c91);
            a0 = Vector512.Create(a[10]); ca0 = Avx512F.FusedMultiplyAdd(a0, b0, ca0); ca1 = Avx512F.FusedMultiplyAdd(a0, b1, ca1);
            a0 = Vector512.Create(a[11]); cb0 = Avx512F.FusedMultiplyAdd(a0, b0, cb0); cb1 = Avx512F.FusedMultiplyAdd(a0, b1, cb1);
        }

        if (alpha == 1 && beta == 1) // adding a later k-block: the same bits as the general form, without its multiplications
        {
            (Vector512.Load(c + 0 * rowStride + 0) + c00).Store(c + 0 * rowStride + 0); (Vector512.Load(c + 0 * rowStride + 16) + c01).Store(c + 0 * rowStride + 16);
            (Vector512.Load(c + 1 * rowStride + 0) + c10).Store(c + 1 * rowStride + 0); (Vector512.Load(c + 1 * rowStride + 16) + c11).Store(c + 1 * rowStride + 16);
            (Vector512.Load(c + 2 * rowStride + 0) + c20).Store(c + 2 * rowStride + 0); (Vector512.Load(c + 2 * rowStride + 16) + c21).Store(c + 2 * rowStride + 16);
            (Vector512.Load(c + 3 * rowStride + 0) + c30).Store(c + 3 * rowStride + 0); (Vector512.Load(c + 3 * rowStride + 16) + c31).Store(c + 3 * rowStride + 16);
            (Vector512.Load(c + 4 * rowStride + 0) + c40).Store(c + 4 * rowStride + 0); (Vector512.Load(c + 4 * rowStride + 16) + c41).Store(c + 4 * rowStride + 16);
            (Vector512.Load(c + 5 * rowStride + 0) + c50).Store(c + 5 * rowStride + 0); (Vector512.Load(c + 5 * rowStride + 16) + c51).Store(c + 5 * rowStride + 16);
            (Vector512.Load(c + 6 * rowStride + 0) + c60).Store(c + 6 * rowStride + 0); (Vector512.Load(c + 6 * rowStride + 16) + c61).Store(c + 6 * rowStride + 16);
            (Vector512.Load(c + 7 * rowStride + 0) + c70).Store(c + 7 * rowStride + 0); (Vector512.Load(c + 7 * rowStride + 16) + c71).Store(c + 7 * rowStride + 16);
            (Vector512.Load(c + 8 * rowStride + 0) + c80).Store(c + 8 * rowStride + 0); (Vector512.Load(c + 8 * rowStride + 16) + c81).Store(c + 8 * rowStride + 16);
            (Vector512.Load(c + 9 * rowStride + 0) + c90).Store(c + 9 * rowStride + 0); (Vector512.Load(c + 9 * rowStride + 16) + c91).Store(c + 9 * rowStride + 16);
            (Vector512.Load(c + 10 * rowStride + 0) + ca0).Store(c + 10 * rowStride + 0); (Vector512.Load(c + 10 * rowStride + 16) + ca1).Store(c + 10 * rowStride + 16);
            (Vector512.Load(c + 11 * rowStride + 0) + cb0).Store(c + 11 * rowStride + 0); (Vector512.Load(c + 11 * rowStride + 16) + cb1).Store(c + 11 * rowStride + 16);
            return;
        }
        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            (va * c00).Store(c + 0 * rowStride + 0); (va * c01).Store(c + 0 * rowStride + 16);
            (va * c10).Store(c + 1 * rowStride + 0); (va * c11).Store(c + 1 * rowStride + 16);
            (va * c20).Store(c + 2 * rowStride + 0); (va * c21).Store(c + 2 * rowStride + 16);
            (va * c30).Store(c + 3 * rowStride + 0); (va * c31).Store(c + 3 * rowStride + 16);
            (va * c40).Store(c + 4 * rowStride + 0); (va * c41).Store(c + 4 * rowStride + 16);
            (va * c50).Store(c + 5 * rowStride + 0); (va * c51).Store(c + 5 * rowStride + 16);
            (va * c60).Store(c + 6 * rowStride + 0); (va * c61).Store(c + 6 * rowStride + 16);
            (va * c70).Store(c + 7 * rowStride + 0); (va * c71).Store(c + 7 * rowStride + 16);
            (va * c80).Store(c + 8 * rowStride + 0); (va * c81).Store(c + 8 * rowStride + 16);
            (va * c90).Store(c + 9 * rowStride + 0); (va * c91).Store(c + 9 * rowStride + 16);
            (va * ca0).Store(c + 10 * rowStride + 0); (va * ca1).Store(c + 10 * rowStride + 16);
            (va * cb0).Store(c + 11 * rowStride + 0); (va * cb1).Store(c + 11 * rowStride + 16);
            return;
        }
        var vb = Vector512.Create(beta);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * rowStride + 0), va * c00).Store(c + 0 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * rowStride + 16), va * c01).Store(c + 0 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * rowStride + 0), va * c10).Store(c + 1 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * rowStride + 16), va * c11).Store(c + 1 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * rowStride + 0), va * c20).Store(c + 2 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * rowStride + 16), va * c21).Store(c + 2 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * rowStride + 0), va * c30).Store(c + 3 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * rowStride + 16), va * c31).Store(c + 3 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * rowStride + 0), va * c40).Store(c + 4 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * rowStride + 16), va * c41).Store(c + 4 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * rowStride + 0), va * c50).Store(c + 5 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * rowStride + 16), va * c51).Store(c + 5 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * rowStride + 0), va * c60).Store(c + 6 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * rowStride + 16), va * c61).Store(c + 6 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * rowStride + 0), va * c70).Store(c + 7 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * rowStride + 16), va * c71).Store(c + 7 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 8 * rowStride + 0), va * c80).Store(c + 8 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 8 * rowStride + 16), va * c81).Store(c + 8 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 9 * rowStride + 0), va * c90).Store(c + 9 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 9 * rowStride + 16), va * c91).Store(c + 9 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 10 * rowStride + 0), va * ca0).Store(c + 10 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 10 * rowStride + 16), va * ca1).Store(c + 10 * rowStride + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 11 * rowStride + 0), va * cb0).Store(c + 11 * rowStride + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 11 * rowStride + 16), va * cb1).Store(c + 11 * rowStride + 16);
    }
}
