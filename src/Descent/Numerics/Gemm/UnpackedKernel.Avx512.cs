using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Numerics.Gemm;

/// <summary>
/// AVX-512 double kernel on unpacked operands: an 8×24 tile of C (3 vectors of 8 per row, 24 accumulators).
/// C[r, j] = alpha·Σₚ A[r, p]·B[p, j] + beta·C[r, j], A[r, p] = a[r·aRow + p·aColumn], B[p, j] = b[p·bRow + j].
/// Full tiles only: <c>width</c> is not used.
/// </summary>
internal readonly unsafe struct UnpackedDoubleKernel : IUnpackedKernel<double>
{
    public static int Rows => 8;
    public static int Columns => 24;
    public static bool IsSupported => Avx512F.IsSupported;
    public static bool MasksColumns => false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, double* a, nint aRow, nint aColumn, double* b, nint bRow, double* c, nint cRow, int width, double alpha, double beta)
    {
        for (int r = 0; r < 8; r++)
        {
            Sse.Prefetch0(c + r * cRow + 0);
            Sse.Prefetch0(c + r * cRow + 8);
            Sse.Prefetch0(c + r * cRow + 16);
        }
        // Rows 3t, 3t + 1, 3t + 2 of A are read through one pointer each: [a3t], [a3t + aRow], [a3t + 2·aRow].
        double* a0 = a, a3 = a + 3 * aRow, a6 = a + 6 * aRow;
        nint aRow2 = 2 * aRow;
        Vector512<double> c00 = Vector512<double>.Zero, c01 = Vector512<double>.Zero, c02 = Vector512<double>.Zero;
        Vector512<double> c10 = Vector512<double>.Zero, c11 = Vector512<double>.Zero, c12 = Vector512<double>.Zero;
        Vector512<double> c20 = Vector512<double>.Zero, c21 = Vector512<double>.Zero, c22 = Vector512<double>.Zero;
        Vector512<double> c30 = Vector512<double>.Zero, c31 = Vector512<double>.Zero, c32 = Vector512<double>.Zero;
        Vector512<double> c40 = Vector512<double>.Zero, c41 = Vector512<double>.Zero, c42 = Vector512<double>.Zero;
        Vector512<double> c50 = Vector512<double>.Zero, c51 = Vector512<double>.Zero, c52 = Vector512<double>.Zero;
        Vector512<double> c60 = Vector512<double>.Zero, c61 = Vector512<double>.Zero, c62 = Vector512<double>.Zero;
        Vector512<double> c70 = Vector512<double>.Zero, c71 = Vector512<double>.Zero, c72 = Vector512<double>.Zero;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector512.Load(b + 0); var b1 = Vector512.Load(b + 8); var b2 = Vector512.Load(b + 16);
            var x = Vector512.Create(*a0); c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01); c02 = Avx512F.FusedMultiplyAdd(x, b2, c02);
            x = Vector512.Create(a0[aRow]); c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11); c12 = Avx512F.FusedMultiplyAdd(x, b2, c12);
            x = Vector512.Create(a0[aRow2]); c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21); c22 = Avx512F.FusedMultiplyAdd(x, b2, c22);
            x = Vector512.Create(*a3); c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31); c32 = Avx512F.FusedMultiplyAdd(x, b2, c32);
            x = Vector512.Create(a3[aRow]); c40 = Avx512F.FusedMultiplyAdd(x, b0, c40); c41 = Avx512F.FusedMultiplyAdd(x, b1, c41); c42 = Avx512F.FusedMultiplyAdd(x, b2, c42);
            x = Vector512.Create(a3[aRow2]); c50 = Avx512F.FusedMultiplyAdd(x, b0, c50); c51 = Avx512F.FusedMultiplyAdd(x, b1, c51); c52 = Avx512F.FusedMultiplyAdd(x, b2, c52);
            x = Vector512.Create(*a6); c60 = Avx512F.FusedMultiplyAdd(x, b0, c60); c61 = Avx512F.FusedMultiplyAdd(x, b1, c61); c62 = Avx512F.FusedMultiplyAdd(x, b2, c62);
            x = Vector512.Create(a6[aRow]); c70 = Avx512F.FusedMultiplyAdd(x, b0, c70); c71 = Avx512F.FusedMultiplyAdd(x, b1, c71); c72 = Avx512F.FusedMultiplyAdd(x, b2, c72);
            a0 += aColumn; a3 += aColumn; a6 += aColumn; b += bRow;
        }
        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            (va * c00).Store(c + 0 * cRow + 0); (va * c01).Store(c + 0 * cRow + 8); (va * c02).Store(c + 0 * cRow + 16);
            (va * c10).Store(c + 1 * cRow + 0); (va * c11).Store(c + 1 * cRow + 8); (va * c12).Store(c + 1 * cRow + 16);
            (va * c20).Store(c + 2 * cRow + 0); (va * c21).Store(c + 2 * cRow + 8); (va * c22).Store(c + 2 * cRow + 16);
            (va * c30).Store(c + 3 * cRow + 0); (va * c31).Store(c + 3 * cRow + 8); (va * c32).Store(c + 3 * cRow + 16);
            (va * c40).Store(c + 4 * cRow + 0); (va * c41).Store(c + 4 * cRow + 8); (va * c42).Store(c + 4 * cRow + 16);
            (va * c50).Store(c + 5 * cRow + 0); (va * c51).Store(c + 5 * cRow + 8); (va * c52).Store(c + 5 * cRow + 16);
            (va * c60).Store(c + 6 * cRow + 0); (va * c61).Store(c + 6 * cRow + 8); (va * c62).Store(c + 6 * cRow + 16);
            (va * c70).Store(c + 7 * cRow + 0); (va * c71).Store(c + 7 * cRow + 8); (va * c72).Store(c + 7 * cRow + 16);
            return;
        }
        var vb = Vector512.Create(beta);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * cRow + 0), va * c00).Store(c + 0 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * cRow + 8), va * c01).Store(c + 0 * cRow + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * cRow + 16), va * c02).Store(c + 0 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * cRow + 0), va * c10).Store(c + 1 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * cRow + 8), va * c11).Store(c + 1 * cRow + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * cRow + 16), va * c12).Store(c + 1 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * cRow + 0), va * c20).Store(c + 2 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * cRow + 8), va * c21).Store(c + 2 * cRow + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * cRow + 16), va * c22).Store(c + 2 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * cRow + 0), va * c30).Store(c + 3 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * cRow + 8), va * c31).Store(c + 3 * cRow + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * cRow + 16), va * c32).Store(c + 3 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * cRow + 0), va * c40).Store(c + 4 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * cRow + 8), va * c41).Store(c + 4 * cRow + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * cRow + 16), va * c42).Store(c + 4 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * cRow + 0), va * c50).Store(c + 5 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * cRow + 8), va * c51).Store(c + 5 * cRow + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * cRow + 16), va * c52).Store(c + 5 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * cRow + 0), va * c60).Store(c + 6 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * cRow + 8), va * c61).Store(c + 6 * cRow + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * cRow + 16), va * c62).Store(c + 6 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * cRow + 0), va * c70).Store(c + 7 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * cRow + 8), va * c71).Store(c + 7 * cRow + 8); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * cRow + 16), va * c72).Store(c + 7 * cRow + 16);
    }
}

