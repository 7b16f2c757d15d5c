using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Decompositions;

/// <summary>Cholesky factorization A = L·Lᵀ of a symmetric positive definite matrix (numpy.linalg.cholesky).</summary>
public static class Cholesky
{
    /// <summary>
    /// Factors the symmetric positive definite matrix <paramref name="a"/> as L·Lᵀ with L lower triangular and a
    /// positive diagonal. Only the lower triangle of <paramref name="a"/> is read (as LAPACK's potrf with 'L');
    /// <paramref name="a"/> is not changed. Row-oriented Cholesky–Crout:
    /// L[i,j] = (A[i,j] − Σₖ₍ₖ₌₀..ⱼ₋₁₎ L[i,k]·L[j,k]) / L[j,j],  L[i,i] = √(A[i,i] − Σₖ L[i,k]²).
    /// </summary>
    /// <param name="a">The n × n matrix.</param>
    /// <param name="hint">Extra advice appended to the error message (e.g. what the caller can change).</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square.</exception>
    /// <exception cref="NotPositiveDefiniteException">A pivot A[k,k] − Σ L[k,j]² is not positive (or is NaN).</exception>
    public static Cholesky<T> Factor<T>(Matrix<T> a, string? hint = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns)
            ThrowHelper.ShapeMismatch("Cholesky", a.Shape, a.Shape, "the matrix must be square");
        int n = a.Rows;
        var l = new Matrix<T>(n, n);
        T[] data = l.Data;
        for (int i = 0; i < n; i++)
        {
            var rowI = data.AsSpan(i * n, n);
            for (int j = 0; j < i; j++)
            {
                T sum = a[i, j] - TensorPrimitives.Dot<T>(rowI[..j], data.AsSpan(j * n, j));
                rowI[j] = sum / data[j * n + j];
            }
            T pivot = a[i, i] - TensorPrimitives.Dot<T>(rowI[..i], rowI[..i]);
            if (!(pivot > T.Zero))
                throw NotPositiveDefinite(i, double.CreateChecked(pivot), hint);
            rowI[i] = T.Sqrt(pivot);
        }
        return new Cholesky<T>(l);
    }

    /// <summary>Solves A·x = b for symmetric positive definite A through its Cholesky factor.</summary>
    /// <exception cref="NotPositiveDefiniteException">A is not positive definite.</exception>
    public static T[] Solve<T>(Matrix<T> a, ReadOnlySpan<T> b, string? hint = null) where T : unmanaged, IFloatingPointIeee754<T>
        => Factor(a, hint).Solve(b);

    internal static NotPositiveDefiniteException NotPositiveDefinite(int pivotIndex, double pivotValue, string? hint) =>
        new($"Cholesky: matrix is not positive definite (pivot {pivotIndex} = " +
            $"{pivotValue.ToString("0.###e+00", CultureInfo.InvariantCulture)}). " +
            (hint ?? "A must be symmetric with positive eigenvalues; a Gram matrix XᵀX is singular when X has " +
                "linearly dependent columns: add a ridge term (A + λI) or use LeastSquares.Solve for the minimum-norm solution."),
            pivotIndex, pivotValue);
}

/// <summary>The Cholesky factor L of A = L·Lᵀ, with solvers for A·X = B.</summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Cholesky<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Matrix<T> _l;

    internal Cholesky(Matrix<T> l) => _l = l;

    /// <summary>Order n of A.</summary>
    public int Size => _l.Rows;

    /// <summary>A copy of the lower triangular factor L (zeros above the diagonal).</summary>
    public Matrix<T> L => _l.Copy();

    /// <summary>The smallest diagonal element of L (how close A came to losing positive definiteness).</summary>
    public T MinimumPivot()
    {
        T smallest = T.PositiveInfinity;
        for (int i = 0; i < Size; i++)
            smallest = T.Min(smallest, _l.Data[i * Size + i]);
        return smallest;
    }

    /// <summary>log det A = 2·Σ log L[i,i].</summary>
    public T LogDeterminant()
    {
        T sum = T.Zero;
        for (int i = 0; i < Size; i++)
            sum += T.Log(_l.Data[i * Size + i]);
        return sum + sum;
    }

    /// <summary>Solves A·X = B (B is n × k) by L·Y = B then Lᵀ·X = Y; returns X and leaves B unchanged.</summary>
    /// <exception cref="ArgumentException">B does not have n rows.</exception>
    public Matrix<T> Solve(Matrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rows != Size)
            ThrowHelper.ShapeMismatch("Cholesky.Solve", _l.Shape, b.Shape, $"B needs {Size} rows");
        var x = b.Copy();
        Triangular.SolveLower(_l.Data, Size, Size, x);
        Triangular.SolveLowerTransposed(_l.Data, Size, Size, x);
        return x;
    }

    /// <summary>Solves A·x = b for one right-hand side.</summary>
    /// <exception cref="ArgumentException">b does not have n elements.</exception>
    public T[] Solve(ReadOnlySpan<T> b)
    {
        if (b.Length != Size)
            ThrowHelper.ShapeMismatch("Cholesky.Solve", _l.Shape, new Shape(b.Length, 1), $"b needs {Size} elements");
        var x = Matrix.ColumnVector(b);
        Triangular.SolveLower(_l.Data, Size, Size, x);
        Triangular.SolveLowerTransposed(_l.Data, Size, Size, x);
        return x.Data;
    }
}
