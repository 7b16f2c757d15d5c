using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Numerics.Gemm;

/// <summary>
/// AVX2+FMA double micro-kernel: a 6×8 tile of C (2 vectors of 4 per row, 12 accumulators), k unrolled ×4.
/// C[r, j] = alpha·Σₚ a[p·6 + r]·b[p·8 + j] + beta·C[r, j] (C not read when beta = 0).
/// </summary>
internal readonly unsafe struct Avx2DoubleKernel : IMicroKernel<double>
{
    public static int Rows => 6;
    public static int Columns => 8;
    public static int DepthBlock => 256;
    public static int ColumnBlock => 192;
    public static int RowBlock => 384;
    public static bool IsSupported => Fma.IsSupported && Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, double* a, double* b, double* c, nint rowStride, double alpha, double beta)
    {
        for (int r = 0; r < 6; r++)
        {
            Sse.Prefetch0(c + r * rowStride + 0);
        }
        Vector256<double> c00 = Vector256<double>.Zero, c01 = Vector256<double>.Zero;
        Vector256<double> c10 = Vector256<double>.Zero, c11 = Vector256<double>.Zero;
        Vector256<double> c20 = Vector256<double>.Zero, c21 = Vector256<double>.Zero;
        Vector256<double> c30 = Vector256<double>.Zero, c31 = Vector256<double>.Zero;
        Vector256<double> c40 = Vector256<double>.Zero, c41 = Vector256<double>.Zero;
        Vector256<double> c50 = Vector256<double>.Zero, c51 = Vector256<double>.Zero;
        Vector256<double> b0, b1, a0;
        int p = 0;
        for (; p <= depth - 4; p += 4, a += 24, b += 32)
        {
            b0 = Vector256.Load(b + 0); b1 = Vector256.Load(b + 4);
            a0 = Vector256.Create(a[0]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[1]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[2]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[3]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[4]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[5]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
            b0 = Vector256.Load(b + 8); b1 = Vector256.Load(b + 12);
            a0 = Vector256.Create(a[6]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[7]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[8]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[9]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[10]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[11]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
            b0 = Vector256.Load(b + 16); b1 = Vector256.Load(b + 20);
            a0 = Vector256.Create(a[12]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[13]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[14]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[15]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[16]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[17]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
            b0 = Vector256.Load(b + 24); b1 = Vector256.Load(b + 28);
            a0 = Vector256.Create(a[18]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[19]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[20]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[21]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[22]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[23]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
        }
        for (; p < depth; p++, a += 6, b += 8)
        {
            b0 = Vector256.Load(b + 0); b1 = Vector256.Load(b + 4);
            a0 = Vector256.Create(a[0]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[1]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[2]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[3]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[4]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[5]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
        }

        var va = Vector256.Create(alpha);
        if (beta == 0)
        {
            (va * c00).Store(c + 0 * rowStride + 0); (va * c01).Store(c + 0 * rowStride + 4);
            (va * c10).Store(c + 1 * rowStride + 0); (va * c11).Store(c + 1 * rowStride + 4);
            (va * c20).Store(c + 2 * rowStride + 0); (va * c21).Store(c + 2 * rowStride + 4);
            (va * c30).Store(c + 3 * rowStride + 0); (va * c31).Store(c + 3 * rowStride + 4);
            (va * c40).Store(c + 4 * rowStride + 0); (va * c41).Store(c + 4 * rowStride + 4);
            (va * c50).Store(c + 5 * rowStride + 0); (va * c51).Store(c + 5 * rowStride + 4);
            return;
        }
        var vb = Vector256.Create(beta);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 0 * rowStride + 0), va * c00).Store(c + 0 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 0 * rowStride + 4), va * c01).Store(c + 0 * rowStride + 4);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 1 * rowStride + 0), va * c10).Store(c + 1 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 1 * rowStride + 4), va * c11).Store(c + 1 * rowStride + 4);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 2 * rowStride + 0), va * c20).Store(c + 2 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 2 * rowStride + 4), va * c21).Store(c + 2 * rowStride + 4);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 3 * rowStride + 0), va * c30).Store(c + 3 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 3 * rowStride + 4), va * c31).Store(c + 3 * rowStride + 4);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 4 * rowStride + 0), va * c40).Store(c + 4 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 4 * rowStride + 4), va * c41).Store(c + 4 * rowStride + 4);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 5 * rowStride + 0), va * c50).Store(c + 5 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 5 * rowStride + 4), va * c51).Store(c + 5 * rowStride + 4);
    }
}

