using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Decompositions;

/// <summary>LU factorization with partial pivoting, P·A = L·U, and the square solver built on it (numpy.linalg.solve).</summary>
public static class Lu
{
    /// <summary>
    /// Factors the square matrix <paramref name="a"/> as P·A = L·U (L unit lower triangular, U upper triangular),
    /// choosing at step k the row with the largest |A[i,k]| (i ≥ k) as pivot, as LAPACK's getrf.
    /// Never throws for singular input: <see cref="Lu{T}.IsSingular"/> tells, and Solve throws.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square.</exception>
    public static Lu<T> Factor<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns)
            ThrowHelper.ShapeMismatch("Lu", a.Shape, a.Shape, "the matrix must be square");
        int n = a.Rows;
        var lu = a.Copy();
        T[] d = lu.Data;
        var permutation = new int[n];
        for (int i = 0; i < n; i++)
            permutation[i] = i;
        int sign = 1;
        var swap = new T[n];
        T largest = n == 0 ? T.Zero : TensorPrimitives.MaxMagnitude<T>(d);
        for (int k = 0; k < n; k++)
        {
            int pivotRow = k;
            T best = T.Abs(d[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                T candidate = T.Abs(d[i * n + k]);
                if (candidate > best)
                {
                    best = candidate;
                    pivotRow = i;
                }
            }
            if (pivotRow != k)
            {
                var rowK = d.AsSpan(k * n, n);
                var rowP = d.AsSpan(pivotRow * n, n);
                rowK.CopyTo(swap);
                rowP.CopyTo(rowK);
                swap.AsSpan().CopyTo(rowP);
                (permutation[k], permutation[pivotRow]) = (permutation[pivotRow], permutation[k]);
                sign = -sign;
            }
            T pivot = d[k * n + k];
            if (pivot == T.Zero)
                continue;
            var pivotTail = d.AsSpan(k * n + k + 1, n - k - 1);
            for (int i = k + 1; i < n; i++)
            {
                T factor = d[i * n + k] / pivot;
                d[i * n + k] = factor;
                if (factor != T.Zero)
                {
                    var rowTail = d.AsSpan(i * n + k + 1, n - k - 1);
                    TensorPrimitives.MultiplyAdd(pivotTail, -factor, rowTail, rowTail);
                }
            }
        }
        return new Lu<T>(lu, permutation, sign, largest);
    }

    /// <summary>Solves the square system A·x = b (numpy.linalg.solve).</summary>
    /// <exception cref="SingularMatrixException">A is singular to working precision.</exception>
    public static T[] Solve<T>(Matrix<T> a, ReadOnlySpan<T> b) where T : unmanaged, IFloatingPointIeee754<T>
        => Factor(a).Solve(b);

    /// <summary>Solves A·X = B for a square A and an n × k right-hand side.</summary>
    /// <exception cref="SingularMatrixException">A is singular to working precision.</exception>
    public static Matrix<T> Solve<T>(Matrix<T> a, Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T>
        => Factor(a).Solve(b);
}

