using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Decompositions;

/// <summary>
/// Householder reflections H = I − τ·v·vᵀ (v₀ = 1) on contiguous row-major storage, as LAPACK's dlarfg/dlarf.
/// A reflector is stored below the diagonal of the column it annihilated; applying it to other columns is two
/// passes of row-wise axpys (w = vᵀ·A, then A −= τ·v·w), which run along contiguous rows.
/// </summary>
internal static class Householder
{
    /// <summary>
    /// Builds the reflector that maps x = A[k.., column] to (β, 0, …, 0): writes β at (k, column), v[1..] below it,
    /// and returns τ (0 when x is already (x₀, 0, …, 0), so H = I). β = −sign(x₀)·‖x‖.
    /// </summary>
    public static T Generate<T>(T[] a, int stride, int rows, int k, int column) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T alpha = a[k * stride + column];
        T scale = T.Zero;
        for (int i = k + 1; i < rows; i++)
            scale = T.Max(scale, T.Abs(a[i * stride + column]));
        if (scale == T.Zero)
            return T.Zero;
        T sumOfSquares = T.Zero;
        for (int i = k + 1; i < rows; i++)
        {
            T scaled = a[i * stride + column] / scale;
            sumOfSquares += scaled * scaled;
        }
        T tailNorm = scale * T.Sqrt(sumOfSquares);
        T norm = Hypot(alpha, tailNorm);
        T beta = alpha >= T.Zero ? -norm : norm;
        T tau = (beta - alpha) / beta;
        T inverse = T.One / (alpha - beta);
        for (int i = k + 1; i < rows; i++)
            a[i * stride + column] *= inverse;
        a[k * stride + column] = beta;
        return tau;
    }

    /// <summary>
    /// Applies H = I − τ·v·vᵀ from the left to rows k.. of <paramref name="target"/>, columns
    /// [firstColumn, firstColumn + columnCount). v lives in column <paramref name="vColumn"/> of <paramref name="v"/>
    /// below row k (v₀ = 1 implicitly). <paramref name="work"/> needs columnCount elements.
    /// </summary>
    public static void ApplyLeft<T>(ReadOnlySpan<T> v, int vStride, int vColumn, int rows, int k, T tau,
        Span<T> target, int targetStride, int firstColumn, int columnCount, Span<T> work)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (tau == T.Zero || columnCount == 0)
            return;
        var w = work[..columnCount];
        target.Slice(k * targetStride + firstColumn, columnCount).CopyTo(w);
        for (int i = k + 1; i < rows; i++)
        {
            T vi = v[i * vStride + vColumn];
            if (vi != T.Zero)
                TensorPrimitives.MultiplyAdd(target.Slice(i * targetStride + firstColumn, columnCount), vi, w, w);
        }
        var rowK = target.Slice(k * targetStride + firstColumn, columnCount);
        TensorPrimitives.MultiplyAdd(w, -tau, rowK, rowK);
        for (int i = k + 1; i < rows; i++)
        {
            T vi = v[i * vStride + vColumn];
            if (vi == T.Zero)
                continue;
            var row = target.Slice(i * targetStride + firstColumn, columnCount);
            TensorPrimitives.MultiplyAdd(w, -tau * vi, row, row);
        }
    }

    /// <summary>√(x² + y²) without overflow or underflow.</summary>
    public static T Hypot<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        x = T.Abs(x);
        y = T.Abs(y);
        T max = T.Max(x, y), min = T.Min(x, y);
        if (max == T.Zero)
            return T.Zero;
        T ratio = min / max;
        return max * T.Sqrt(T.One + ratio * ratio);
    }

    /// <summary>Machine epsilon: the gap between 1 and the next larger number (2⁻⁵² for double, 2⁻²³ for float).</summary>
    public static T Epsilon<T>() where T : unmanaged, IFloatingPointIeee754<T> => T.BitIncrement(T.One) - T.One;
}
