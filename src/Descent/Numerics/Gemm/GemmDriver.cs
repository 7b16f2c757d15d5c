using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Computes C = alpha·A·B + beta·C for already-checked shapes (A is m×k, B is k×n, any strides) by choosing a path:
/// nothing to multiply (C = beta·C), a matrix-vector product (n = 1, or m = 1 as Cᵀ = Bᵀ·Aᵀ), a direct loop for
/// tiny products, the unpacked tiled GEMM when B fits in the L2 cache (AVX-512), or the packed, blocked SIMD GEMM.
/// The choice depends on the shapes (and the processor) only, never on the thread count, so results are identical
/// for any <see cref="Parallelism.MaxThreads"/>. With <c>lower</c> (SYRK, m = n), the blocked paths skip the tiles
/// that lie wholly above the diagonal; the others compute all of C. Either way the lower triangle is exact.
/// </summary>
internal static class GemmDriver
{
    /// <summary>Products with m·n·k at or below this skip packing.</summary>
    internal const long DirectLimit = 24 * 24 * 24;

    /// <summary>
    /// C narrower than this (e.g. n = 10 classes) is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ: the kernels' column panels are
    /// 16-32 wide, so a narrow C would be mostly padding, while its rows fill 8-12-row panels.
    /// </summary>
    internal const int NarrowColumns = 16;

    /// <summary>
    /// Largest k-block of B (bytes) that the unpacked path reads in place: about half of a core's L2 cache, so that B
    /// stays there while the rows of A go by.
    /// </summary>
    internal const long UnpackedBytes = 1 << 20;

    /// <summary>Largest k-block of the unpacked path: one tile row's rows of A (8-12 × this) stay in the L1 cache.</summary>
    internal const int UnpackedDepthBlock = 512;

    [ThreadStatic]
    private static GemmKernelPath _forcedPath;

    /// <summary>The kernel family for products started on this thread (tests force the fallbacks through it).</summary>
    internal static GemmKernelPath KernelPath
    {
        get => _forcedPath;
        set => _forcedPath = value;
    }

    public static void Run<T>(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c, bool lower = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = c.Rows, n = c.Columns, k = a.Columns;
        if (m == 0 || n == 0)
            return;
        if (k == 0 || alpha == T.Zero)
            Scale(beta, c);
        else if (n == 1)
            GemvKernels.Run(alpha, a, b, beta, c);
        else if (m == 1)
            GemvKernels.Run(alpha, b.Transpose(), a.Transpose(), beta, c.Transpose());
        else if ((long)m * n * k <= DirectLimit)
            DirectGemm.Run(alpha, a, b, beta, c);
        else if (Resolve(KernelPath) == GemmKernelPath.Avx512 && FitsUnpacked(b))
            RunUnpacked(alpha, a, b, beta, c, lower);
        else if (n < NarrowColumns && m > n)
            RunBlocked(alpha, b.Transpose(), a.Transpose(), beta, c.Transpose(), lower: false); // m > n: not a SYRK
        else
            RunBlocked(alpha, a, b, beta, c, lower);
    }

