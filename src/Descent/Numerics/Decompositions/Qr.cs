using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Decompositions;

/// <summary>Householder QR factorization A = Q·R, optionally with column pivoting A·P = Q·R (numpy.linalg.qr, scipy.linalg.qr).</summary>
public static class Qr
{
    /// <summary>
    /// Factors the m × n matrix <paramref name="a"/> as A = Q·R with Householder reflections (LAPACK geqr2):
    /// Q = H₀·H₁·…·H_{k−1} (k = min(m, n)) is orthogonal and R is upper triangular (trapezoidal when n &gt; m).
    /// <paramref name="a"/> is not changed.
    /// </summary>
    public static Qr<T> Factor<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
        => Compute(a, pivoting: false);

    /// <summary>
    /// Rank-revealing QR with column pivoting, A·P = Q·R (LAPACK geqp3; scipy.linalg.qr(pivoting=True)): at step
    /// k the remaining column of largest norm is moved to position k, so |R[0,0]| ≥ |R[1,1]| ≥ … and the number
    /// of |R[k,k]| above a relative tolerance estimates the rank. Column norms are downdated after each step and
    /// recomputed when cancellation makes the downdate unreliable (LAPACK's laqp2 rule).
    /// </summary>
    public static Qr<T> FactorPivoted<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
        => Compute(a, pivoting: true);

    private static Qr<T> Compute<T>(Matrix<T> a, bool pivoting) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        int m = a.Rows, n = a.Columns, steps = Math.Min(m, n);
        var qr = a.Copy();
        T[] d = qr.Data;
        var tau = new T[steps];
        var permutation = new int[n];
        for (int j = 0; j < n; j++)
            permutation[j] = j;
        var work = new T[n];
        T[] norms = [], referenceNorms = [];
        if (pivoting)
        {
            norms = ColumnNorms(d, m, n);
            referenceNorms = (T[])norms.Clone();
        }
        T tolerance = T.Sqrt(Householder.Epsilon<T>());
        for (int k = 0; k < steps; k++)
        {
            if (pivoting)
            {
                int best = k;
                for (int j = k + 1; j < n; j++)
                    if (norms[j] > norms[best])
                        best = j;
                if (best != k)
                {
                    for (int i = 0; i < m; i++)
                        (d[i * n + k], d[i * n + best]) = (d[i * n + best], d[i * n + k]);
                    (permutation[k], permutation[best]) = (permutation[best], permutation[k]);
                    (norms[k], norms[best]) = (norms[best], norms[k]);
                    (referenceNorms[k], referenceNorms[best]) = (referenceNorms[best], referenceNorms[k]);
                }
            }
            tau[k] = Householder.Generate(d, n, m, k, k);
            Householder.ApplyLeft<T>(d, n, k, m, k, tau[k], d, n, k + 1, n - k - 1, work);
            if (pivoting)
                DowndateNorms(d, m, n, k, norms, referenceNorms, tolerance);
        }
        return new Qr<T>(qr, tau, pivoting ? permutation : null);
    }

    private static T[] ColumnNorms<T>(T[] d, int m, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sums = new T[n];
        for (int i = 0; i < m; i++)
        {
            var row = d.AsSpan(i * n, n);
            TensorPrimitives.MultiplyAdd(row, row, sums, sums);
        }
        TensorPrimitives.Sqrt<T>(sums, sums);
        return sums;
    }

    /// <summary>‖A[k+1.., j]‖ from ‖A[k.., j]‖ after step k: norm·√(1 − (A[k,j]/norm)²), recomputed when unreliable.</summary>
    private static void DowndateNorms<T>(T[] d, int m, int n, int k, T[] norms, T[] referenceNorms, T tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = k + 1; j < n; j++)
        {
            if (norms[j] == T.Zero)
                continue;
            T ratio = T.Abs(d[k * n + j]) / norms[j];
            T factor = T.Max(T.Zero, T.One - ratio * ratio);
            T relative = norms[j] / referenceNorms[j];
            if (factor * relative * relative <= tolerance)
            {
                T scale = T.Zero, sum = T.One;
                for (int i = k + 1; i < m; i++)
                {
                    T value = T.Abs(d[i * n + j]);
                    if (value == T.Zero)
                        continue;
                    if (value > scale)
                    {
                        sum = T.One + sum * (scale / value) * (scale / value);
                        scale = value;
                    }
                    else
                        sum += (value / scale) * (value / scale);
                }
                norms[j] = scale * T.Sqrt(sum);
                referenceNorms[j] = norms[j];
            }
            else
                norms[j] *= T.Sqrt(factor);
        }
    }
}

