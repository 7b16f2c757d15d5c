using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Numerics.Gemm;

/// <summary>
/// AVX-512 double kernel for C with at most 8 columns: a 16×8 tile (one vector per row, 16 accumulators), of which
/// only the first <c>width</c> columns of B are read and of C written (masked loads and stores).
/// C[r, j] = alpha·Σₚ A[r, p]·B[p, j] + beta·C[r, j], A[r, p] = a[r·aRow + p·aColumn], B[p, j] = b[p·bRow + j].
/// </summary>
internal readonly unsafe struct UnpackedNarrowDoubleKernel : IUnpackedKernel<double>
{
    public static int Rows => 16;
    public static int Columns => 8;
    public static bool IsSupported => Avx512F.IsSupported;
    public static bool MasksColumns => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, double* a, nint aRow, nint aColumn, double* b, nint bRow, double* c, nint cRow, int width, double alpha, double beta)
    {
        for (int r = 0; r < 16; r++)
        {
            Sse.Prefetch0(c + r * cRow + 0);
        }
        // Rows 3t, 3t + 1, 3t + 2 of A are read through one pointer each: [a3t], [a3t + aRow], [a3t + 2·aRow].
        double* a0 = a, a3 = a + 3 * aRow, a6 = a + 6 * aRow, a9 = a + 9 * aRow, a12 = a + 12 * aRow, a15 = a + 15 * aRow;
        nint aRow2 = 2 * aRow;
        Vector512<double> c00 = Vector512<double>.Zero;
        Vector512<double> c10 = Vector512<double>.Zero;
        Vector512<double> c20 = Vector512<double>.Zero;
        Vector512<double> c30 = Vector512<double>.Zero;
        Vector512<double> c40 = Vector512<double>.Zero;
        Vector512<double> c50 = Vector512<double>.Zero;
        Vector512<double> c60 = Vector512<double>.Zero;
        Vector512<double> c70 = Vector512<double>.Zero;
        Vector512<double> c80 = Vector512<double>.Zero;
        Vector512<double> c90 = Vector512<double>.Zero;
        Vector512<double> ca0 = Vector512<double>.Zero;
        Vector512<double> cb0 = Vector512<double>.Zero;
        Vector512<double> cc0 = Vector512<double>.Zero;
        Vector512<double> cd0 = Vector512<double>.Zero;
        Vector512<double> ce0 = Vector512<double>.Zero;
        Vector512<double> cf0 = Vector512<double>.Zero;
        var m0 = Vector512.LessThan(Vector512<long>.Indices, Vector512.Create((long)width)).AsDouble();
        for (int p = 0; p < depth; p++)
        {
            var b0 = Avx512F.MaskLoad(b + 0, m0, Vector512<double>.Zero);
            var x = Vector512.Create(*a0); c00 = Avx512F.FusedMultiplyAdd(x, b0, c00);
            x = Vector512.Create(a0[aRow]); c10 = Avx512F.FusedMultiplyAdd(x, b0, c10);
            x = Vector512.Create(a0[aRow2]); c20 = Avx512F.FusedMultiplyAdd(x, b0, c20);
            x = Vector512.Create(*a3); c30 = Avx512F.FusedMultiplyAdd(x, b0, c30);
            x = Vector512.Create(a3[aRow]); c40 = Avx512F.FusedMultiplyAdd(x, b0, c40);
            x = Vector512.Create(a3[aRow2]); c50 = Avx512F.FusedMultiplyAdd(x, b0, c50);
            x = Vector512.Create(*a6); c60 = Avx512F.FusedMultiplyAdd(x, b0, c60);
            x = Vector512.Create(a6[aRow]); c70 = Avx512F.FusedMultiplyAdd(x, b0, c70);
            x = Vector512.Create(a6[aRow2]); c80 = Avx512F.FusedMultiplyAdd(x, b0, c80);
            x = Vector512.Create(*a9); c90 = Avx512F.FusedMultiplyAdd(x, b0, c90);
            x = Vector512.Create(a9[aRow]); ca0 = Avx512F.FusedMultiplyAdd(x, b0, ca0);
            x = Vector512.Create(a9[aRow2]); cb0 = Avx512F.FusedMultiplyAdd(x, b0, cb0);
            x = Vector512.Create(*a12); cc0 = Avx512F.FusedMultiplyAdd(x, b0, cc0);
            x = Vector512.Create(a12[aRow]); cd0 = Avx512F.FusedMultiplyAdd(x, b0, cd0);
            x = Vector512.Create(a12[aRow2]); ce0 = Avx512F.FusedMultiplyAdd(x, b0, ce0);
            x = Vector512.Create(*a15); cf0 = Avx512F.FusedMultiplyAdd(x, b0, cf0);
            a0 += aColumn; a3 += aColumn; a6 += aColumn; a9 += aColumn; a12 += aColumn; a15 += aColumn; b += bRow;
        }
        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            Avx512F.MaskStore(c + 0 * cRow + 0, m0, va * c00);
            Avx512F.MaskStore(c + 1 * cRow + 0, m0, va * c10);
            Avx512F.MaskStore(c + 2 * cRow + 0, m0, va * c20);
            Avx512F.MaskStore(c + 3 * cRow + 0, m0, va * c30);
            Avx512F.MaskStore(c + 4 * cRow + 0, m0, va * c40);
            Avx512F.MaskStore(c + 5 * cRow + 0, m0, va * c50);
            Avx512F.MaskStore(c + 6 * cRow + 0, m0, va * c60);
            Avx512F.MaskStore(c + 7 * cRow + 0, m0, va * c70);
            Avx512F.MaskStore(c + 8 * cRow + 0, m0, va * c80);
            Avx512F.MaskStore(c + 9 * cRow + 0, m0, va * c90);
            Avx512F.MaskStore(c + 10 * cRow + 0, m0, va * ca0);
            Avx512F.MaskStore(c + 11 * cRow + 0, m0, va * cb0);
            Avx512F.MaskStore(c + 12 * cRow + 0, m0, va * cc0);
            Avx512F.MaskStore(c + 13 * cRow + 0, m0, va * cd0);
            Avx512F.MaskStore(c + 14 * cRow + 0, m0, va * ce0);
            Avx512F.MaskStore(c + 15 * cRow + 0, m0, va * cf0);
            return;
        }
        var vb = Vector512.Create(beta);
        Avx512F.MaskStore(c + 0 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 0 * cRow + 0, m0, Vector512<double>.Zero), va * c00));
        Avx512F.MaskStore(c + 1 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 1 * cRow + 0, m0, Vector512<double>.Zero), va * c10));
        Avx512F.MaskStore(c + 2 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 2 * cRow + 0, m0, Vector512<double>.Zero), va * c20));
        Avx512F.MaskStore(c + 3 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 3 * cRow + 0, m0, Vector512<double>.Zero), va * c30));
        Avx512F.MaskStore(c + 4 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 4 * cRow + 0, m0, Vector512<double>.Zero), va * c40));
        Avx512F.MaskStore(c + 5 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 5 * cRow + 0, m0, Vector512<double>.Zero), va * c50));
        Avx512F.MaskStore(c + 6 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 6 * cRow + 0, m0, Vector512<double>.Zero), va * c60));
        Avx512F.MaskStore(c + 7 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 7 * cRow + 0, m0, Vector512<double>.Zero), va * c70));
        Avx512F.MaskStore(c + 8 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 8 * cRow + 0, m0, Vector512<double>.Zero), va * c80));
        Avx512F.MaskStore(c + 9 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 9 * cRow + 0, m0, Vector512<double>.Zero), va * c90));
        Avx512F.MaskStore(c + 10 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 10 * cRow + 0, m0, Vector512<double>.Zero), va * ca0));
        Avx512F.MaskStore(c + 11 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 11 * cRow + 0, m0, Vector512<double>.Zero), va * cb0));
        Avx512F.MaskStore(c + 12 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 12 * cRow + 0, m0, Vector512<double>.Zero), va * cc0));
        Avx512F.MaskStore(c + 13 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 13 * cRow + 0, m0, Vector512<double>.Zero), va * cd0));
        Avx512F.MaskStore(c + 14 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 14 * cRow + 0, m0, Vector512<double>.Zero), va * ce0));
        Avx512F.MaskStore(c + 15 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 15 * cRow + 0, m0, Vector512<double>.Zero), va * cf0));
    }
}