/// <summary>The factors of P·A = L·U (stored packed: L's multipliers below the diagonal, U on and above it).</summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Lu<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Matrix<T> _lu;
    private readonly int[] _permutation;
    private readonly int _sign;

    internal Lu(Matrix<T> lu, int[] permutation, int sign, T largestMagnitude)
    {
        _lu = lu;
        _permutation = permutation;
        _sign = sign;
        int n = lu.Rows;
        T threshold = T.CreateChecked(Math.Max(n, 1)) * Householder.Epsilon<T>() * largestMagnitude;
        SingularPivot = -1;
        for (int k = 0; k < n; k++)
        {
            if (T.Abs(lu.Data[k * n + k]) <= threshold)
            {
                SingularPivot = k;
                break;
            }
        }
    }

    /// <summary>Order n of A.</summary>
    public int Size => _lu.Rows;

    /// <summary>
    /// True when some pivot |U[k,k]| ≤ n·ε·max|A[i,j]|: A is singular to working precision and A·x = b has no
    /// reliable unique solution.
    /// </summary>
    public bool IsSingular => SingularPivot >= 0;

    /// <summary>The first pivot index that made <see cref="IsSingular"/> true, or -1.</summary>
    public int SingularPivot { get; }

    /// <summary>Row i of P·A is row <c>Permutation[i]</c> of A.</summary>
    public IReadOnlyList<int> Permutation => _permutation;

    /// <summary>A copy of the unit lower triangular factor L.</summary>
    public Matrix<T> L
    {
        get
        {
            int n = Size;
            var l = Matrix.Identity<T>(n);
            for (int i = 0; i < n; i++)
                _lu.Data.AsSpan(i * n, i).CopyTo(l.Data.AsSpan(i * n, i));
            return l;
        }
    }

    /// <summary>A copy of the upper triangular factor U.</summary>
    public Matrix<T> U
    {
        get
        {
            int n = Size;
            var u = new Matrix<T>(n, n);
            for (int i = 0; i < n; i++)
                _lu.Data.AsSpan(i * n + i, n - i).CopyTo(u.Data.AsSpan(i * n + i, n - i));
            return u;
        }
    }

    /// <summary>det A = sign(P)·Π U[k,k] (0 for a singular matrix, as numpy.linalg.det).</summary>
    public T Determinant()
    {
        T product = T.CreateChecked(_sign);
        for (int k = 0; k < Size; k++)
            product *= _lu.Data[k * Size + k];
        return product;
    }

    /// <summary>Solves A·X = B (B is n × k): permutes B, then L·Y = P·B and U·X = Y. B is unchanged.</summary>
    /// <exception cref="SingularMatrixException">A is singular to working precision (<see cref="IsSingular"/>).</exception>
    public Matrix<T> Solve(Matrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rows != Size)
            ThrowHelper.ShapeMismatch("Lu.Solve", _lu.Shape, b.Shape, $"B needs {Size} rows");
        ThrowIfSingular();
        var x = new Matrix<T>(Size, b.Columns);
        for (int i = 0; i < Size; i++)
            b.Row(_permutation[i]).AsRowMatrix().CopyTo(x.RowRange(i, 1));
        SolveInPlace(x);
        return x;
    }

    /// <summary>Solves A·x = b for one right-hand side.</summary>
    /// <exception cref="SingularMatrixException">A is singular to working precision.</exception>
    public T[] Solve(ReadOnlySpan<T> b)
    {
        if (b.Length != Size)
            ThrowHelper.ShapeMismatch("Lu.Solve", _lu.Shape, new Shape(b.Length, 1), $"b needs {Size} elements");
        ThrowIfSingular();
        var x = new Matrix<T>(Size, 1);
        for (int i = 0; i < Size; i++)
            x.Data[i] = b[_permutation[i]];
        SolveInPlace(x);
        return x.Data;
    }

    private void SolveInPlace(Matrix<T> x)
    {
        var data = _lu.Data;
        int n = Size;
        // L has a unit diagonal: forward substitution without the division.
        for (int i = 0; i < n; i++)
        {
            var rowI = x.RowSpan(i);
            for (int j = 0; j < i; j++)
            {
                T lij = data[i * n + j];
                if (lij != T.Zero)
                    TensorPrimitives.MultiplyAdd(x.RowSpan(j), -lij, rowI, rowI);
            }
        }
        Triangular.SolveUpper(data, n, n, x);
    }

    private void ThrowIfSingular()
    {
        if (!IsSingular)
            return;
        double value = double.CreateChecked(_lu.Data[SingularPivot * Size + SingularPivot]);
        throw new SingularMatrixException(
            $"Lu.Solve: matrix is singular (pivot {SingularPivot} = {value.ToString("0.###e+00", CultureInfo.InvariantCulture)}, " +
            $"below {Size}·ε·max|A|); A·x = b has no unique solution. Use LeastSquares.Solve for the minimum-norm " +
            "least-squares solution, or check for duplicated or linearly dependent rows and columns.",
            SingularPivot, value);
    }
}