    /// <summary>True when a k-block of B (at most <see cref="UnpackedDepthBlock"/> of its rows) takes no more than
    /// <see cref="UnpackedBytes"/>.</summary>
    private static unsafe bool FitsUnpacked<T>(Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        (long)b.Columns * Math.Min(b.Rows, UnpackedDepthBlock) * sizeof(T) <= UnpackedBytes;

    /// <summary>The kernel family that <see cref="KernelPath"/> asks for, or the next narrower one this processor runs.</summary>
    internal static GemmKernelPath Resolve(GemmKernelPath requested)
    {
        if (requested is GemmKernelPath.Auto or GemmKernelPath.Avx512 && Avx512DoubleKernel.IsSupported)
            return GemmKernelPath.Avx512;
        if (requested is not GemmKernelPath.Scalar && Avx2DoubleKernel.IsSupported)
            return GemmKernelPath.Avx2;
        return GemmKernelPath.Scalar;
    }

    /// <summary>The unpacked path with AVX-512 kernels: one vector per row of a tile when C has at most one vector's
    /// worth of columns, three (double) or two (float) otherwise.</summary>
    private static void RunUnpacked<T>(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c, bool lower)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            var (ad, bd, cd) = (Unsafe.As<Matrix<double>>(a), Unsafe.As<Matrix<double>>(b), Unsafe.As<Matrix<double>>(c));
            double alphaD = double.CreateTruncating(alpha), betaD = double.CreateTruncating(beta);
            if (c.Columns <= UnpackedNarrowDoubleKernel.Columns)
                UnpackedGemm<double, UnpackedNarrowDoubleKernel, UnpackedNarrowDoubleKernel>.Run(alphaD, ad, bd, betaD, cd, lower);
            else
                UnpackedGemm<double, UnpackedDoubleKernel, UnpackedDoubleKernel>.Run(alphaD, ad, bd, betaD, cd, lower);
        }
        else if (typeof(T) == typeof(float))
        {
            var (af, bf, cf) = (Unsafe.As<Matrix<float>>(a), Unsafe.As<Matrix<float>>(b), Unsafe.As<Matrix<float>>(c));
            float alphaF = float.CreateTruncating(alpha), betaF = float.CreateTruncating(beta);
            if (c.Columns <= UnpackedNarrowSingleKernel.Columns)
                UnpackedGemm<float, UnpackedNarrowSingleKernel, UnpackedNarrowSingleKernel>.Run(alphaF, af, bf, betaF, cf, lower);
            else
                UnpackedGemm<float, UnpackedSingleKernel, UnpackedSingleTailKernel>.Run(alphaF, af, bf, betaF, cf, lower);
        }
        else
        {
            RunBlocked(alpha, a, b, beta, c, lower);
        }
    }

    private static void RunBlocked<T>(T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c, bool lower)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var path = Resolve(KernelPath);
        if (typeof(T) == typeof(double) && path != GemmKernelPath.Scalar)
        {
            var (ad, bd, cd) = (Unsafe.As<Matrix<double>>(a), Unsafe.As<Matrix<double>>(b), Unsafe.As<Matrix<double>>(c));
            double alphaD = double.CreateTruncating(alpha), betaD = double.CreateTruncating(beta);
            if (path == GemmKernelPath.Avx512)
                BlockedGemm<double, Avx512DoubleKernel>.Run(alphaD, ad, bd, betaD, cd, lower);
            else
                BlockedGemm<double, Avx2DoubleKernel>.Run(alphaD, ad, bd, betaD, cd, lower);
        }
        else if (typeof(T) == typeof(float) && path != GemmKernelPath.Scalar)
        {
            var (af, bf, cf) = (Unsafe.As<Matrix<float>>(a), Unsafe.As<Matrix<float>>(b), Unsafe.As<Matrix<float>>(c));
            float alphaF = float.CreateTruncating(alpha), betaF = float.CreateTruncating(beta);
            if (path == GemmKernelPath.Avx512)
                BlockedGemm<float, Avx512SingleKernel>.Run(alphaF, af, bf, betaF, cf, lower);
            else
                BlockedGemm<float, Avx2SingleKernel>.Run(alphaF, af, bf, betaF, cf, lower);
        }
        else
        {
            BlockedGemm<T, ScalarKernel<T>>.Run(alpha, a, b, beta, c, lower);
        }
    }

    /// <summary>C = beta·C, with C set to zero (not read) when beta is 0.</summary>
    private static void Scale<T>(T beta, Matrix<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One)
            return;
        for (int i = 0; i < c.Rows; i++)
        {
            int start = c.Offset + i * c.RowStride;
            for (int j = 0; j < c.Columns; j++)
            {
                ref T slot = ref c.Data[start + j * c.ColumnStride];
                slot = beta == T.Zero ? T.Zero : beta * slot;
            }
        }
    }
}
