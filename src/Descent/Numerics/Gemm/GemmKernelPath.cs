namespace Descent.Numerics.Gemm;

/// <summary>Which micro-kernel family the blocked GEMM uses; <see cref="Auto"/> picks the widest the processor runs.</summary>
internal enum GemmKernelPath
{
    /// <summary>AVX-512 when supported, else AVX2+FMA, else scalar.</summary>
    Auto,

    /// <summary>Vector512 kernels (double 8×24, float 12×32).</summary>
    Avx512,

    /// <summary>Vector256 + FMA kernels (double 6×8, float 6×16).</summary>
    Avx2,

    /// <summary>Portable scalar 4×4 kernel.</summary>
    Scalar,
}
