using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Decompositions;

/// <summary>
/// Forward and back substitution with triangular factors stored in contiguous row-major arrays, on right-hand
/// sides that are contiguous n × k matrices (one row per equation). Inner loops run along contiguous rows:
/// dot products for a single right-hand side, axpys for several.
/// </summary>
internal static class Triangular
{
    /// <summary>Solves L·X = B in place (B becomes X); L is the lower triangle of the leading n×n block of <paramref name="l"/>.</summary>
    public static void SolveLower<T>(T[] l, int lStride, int n, Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (b.Columns == 1)
        {
            var x = b.AsSpan();
            for (int i = 0; i < n; i++)
                x[i] = (x[i] - TensorPrimitives.Dot(l.AsSpan(i * lStride, i), x[..i])) / l[i * lStride + i];
            return;
        }
        for (int i = 0; i < n; i++)
        {
            var rowI = b.RowSpan(i);
            for (int j = 0; j < i; j++)
            {
                T lij = l[i * lStride + j];
                if (lij != T.Zero)
                    TensorPrimitives.MultiplyAdd(b.RowSpan(j), -lij, rowI, rowI);
            }
            TensorPrimitives.Divide(rowI, l[i * lStride + i], rowI);
        }
    }

    /// <summary>Solves Lᵀ·X = B in place; L is the lower triangle of the leading n×n block of <paramref name="l"/>.</summary>
    public static void SolveLowerTransposed<T>(T[] l, int lStride, int n, Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (b.Columns == 1)
        {
            var x = b.AsSpan();
            for (int i = n - 1; i >= 0; i--)
            {
                x[i] /= l[i * lStride + i];
                TensorPrimitives.MultiplyAdd(l.AsSpan(i * lStride, i), -x[i], x[..i], x[..i]);
            }
            return;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var rowI = b.RowSpan(i);
            TensorPrimitives.Divide(rowI, l[i * lStride + i], rowI);
            for (int j = 0; j < i; j++)
            {
                T lij = l[i * lStride + j];
                if (lij != T.Zero)
                {
                    var rowJ = b.RowSpan(j);
                    TensorPrimitives.MultiplyAdd(rowI, -lij, rowJ, rowJ);
                }
            }
        }
    }

    /// <summary>Solves U·X = B in place; U is the upper triangle of the leading n×n block of <paramref name="u"/>.</summary>
    public static void SolveUpper<T>(T[] u, int uStride, int n, Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (b.Columns == 1)
        {
            var x = b.AsSpan();
            for (int i = n - 1; i >= 0; i--)
            {
                int tail = n - i - 1;
                x[i] = (x[i] - TensorPrimitives.Dot(u.AsSpan(i * uStride + i + 1, tail), x.Slice(i + 1, tail))) / u[i * uStride + i];
            }
            return;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var rowI = b.RowSpan(i);
            for (int j = i + 1; j < n; j++)
            {
                T uij = u[i * uStride + j];
                if (uij != T.Zero)
                    TensorPrimitives.MultiplyAdd(b.RowSpan(j), -uij, rowI, rowI);
            }
            TensorPrimitives.Divide(rowI, u[i * uStride + i], rowI);
        }
    }

    /// <summary>Solves Uᵀ·X = B in place; U is the upper triangle of the leading n×n block of <paramref name="u"/>.</summary>
    public static void SolveUpperTransposed<T>(T[] u, int uStride, int n, Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (b.Columns == 1)
        {
            var x = b.AsSpan();
            for (int i = 0; i < n; i++)
            {
                x[i] /= u[i * uStride + i];
                int tail = n - i - 1;
                TensorPrimitives.MultiplyAdd(u.AsSpan(i * uStride + i + 1, tail), -x[i], x.Slice(i + 1, tail), x.Slice(i + 1, tail));
            }
            return;
        }
        for (int i = 0; i < n; i++)
        {
            var rowI = b.RowSpan(i);
            TensorPrimitives.Divide(rowI, u[i * uStride + i], rowI);
            for (int j = i + 1; j < n; j++)
            {
                T uij = u[i * uStride + j];
                if (uij != T.Zero)
                {
                    var rowJ = b.RowSpan(j);
                    TensorPrimitives.MultiplyAdd(rowI, -uij, rowJ, rowJ);
                }
            }
        }
    }
}