/// <summary>
/// AVX-512 float kernel on unpacked operands: a 12×32 tile of C (2 vectors of 16 per row, 24 accumulators).
/// C[r, j] = alpha·Σₚ A[r, p]·B[p, j] + beta·C[r, j], A[r, p] = a[r·aRow + p·aColumn], B[p, j] = b[p·bRow + j].
/// Full tiles only: <c>width</c> is not used.
/// </summary>
internal readonly unsafe struct UnpackedSingleKernel : IUnpackedKernel<float>
{
    public static int Rows => 12;
    public static int Columns => 32;
    public static bool IsSupported => Avx512F.IsSupported;
    public static bool MasksColumns => false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, float* a, nint aRow, nint aColumn, float* b, nint bRow, float* c, nint cRow, int width, float alpha, float beta)
    {
        for (int r = 0; r < 12; r++)
        {
            Sse.Prefetch0(c + r * cRow + 0);
            Sse.Prefetch0(c + r * cRow + 16);
        }
        // Rows 3t, 3t + 1, 3t + 2 of A are read through one pointer each: [a3t], [a3t + aRow], [a3t + 2·aRow].
        float* a0 = a, a3 = a + 3 * aRow, a6 = a + 6 * aRow, a9 = a + 9 * aRow;
        nint aRow2 = 2 * aRow;
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
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector512.Load(b + 0); var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(*a0); c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a0[aRow]); c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a0[aRow2]); c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(*a3); c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a3[aRow]); c40 = Avx512F.FusedMultiplyAdd(x, b0, c40); c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a3[aRow2]); c50 = Avx512F.FusedMultiplyAdd(x, b0, c50); c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(*a6); c60 = Avx512F.FusedMultiplyAdd(x, b0, c60); c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a6[aRow]); c70 = Avx512F.FusedMultiplyAdd(x, b0, c70); c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
            x = Vector512.Create(a6[aRow2]); c80 = Avx512F.FusedMultiplyAdd(x, b0, c80); c81 = Avx512F.FusedMultiplyAdd(x, b1, c81);
            x = Vector512.Create(*a9); c90 = Avx512F.FusedMultiplyAdd(x, b0, c90); c91 = Avx512F.FusedMultiplyAdd(x, b1, c91);
            x = Vector512.Create(a9[aRow]); ca0 = Avx512F.FusedMultiplyAdd(x, b0, ca0); ca1 = Avx512F.FusedMultiplyAdd(x, b1, ca1);
            x = Vector512.Create(a9[aRow2]); cb0 = Avx512F.FusedMultiplyAdd(x, b0, cb0); cb1 = Avx512F.FusedMultiplyAdd(x, b1, cb1);
            a0 += aColumn; a3 += aColumn; a6 += aColumn; a9 += aColumn; b += bRow;
        }
        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            (va * c00).Store(c + 0 * cRow + 0); (va * c01).Store(c + 0 * cRow + 16);
            (va * c10).Store(c + 1 * cRow + 0); (va * c11).Store(c + 1 * cRow + 16);
            (va * c20).Store(c + 2 * cRow + 0); (va * c21).Store(c + 2 * cRow + 16);
            (va * c30).Store(c + 3 * cRow + 0); (va * c31).Store(c + 3 * cRow + 16);
            (va * c40).Store(c + 4 * cRow + 0); (va * c41).Store(c + 4 * cRow + 16);
            (va * c50).Store(c + 5 * cRow + 0); (va * c51).Store(c + 5 * cRow + 16);
            (va * c60).Store(c + 6 * cRow + 0); (va * c61).Store(c + 6 * cRow + 16);
            (va * c70).Store(c + 7 * cRow + 0); (va * c71).Store(c + 7 * cRow + 16);
            (va * c80).Store(c + 8 * cRow + 0); (va * c81).Store(c + 8 * cRow + 16);
            (va * c90).Store(c + 9 * cRow + 0); (va * c91).Store(c + 9 * cRow + 16);
            (va * ca0).Store(c + 10 * cRow + 0); (va * ca1).Store(c + 10 * cRow + 16);
            (va * cb0).Store(c + 11 * cRow + 0); (va * cb1).Store(c + 11 * cRow + 16);
            return;
        }
        var vb = Vector512.Create(beta);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * cRow + 0), va * c00).Store(c + 0 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * cRow + 16), va * c01).Store(c + 0 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * cRow + 0), va * c10).Store(c + 1 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * cRow + 16), va * c11).Store(c + 1 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * cRow + 0), va * c20).Store(c + 2 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * cRow + 16), va * c21).Store(c + 2 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * cRow + 0), va * c30).Store(c + 3 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * cRow + 16), va * c31).Store(c + 3 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * cRow + 0), va * c40).Store(c + 4 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 4 * cRow + 16), va * c41).Store(c + 4 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * cRow + 0), va * c50).Store(c + 5 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 5 * cRow + 16), va * c51).Store(c + 5 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * cRow + 0), va * c60).Store(c + 6 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 6 * cRow + 16), va * c61).Store(c + 6 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * cRow + 0), va * c70).Store(c + 7 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 7 * cRow + 16), va * c71).Store(c + 7 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 8 * cRow + 0), va * c80).Store(c + 8 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 8 * cRow + 16), va * c81).Store(c + 8 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 9 * cRow + 0), va * c90).Store(c + 9 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 9 * cRow + 16), va * c91).Store(c + 9 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 10 * cRow + 0), va * ca0).Store(c + 10 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 10 * cRow + 16), va * ca1).Store(c + 10 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 11 * cRow + 0), va * cb0).Store(c + 11 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 11 * cRow + 16), va * cb1).Store(c + 11 * cRow + 16);
    }
}
