using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Decompositions;

/// <summary>
/// Linear least squares min ‖A·x − b‖₂ for any m × n matrix A (tall, wide, rank-deficient), returning the
/// minimum-norm solution as numpy.linalg.lstsq, scipy.linalg.lstsq and scikit-learn's LinearRegression do.
/// </summary>
public static class LeastSquares
{
    /// <summary>Solves min ‖A·x − b‖ for one right-hand side; see <see cref="Solve{T}(Matrix{T}, Matrix{T}, T?)"/>.</summary>
    public static LeastSquaresSolution<T> Solve<T>(Matrix<T> a, ReadOnlySpan<T> b, T? rcond = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Solve(a, Matrix.ColumnVector(b), rcond);

    /// <summary>
    /// Solves min ‖A·X − B‖_F column by column, by a complete orthogonal decomposition (LAPACK gelsy):
    /// A·P = Q·[R₁₁ R₁₂; 0 R₂₂] by pivoted QR; the rank r counts |R[k,k]| &gt; rcond·|R[0,0]| (R₂₂ is treated as 0);
    /// [R₁₁ R₁₂] = [T 0]·Z by a second QR of its transpose; then X = P·Zᵀ·[T⁻¹·(QᵀB)[0..r); 0], the solution of
    /// least norm among all minimizers. The default <paramref name="rcond"/> is ε·max(m, n), numpy's.
    /// When m &gt; 2n, A is first reduced to its n × n triangular factor by a row-streaming Householder QR (same
    /// minimizers, one pass over A). A and B are not changed.
    /// </summary>
    /// <param name="a">The m × n design matrix.</param>
    /// <param name="b">The m × k right-hand sides.</param>
    /// <param name="rcond">Relative rank cutoff; pivots below rcond·|R[0,0]| count as zero.</param>
    /// <exception cref="ArgumentException">A and B do not have the same number of rows.</exception>
    public static LeastSquaresSolution<T> Solve<T>(Matrix<T> a, Matrix<T> b, T? rcond = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows)
            ThrowHelper.ShapeMismatch("LeastSquares.Solve", a.Shape, b.Shape,
                $"A has {a.Rows} rows but B has {b.Rows}; every equation needs one right-hand side");
        if (rcond is { } given && !(given >= T.Zero))
            throw new ArgumentOutOfRangeException(nameof(rcond), given, "LeastSquares.Solve: rcond must be >= 0.");
        T cutoff = rcond ?? Qr<T>.DefaultRcond(a.Rows, a.Columns);
        if (a.Rows > 2 * a.Columns)
        {
            // Tall: ‖Ax − b‖² = ‖Rx − c‖² + ρ, so the n × n problem has the same (minimum-norm) solution.
            var (r, c, rho) = StreamingQr.Reduce(a, b);
            var reduced = SolveByCompleteOrthogonalDecomposition(r, c, cutoff);
            TensorPrimitives.Add(rho, reduced.Residuals, reduced.Residuals);
            return reduced;
        }
        return SolveByCompleteOrthogonalDecomposition(a, b, cutoff);
    }

    private static LeastSquaresSolution<T> SolveByCompleteOrthogonalDecomposition<T>(Matrix<T> a, Matrix<T> b, T rcond)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Columns, k = b.Columns;
        var qr = Qr.FactorPivoted(a);
        int rank = qr.Rank(rcond);
        var c = b.Copy();
        qr.ApplyQTranspose(c);

        var residuals = new T[k];
        for (int i = rank; i < m; i++)
        {
            var row = c.RowSpan(i);
            TensorPrimitives.MultiplyAdd(row, row, residuals, residuals);
        }

        var y = new Matrix<T>(n, k);
        if (rank > 0)
        {
            var z = y.RowRange(0, rank);
            c.RowRange(0, rank).CopyTo(z);
            T[] packed = qr.Packed.Data;
            if (rank == n)
                Triangular.SolveUpper(packed, n, n, z);
            else
                SolveTrapezoidalMinimumNorm(packed, rank, n, y);
        }

        var x = new Matrix<T>(n, k);
        var permutation = qr.Permutation;
        for (int j = 0; j < n; j++)
            y.RowSpan(j).CopyTo(x.RowSpan(permutation[j]));
        return new LeastSquaresSolution<T>(x, rank, residuals);
    }

    /// <summary>
    /// With W = [R₁₁ R₁₂] (the first r rows of the packed R, r × n) and the right-hand sides in rows [0, r) of
    /// <paramref name="y"/> (rows r.. zero), overwrites y with the minimum-norm solution of W·y = z:
    /// Wᵀ = Z₁·S by thin QR (S r × r upper), so W = Sᵀ·Z₁ᵀ and y = Z·[S⁻ᵀ·z; 0].
    /// </summary>
    private static void SolveTrapezoidalMinimumNorm<T>(T[] packed, int rank, int n, Matrix<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var wTransposed = new Matrix<T>(n, rank);
        for (int i = 0; i < rank; i++)
            for (int j = i; j < n; j++)
                wTransposed.Data[j * rank + i] = packed[i * n + j];
        var second = Qr.Factor(wTransposed);
        Triangular.SolveUpperTransposed(second.Packed.Data, rank, rank, y.RowRange(0, rank));
        second.ApplyQ(y);
    }
}

/// <summary>The result of <see cref="LeastSquares"/>: the minimum-norm minimizer, the numerical rank and the residuals.</summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class LeastSquaresSolution<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal LeastSquaresSolution(Matrix<T> x, int rank, T[] residuals)
    {
        X = x;
        Rank = rank;
        Residuals = residuals;
    }

    /// <summary>The residual sums of squares, writable for the tall-problem reduction.</summary>
    internal T[] Residuals { get; }

    /// <summary>The n × k solution (one column per right-hand side).</summary>
    public Matrix<T> X { get; }

    /// <summary>The first column of <see cref="X"/> as an array: the solution for a single right-hand side.</summary>
    public T[] Coefficients => X.Column(0).ToArray();

    /// <summary>The numerical rank of A used for the solution.</summary>
    public int Rank { get; }

    /// <summary>‖A·x − b‖² for each right-hand side (computed as ‖(Qᵀb)[r..m)‖²).</summary>
    public IReadOnlyList<T> ResidualSumOfSquares => Residuals;
}