/// <summary>
/// AVX2+FMA float micro-kernel: a 6×16 tile of C (2 vectors of 8 per row, 12 accumulators), k unrolled ×4.
/// C[r, j] = alpha·Σₚ a[p·6 + r]·b[p·16 + j] + beta·C[r, j] (C not read when beta = 0).
/// </summary>
internal readonly unsafe struct Avx2SingleKernel : IMicroKernel<float>
{
    public static int Rows => 6;
    public static int Columns => 16;
    public static int DepthBlock => 384;
    public static int ColumnBlock => 256;
    public static int RowBlock => 384;
    public static bool IsSupported => Fma.IsSupported && Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, float* a, float* b, float* c, nint rowStride, float alpha, float beta)
    {
        for (int r = 0; r < 6; r++)
        {
            Sse.Prefetch0(c + r * rowStride + 0);
        }
        Vector256<float> c00 = Vector256<float>.Zero, c01 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero, c11 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero, c21 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero, c31 = Vector256<float>.Zero;
        Vector256<float> c40 = Vector256<float>.Zero, c41 = Vector256<float>.Zero;
        Vector256<float> c50 = Vector256<float>.Zero, c51 = Vector256<float>.Zero;
        Vector256<float> b0, b1, a0;
        int p = 0;
        for (; p <= depth - 4; p += 4, a += 24, b += 64)
        {
            b0 = Vector256.Load(b + 0); b1 = Vector256.Load(b + 8);
            a0 = Vector256.Create(a[0]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[1]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[2]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[3]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[4]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[5]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
            b0 = Vector256.Load(b + 16); b1 = Vector256.Load(b + 24);
            a0 = Vector256.Create(a[6]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[7]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[8]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[9]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[10]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[11]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
            b0 = Vector256.Load(b + 32); b1 = Vector256.Load(b + 40);
            a0 = Vector256.Create(a[12]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[13]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[14]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[15]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[16]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[17]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
            b0 = Vector256.Load(b + 48); b1 = Vector256.Load(b + 56);
            a0 = Vector256.Create(a[18]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[19]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[20]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[21]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[22]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[23]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
        }
        for (; p < depth; p++, a += 6, b += 16)
        {
            b0 = Vector256.Load(b + 0); b1 = Vector256.Load(b + 8);
            a0 = Vector256.Create(a[0]); c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            a0 = Vector256.Create(a[1]); c10 = Fma.MultiplyAdd(a0, b0, c10); c11 = Fma.MultiplyAdd(a0, b1, c11);
            a0 = Vector256.Create(a[2]); c20 = Fma.MultiplyAdd(a0, b0, c20); c21 = Fma.MultiplyAdd(a0, b1, c21);
            a0 = Vector256.Create(a[3]); c30 = Fma.MultiplyAdd(a0, b0, c30); c31 = Fma.MultiplyAdd(a0, b1, c31);
            a0 = Vector256.Create(a[4]); c40 = Fma.MultiplyAdd(a0, b0, c40); c41 = Fma.MultiplyAdd(a0, b1, c41);
            a0 = Vector256.Create(a[5]); c50 = Fma.MultiplyAdd(a0, b0, c50); c51 = Fma.MultiplyAdd(a0, b1, c51);
        }

        var va = Vector256.Create(alpha);
        if (beta == 0)
        {
            (va * c00).Store(c + 0 * rowStride + 0); (va * c01).Store(c + 0 * rowStride + 8);
            (va * c10).Store(c + 1 * rowStride + 0); (va * c11).Store(c + 1 * rowStride + 8);
            (va * c20).Store(c + 2 * rowStride + 0); (va * c21).Store(c + 2 * rowStride + 8);
            (va * c30).Store(c + 3 * rowStride + 0); (va * c31).Store(c + 3 * rowStride + 8);
            (va * c40).Store(c + 4 * rowStride + 0); (va * c41).Store(c + 4 * rowStride + 8);
            (va * c50).Store(c + 5 * rowStride + 0); (va * c51).Store(c + 5 * rowStride + 8);
            return;
        }
        var vb = Vector256.Create(beta);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 0 * rowStride + 0), va * c00).Store(c + 0 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 0 * rowStride + 8), va * c01).Store(c + 0 * rowStride + 8);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 1 * rowStride + 0), va * c10).Store(c + 1 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 1 * rowStride + 8), va * c11).Store(c + 1 * rowStride + 8);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 2 * rowStride + 0), va * c20).Store(c + 2 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 2 * rowStride + 8), va * c21).Store(c + 2 * rowStride + 8);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 3 * rowStride + 0), va * c30).Store(c + 3 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 3 * rowStride + 8), va * c31).Store(c + 3 * rowStride + 8);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 4 * rowStride + 0), va * c40).Store(c + 4 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 4 * rowStride + 8), va * c41).Store(c + 4 * rowStride + 8);
        Fma.MultiplyAdd(vb, Vector256.Load(c + 5 * rowStride + 0), va * c50).Store(c + 5 * rowStride + 0); Fma.MultiplyAdd(vb, Vector256.Load(c + 5 * rowStride + 8), va * c51).Store(c + 5 * rowStride + 8);
    }
}
