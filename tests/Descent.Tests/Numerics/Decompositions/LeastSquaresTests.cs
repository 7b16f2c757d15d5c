using Descent.Numerics;
using Descent.Numerics.Decompositions;

namespace Descent.Tests.Numerics.Decompositions;

public class LeastSquaresTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(40, 6)]
    [InlineData(200, 30)]
    [InlineData(700, 5)]
    public void Solve_FullColumnRank_MatchesNormalEquations_AndResidualIsOrthogonal(int m, int n)
    {
        var a = Naive.Random(m, n, (ulong)(m + 7 * n));
        var b = Naive.RandomVector(m, 99);
        var solution = LeastSquares.Solve(a, b);
        Assert.Equal(n, solution.Rank);
        var expected = Naive.Solve(Naive.Multiply(a, a, transposeA: true), QrTests.Mul(a.Transpose(), b));
        Naive.AssertClose(expected, solution.Coefficients, 1e-9);

        var residual = QrTests.Mul(a, solution.Coefficients);
        double rss = 0;
        for (int i = 0; i < m; i++)
        {
            residual[i] -= b[i];
            rss += residual[i] * residual[i];
        }
        var gradient = QrTests.Mul(a.Transpose(), residual);
        foreach (double g in gradient)
            Assert.True(Math.Abs(g) < 1e-10 * m, $"Aᵀ(Ax − b) = {g}");
        Assert.Equal(rss, solution.ResidualSumOfSquares[0], 1e-9 * (1 + rss));
    }

    [Theory]
    [InlineData(12)]   // m ≤ 2n: pivoted QR of A itself
    [InlineData(40)]   // m > 2n: reduced first by the row-streaming QR (one block)
    [InlineData(600)]  // several blocks of rows, the last one partial
    public void Solve_RankDeficientTall_GivesThePseudoinverseSolution(int rows)
    {
        // A = B·C (B m×3 full column rank, C 3×7 full row rank): pinv(A) = Cᵀ(CCᵀ)⁻¹(BᵀB)⁻¹Bᵀ.
        var bFactor = Naive.Random(rows, 3, 11);
        var cFactor = Naive.Random(3, 7, 12);
        var a = Matrix.FromArray(Naive.Multiply(bFactor, cFactor));
        var rhs = Naive.RandomVector(rows, 13);
        var u = Naive.Solve(Naive.Multiply(bFactor, bFactor, transposeA: true), QrTests.Mul(bFactor.Transpose(), rhs));
        var v = Naive.Solve(Naive.Multiply(cFactor, cFactor, transposeB: true), u);
        var expected = QrTests.Mul(cFactor.Transpose(), v);

        var solution = LeastSquares.Solve(a, rhs);
        Assert.Equal(3, solution.Rank);
        Naive.AssertClose(expected, solution.Coefficients, 1e-9);
    }

    [Fact]
    public void Solve_DuplicatedColumns_SplitsTheWeightEvenly()
    {
        // y = 2·x exactly, x duplicated: every (w, 2 − w) fits; the minimum-norm one is (1, 1).
        var a = Matrix.FromArray(new double[,] { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 4 } });
        var solution = LeastSquares.Solve(a, [2.0, 4.0, 6.0, 8.0]);
        Assert.Equal(1, solution.Rank);
        Naive.AssertClose([1.0, 1.0], solution.Coefficients, 1e-13);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(3, 8)]
    [InlineData(10, 11)]
    public void Solve_Wide_GivesTheMinimumNormInterpolant(int m, int n)
    {
        // Full row rank: x = Aᵀ(AAᵀ)⁻¹b, and A·x = b exactly.
        var a = Naive.Random(m, n, (ulong)(3 * m + n));
        var b = Naive.RandomVector(m, 5);
        var expected = QrTests.Mul(a.Transpose(), Naive.Solve(Naive.Multiply(a, a, transposeB: true), b));
        var solution = LeastSquares.Solve(a, b);
        Assert.Equal(m, solution.Rank);
        Naive.AssertClose(expected, solution.Coefficients, 1e-9);
        Naive.AssertClose(b, QrTests.Mul(a, solution.Coefficients), 1e-10);
    }

    [Fact]
    public void Solve_ZeroMatrix_GivesZero_AndSeveralRightHandSidesAreIndependent()
    {
        var zero = LeastSquares.Solve(new Matrix<double>(3, 2), [1.0, 2.0, 3.0]);
        Assert.Equal(0, zero.Rank);
        Assert.Equal([0.0, 0.0], zero.Coefficients);
        Assert.Equal(14.0, zero.ResidualSumOfSquares[0], 12);

        var a = Naive.Random(15, 4, 21);
        var bs = Naive.Random(15, 3, 22);
        var together = LeastSquares.Solve(a, bs).X;
        for (int j = 0; j < 3; j++)
            Naive.AssertClose(LeastSquares.Solve(a, bs.Column(j).ToArray()).Coefficients, together.Column(j).ToArray(), 1e-12);
    }

    [Fact]
    public void Solve_RcondControlsTheRank()
    {
        var a = Matrix.FromArray(new double[,] { { 1, 0 }, { 0, 1e-9 }, { 0, 0 } });
        Assert.Equal(2, LeastSquares.Solve(a, [1.0, 1.0, 0.0]).Rank);
        var truncated = LeastSquares.Solve(a, [1.0, 1.0, 0.0], rcond: 1e-6);
        Assert.Equal(1, truncated.Rank);
        Naive.AssertClose([1.0, 0.0], truncated.Coefficients, 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => LeastSquares.Solve(a, [1.0, 1.0, 0.0], rcond: -1.0));
    }

    [Fact]
    public void Solve_Throws_WhenRowCountsDiffer()
    {
        var error = Assert.Throws<ArgumentException>(() => LeastSquares.Solve(new Matrix<double>(4, 2), [1.0, 2.0]));
        Assert.Contains("4×2", error.Message);
        Assert.Contains("A has 4 rows but B has 2", error.Message);
    }

    [Fact]
    public void Solve_WorksInFloat()
    {
        var a = Matrix.FromArray(new float[,] { { 1, 1 }, { 1, 2 }, { 1, 3 } });
        var x = LeastSquares.Solve(a, [1f, 2f, 2f]).Coefficients;
        Assert.Equal(2f / 3f, x[0], 5);
        Assert.Equal(0.5f, x[1], 5);
    }
}