/// <summary>
/// The factors of A = Q·R (or A·P = Q·R with pivoting), stored compactly as LAPACK does: R on and above the
/// diagonal, the Householder vectors below it, and their scalars τ.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Qr<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Matrix<T> _qr;
    private readonly T[] _tau;
    private readonly int[]? _permutation;

    internal Qr(Matrix<T> qr, T[] tau, int[]? permutation)
    {
        _qr = qr;
        _tau = tau;
        _permutation = permutation;
    }

    /// <summary>Rows m of A.</summary>
    public int Rows => _qr.Rows;

    /// <summary>Columns n of A.</summary>
    public int Columns => _qr.Columns;

    /// <summary>Number of reflectors, min(m, n).</summary>
    public int Steps => _tau.Length;

    /// <summary>Column j of R belongs to column <c>Permutation[j]</c> of A (the identity without pivoting).</summary>
    public IReadOnlyList<int> Permutation => _permutation ?? Enumerable.Range(0, Columns).ToArray();

    /// <summary>The upper trapezoidal factor R, min(m, n) × n (the "reduced" R of numpy.linalg.qr).</summary>
    public Matrix<T> R
    {
        get
        {
            var r = new Matrix<T>(Steps, Columns);
            for (int i = 0; i < Steps; i++)
                _qr.Data.AsSpan(i * Columns + i, Columns - i).CopyTo(r.Data.AsSpan(i * Columns + i, Columns - i));
            return r;
        }
    }

    /// <summary>The thin orthogonal factor Q, m × min(m, n), with orthonormal columns: Q = H₀·…·H_{k−1}·I.</summary>
    public Matrix<T> Q
    {
        get
        {
            var q = new Matrix<T>(Rows, Steps);
            for (int i = 0; i < Steps; i++)
                q.Data[i * Steps + i] = T.One;
            var work = new T[Steps];
            for (int k = Steps - 1; k >= 0; k--)
                Householder.ApplyLeft<T>(_qr.Data, Columns, k, Rows, k, _tau[k], q.Data, Steps, k, Steps - k, work);
            return q;
        }
    }

    /// <summary>|R[k,k]|, in decreasing order when pivoted.</summary>
    public T[] DiagonalMagnitudes()
    {
        var diagonal = new T[Steps];
        for (int k = 0; k < Steps; k++)
            diagonal[k] = T.Abs(_qr.Data[k * Columns + k]);
        return diagonal;
    }

    /// <summary>
    /// Numerical rank: the number of |R[k,k]| &gt; rcond·|R[0,0]|. Meaningful with pivoting. The default rcond is
    /// ε·max(m, n), numpy.linalg.lstsq's default.
    /// </summary>
    public int Rank(T? rcond = null)
    {
        T cutoff = (rcond ?? DefaultRcond(Rows, Columns)) * (Steps == 0 ? T.Zero : T.Abs(_qr.Data[0]));
        int rank = 0;
        while (rank < Steps && T.Abs(_qr.Data[rank * Columns + rank]) > cutoff)
            rank++;
        return rank;
    }

    /// <summary>Overwrites the m × k matrix <paramref name="b"/> (contiguous) with Qᵀ·b = H_{k−1}·…·H₀·b.</summary>
    public void ApplyQTranspose(Matrix<T> b)
    {
        CheckRows(b, "Qr.ApplyQTranspose");
        var work = new T[b.Columns];
        for (int k = 0; k < Steps; k++)
            Householder.ApplyLeft<T>(_qr.Data, Columns, k, Rows, k, _tau[k], b.AsSpan(), b.Columns, 0, b.Columns, work);
    }

    /// <summary>Overwrites the m × k matrix <paramref name="b"/> (contiguous) with Q·b = H₀·…·H_{k−1}·b.</summary>
    public void ApplyQ(Matrix<T> b)
    {
        CheckRows(b, "Qr.ApplyQ");
        var work = new T[b.Columns];
        for (int k = Steps - 1; k >= 0; k--)
            Householder.ApplyLeft<T>(_qr.Data, Columns, k, Rows, k, _tau[k], b.AsSpan(), b.Columns, 0, b.Columns, work);
    }

    /// <summary>
    /// Least-squares solution of min ‖A·x − b‖ for A of full column rank (m ≥ n): x = P·R⁻¹·(Qᵀb)[0..n).
    /// For rank-deficient or wide A use <see cref="LeastSquares.Solve{T}(Matrix{T}, ReadOnlySpan{T}, T?)"/>.
    /// </summary>
    /// <exception cref="SingularMatrixException">A does not have full column rank (some |R[k,k]| ≤ ε·max(m,n)·|R[0,0]|).</exception>
    public T[] Solve(ReadOnlySpan<T> b)
    {
        if (b.Length != Rows)
            ThrowHelper.ShapeMismatch("Qr.Solve", _qr.Shape, new Shape(b.Length, 1), $"b needs {Rows} elements");
        int rank = Rank();
        if (rank < Columns)
        {
            double value = rank < Steps ? double.CreateChecked(_qr.Data[rank * Columns + rank]) : 0.0;
            throw new SingularMatrixException(
                $"Qr.Solve: A ({_qr.Shape}) does not have full column rank (pivot {rank} = " +
                $"{value.ToString("0.###e+00", CultureInfo.InvariantCulture)}); the least-squares solution is not unique. " +
                "Use LeastSquares.Solve for the minimum-norm solution.", rank, value);
        }
        var c = Matrix.ColumnVector(b);
        ApplyQTranspose(c);
        var head = c.RowRange(0, Columns).Copy();
        Triangular.SolveUpper(_qr.Data, Columns, Columns, head);
        var x = new T[Columns];
        for (int j = 0; j < Columns; j++)
            x[_permutation is null ? j : _permutation[j]] = head.Data[j];
        return x;
    }

    /// <summary>The compact storage (R above, reflectors below the diagonal); internal for the least-squares solver.</summary>
    internal Matrix<T> Packed => _qr;

    internal static T DefaultRcond(int rows, int columns) =>
        Householder.Epsilon<T>() * T.CreateChecked(Math.Max(Math.Max(rows, columns), 1));

    private void CheckRows(Matrix<T> b, string operation)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rows != Rows)
            ThrowHelper.ShapeMismatch(operation, _qr.Shape, b.Shape, $"the right-hand side needs {Rows} rows");
        if (!b.IsContiguous)
            ThrowHelper.NotContiguous(b.Shape, b.RowStride, b.ColumnStride);
    }
}