/// <summary>
/// AVX-512 float kernel for C with at most 16 columns: a 16×16 tile (one vector per row, 16 accumulators), of which
/// only the first <c>width</c> columns of B are read and of C written (masked loads and stores).
/// C[r, j] = alpha·Σₚ A[r, p]·B[p, j] + beta·C[r, j], A[r, p] = a[r·aRow + p·aColumn], B[p, j] = b[p·bRow + j].
/// </summary>
internal readonly unsafe struct UnpackedNarrowSingleKernel : IUnpackedKernel<float>
{
    public static int Rows => 16;
    public static int Columns => 16;
    public static bool IsSupported => Avx512F.IsSupported;
    public static bool MasksColumns => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, float* a, nint aRow, nint aColumn, float* b, nint bRow, float* c, nint cRow, int width, float alpha, float beta)
    {
        for (int r = 0; r < 16; r++)
        {
            Sse.Prefetch0(c + r * cRow + 0);
        }
        // Rows 3t, 3t + 1, 3t + 2 of A are read through one pointer each: [a3t], [a3t + aRow], [a3t + 2·aRow].
        float* a0 = a, a3 = a + 3 * aRow, a6 = a + 6 * aRow, a9 = a + 9 * aRow, a12 = a + 12 * aRow, a15 = a + 15 * aRow;
        nint aRow2 = 2 * aRow;
        Vector512<float> c00 = Vector512<float>.Zero;
        Vector512<float> c10 = Vector512<float>.Zero;
        Vector512<float> c20 = Vector512<float>.Zero;
        Vector512<float> c30 = Vector512<float>.Zero;
        Vector512<float> c40 = Vector512<float>.Zero;
        Vector512<float> c50 = Vector512<float>.Zero;
        Vector512<float> c60 = Vector512<float>.Zero;
        Vector512<float> c70 = Vector512<float>.Zero;
        Vector512<float> c80 = Vector512<float>.Zero;
        Vector512<float> c90 = Vector512<float>.Zero;
        Vector512<float> ca0 = Vector512<float>.Zero;
        Vector512<float> cb0 = Vector512<float>.Zero;
        Vector512<float> cc0 = Vector512<float>.Zero;
        Vector512<float> cd0 = Vector512<float>.Zero;
        Vector512<float> ce0 = Vector512<float>.Zero;
        Vector512<float> cf0 = Vector512<float>.Zero;
        var m0 = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create((int)width)).AsSingle();
        for (int p = 0; p < depth; p++)
        {
            var b0 = Avx512F.MaskLoad(b + 0, m0, Vector512<float>.Zero);
            var x = Vector512.Create(*a0); c00 = Avx512F.FusedMultiplyAdd(x, b0, c00);
            x = Vector512.Create(a0[aRow]); c10 = Avx512F.FusedMultiplyAdd(x, b0, c10);
            x = Vector512.Create(a0[aRow2]); c20 = Avx512F.FusedMultiplyAdd(x, b0, c20);
            x = Vector512.Create(*a3); c30 = Avx512F.FusedMultiplyAdd(x, b0, c30);
            x = Vector512.Create(a3[aRow]); c40 = Avx512F.FusedMultiplyAdd(x, b0, c40);
            x = Vector512.Create(a3[aRow2]); c50 = Avx512F.FusedMultiplyAdd(x, b0, c50);
            x = Vector512.Create(*a6); c60 = Avx512F.FusedMultiplyAdd(x, b0, c60);
            x = Vector512.Create(a6[aRow]); c70 = Avx512F.FusedMultiplyAdd(x, b0, c70);
            x = Vector512.Create(a6[aRow2]); c80 = Avx512F.FusedMultiplyAdd(x, b0, c80);
            x = Vector512.Create(*a9); c90 = Avx512F.FusedMultiplyAdd(x, b0, c90);
            x = Vector512.Create(a9[aRow]); ca0 = Avx512F.FusedMultiplyAdd(x, b0, ca0);
            x = Vector512.Create(a9[aRow2]); cb0 = Avx512F.FusedMultiplyAdd(x, b0, cb0);
            x = Vector512.Create(*a12); cc0 = Avx512F.FusedMultiplyAdd(x, b0, cc0);
            x = Vector512.Create(a12[aRow]); cd0 = Avx512F.FusedMultiplyAdd(x, b0, cd0);
            x = Vector512.Create(a12[aRow2]); ce0 = Avx512F.FusedMultiplyAdd(x, b0, ce0);
            x = Vector512.Create(*a15); cf0 = Avx512F.FusedMultiplyAdd(x, b0, cf0);
            a0 += aColumn; a3 += aColumn; a6 += aColumn; a9 += aColumn; a12 += aColumn; a15 += aColumn; b += bRow;
        }
        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            Avx512F.MaskStore(c + 0 * cRow + 0, m0, va * c00);
            Avx512F.MaskStore(c + 1 * cRow + 0, m0, va * c10);
            Avx512F.MaskStore(c + 2 * cRow + 0, m0, va * c20);
            Avx512F.MaskStore(c + 3 * cRow + 0, m0, va * c30);
            Avx512F.MaskStore(c + 4 * cRow + 0, m0, va * c40);
            Avx512F.MaskStore(c + 5 * cRow + 0, m0, va * c50);
            Avx512F.MaskStore(c + 6 * cRow + 0, m0, va * c60);
            Avx512F.MaskStore(c + 7 * cRow + 0, m0, va * c70);
            Avx512F.MaskStore(c + 8 * cRow + 0, m0, va * c80);
            Avx512F.MaskStore(c + 9 * cRow + 0, m0, va * c90);
            Avx512F.MaskStore(c + 10 * cRow + 0, m0, va * ca0);
            Avx512F.MaskStore(c + 11 * cRow + 0, m0, va * cb0);
            Avx512F.MaskStore(c + 12 * cRow + 0, m0, va * cc0);
            Avx512F.MaskStore(c + 13 * cRow + 0, m0, va * cd0);
            Avx512F.MaskStore(c + 14 * cRow + 0, m0, va * ce0);
            Avx512F.MaskStore(c + 15 * cRow + 0, m0, va * cf0);
            return;
        }
        var vb = Vector512.Create(beta);
        Avx512F.MaskStore(c + 0 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 0 * cRow + 0, m0, Vector512<float>.Zero), va * c00));
        Avx512F.MaskStore(c + 1 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 1 * cRow + 0, m0, Vector512<float>.Zero), va * c10));
        Avx512F.MaskStore(c + 2 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 2 * cRow + 0, m0, Vector512<float>.Zero), va * c20));
        Avx512F.MaskStore(c + 3 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 3 * cRow + 0, m0, Vector512<float>.Zero), va * c30));
        Avx512F.MaskStore(c + 4 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 4 * cRow + 0, m0, Vector512<float>.Zero), va * c40));
        Avx512F.MaskStore(c + 5 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 5 * cRow + 0, m0, Vector512<float>.Zero), va * c50));
        Avx512F.MaskStore(c + 6 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 6 * cRow + 0, m0, Vector512<float>.Zero), va * c60));
        Avx512F.MaskStore(c + 7 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 7 * cRow + 0, m0, Vector512<float>.Zero), va * c70));
        Avx512F.MaskStore(c + 8 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 8 * cRow + 0, m0, Vector512<float>.Zero), va * c80));
        Avx512F.MaskStore(c + 9 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 9 * cRow + 0, m0, Vector512<float>.Zero), va * c90));
        Avx512F.MaskStore(c + 10 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 10 * cRow + 0, m0, Vector512<float>.Zero), va * ca0));
        Avx512F.MaskStore(c + 11 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 11 * cRow + 0, m0, Vector512<float>.Zero), va * cb0));
        Avx512F.MaskStore(c + 12 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 12 * cRow + 0, m0, Vector512<float>.Zero), va * cc0));
        Avx512F.MaskStore(c + 13 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 13 * cRow + 0, m0, Vector512<float>.Zero), va * cd0));
        Avx512F.MaskStore(c + 14 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 14 * cRow + 0, m0, Vector512<float>.Zero), va * ce0));
        Avx512F.MaskStore(c + 15 * cRow + 0, m0, Avx512F.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c + 15 * cRow + 0, m0, Vector512<float>.Zero), va * cf0));
    }
}
