using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Kernels;

/// <summary>exp and log on vectors of a generic T (float or double), dispatched to the runtime's vectorised
/// Vector256/Vector512 implementations. The type tests are JIT-time constants, so nothing is left at run time.</summary>
internal static class VectorMath
{
    /// <summary>eˣ per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp<T>(Vector512<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(double)
            ? Vector512.Exp(x.AsDouble()).As<double, T>()
            : Vector512.Exp(x.AsSingle()).As<float, T>();

    /// <summary>eˣ per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp<T>(Vector256<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(double)
            ? Vector256.Exp(x.AsDouble()).As<double, T>()
            : Vector256.Exp(x.AsSingle()).As<float, T>();

    /// <summary>ln x per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log<T>(Vector512<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(double)
            ? Vector512.Log(x.AsDouble()).As<double, T>()
            : Vector512.Log(x.AsSingle()).As<float, T>();

    /// <summary>ln x per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log<T>(Vector256<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(double)
            ? Vector256.Log(x.AsDouble()).As<double, T>()
            : Vector256.Log(x.AsSingle()).As<float, T>();
}
