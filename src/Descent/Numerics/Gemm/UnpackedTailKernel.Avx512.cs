using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Numerics.Gemm;

/// <summary>
/// AVX-512 float kernel for the last rows of an unpacked product, those after the last whole 12-row panel of
/// <see cref="UnpackedSingleKernel"/> (a batch of 64 rows leaves 4): a 4×32 tile of C (2 vectors of 16 per row, 8
/// accumulators), the same sum in the same order per element as the 12-row kernel, so a row's values do not depend on
/// the panel it falls in. C[r, j] = alpha·Σₚ A[r, p]·B[p, j] + beta·C[r, j], A[r, p] = a[r·aRow + p·aColumn],
/// B[p, j] = b[p·bRow + j]. Full tiles only: <c>width</c> is not used.
/// </summary>
internal readonly unsafe struct UnpackedSingleTailKernel : IUnpackedKernel<float>
{
    public static int Rows => 4;
    public static int Columns => 32;
    public static bool IsSupported => Avx512F.IsSupported;
    public static bool MasksColumns => false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, float* a, nint aRow, nint aColumn, float* b, nint bRow, float* c, nint cRow, int width, float alpha, float beta)
    {
        float* a0 = a, a1 = a + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
        Vector512<float> c00 = Vector512<float>.Zero, c01 = Vector512<float>.Zero;
        Vector512<float> c10 = Vector512<float>.Zero, c11 = Vector512<float>.Zero;
        Vector512<float> c20 = Vector512<float>.Zero, c21 = Vector512<float>.Zero;
        Vector512<float> c30 = Vector512<float>.Zero, c31 = Vector512<float>.Zero;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector512.Load(b + 0); var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(*a0); c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(*a1); c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(*a2); c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(*a3); c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            a0 += aColumn; a1 += aColumn; a2 += aColumn; a3 += aColumn; b += bRow;
        }
        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            (va * c00).Store(c + 0 * cRow + 0); (va * c01).Store(c + 0 * cRow + 16);
            (va * c10).Store(c + 1 * cRow + 0); (va * c11).Store(c + 1 * cRow + 16);
            (va * c20).Store(c + 2 * cRow + 0); (va * c21).Store(c + 2 * cRow + 16);
            (va * c30).Store(c + 3 * cRow + 0); (va * c31).Store(c + 3 * cRow + 16);
            return;
        }
        var vb = Vector512.Create(beta);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * cRow + 0), va * c00).Store(c + 0 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 0 * cRow + 16), va * c01).Store(c + 0 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * cRow + 0), va * c10).Store(c + 1 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 1 * cRow + 16), va * c11).Store(c + 1 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * cRow + 0), va * c20).Store(c + 2 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 2 * cRow + 16), va * c21).Store(c + 2 * cRow + 16);
        Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * cRow + 0), va * c30).Store(c + 3 * cRow + 0); Avx512F.FusedMultiplyAdd(vb, Vector512.Load(c + 3 * cRow + 16), va * c31).Store(c + 3 * cRow + 16);
    }
}
