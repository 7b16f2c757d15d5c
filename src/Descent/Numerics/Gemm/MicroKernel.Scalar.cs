using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Portable micro-kernel for processors without AVX2/FMA: a 4×4 tile of C accumulated in scalars (a·b + c, not fused,
/// because a software fused multiply-add would be far slower).
/// C[r, j] = alpha·Σₚ a[p·4 + r]·b[p·4 + j] + beta·C[r, j] (C not read when beta = 0).
/// </summary>
internal readonly unsafe struct ScalarKernel<T> : IMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Rows => 4;
    public static int Columns => 4;
    public static int DepthBlock => 256;
    public static int ColumnBlock => 128;
    public static int RowBlock => 128;
    public static bool IsSupported => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, T* a, T* b, T* c, nint rowStride, T alpha, T beta)
    {
        T c00 = T.Zero, c01 = T.Zero, c02 = T.Zero, c03 = T.Zero;
        T c10 = T.Zero, c11 = T.Zero, c12 = T.Zero, c13 = T.Zero;
        T c20 = T.Zero, c21 = T.Zero, c22 = T.Zero, c23 = T.Zero;
        T c30 = T.Zero, c31 = T.Zero, c32 = T.Zero, c33 = T.Zero;
        for (int p = 0; p < depth; p++, a += 4, b += 4)
        {
            T b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
            T a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        StoreRow(c, alpha, beta, c00, c01, c02, c03);
        StoreRow(c + rowStride, alpha, beta, c10, c11, c12, c13);
        StoreRow(c + 2 * rowStride, alpha, beta, c20, c21, c22, c23);
        StoreRow(c + 3 * rowStride, alpha, beta, c30, c31, c32, c33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(T* c, T alpha, T beta, T s0, T s1, T s2, T s3)
    {
        if (beta == T.Zero)
        {
            c[0] = alpha * s0; c[1] = alpha * s1; c[2] = alpha * s2; c[3] = alpha * s3;
            return;
        }
        c[0] = beta * c[0] + alpha * s0; c[1] = beta * c[1] + alpha * s1;
        c[2] = beta * c[2] + alpha * s2; c[3] = beta * c[3] + alpha * s3;
    }
}
