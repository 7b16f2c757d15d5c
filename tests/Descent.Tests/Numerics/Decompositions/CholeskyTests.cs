using Descent.Numerics;
using Descent.Numerics.Decompositions;

namespace Descent.Tests.Numerics.Decompositions;

public class CholeskyTests
{
    private static Matrix<double> RandomSpd(int n, ulong seed)
    {
        var b = Naive.Random(n + 3, n, seed);
        return Matrix.FromArray(Naive.Multiply(b, b, transposeA: true));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(80)]
    public void Factor_ReproducesA_WithLowerTriangularPositiveDiagonal(int n)
    {
        var a = RandomSpd(n, (ulong)n);
        var l = Cholesky.Factor(a).L;
        for (int i = 0; i < n; i++)
        {
            Assert.True(l[i, i] > 0);
            for (int j = i + 1; j < n; j++)
                Assert.Equal(0.0, l[i, j]);
        }
        Naive.AssertClose(Naive.ToArray2D(a), Matrix.FromArray(Naive.Multiply(l, l, transposeB: true)), 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(40)]
    public void Solve_MatchesGaussJordan(int n)
    {
        var a = RandomSpd(n, 100 + (ulong)n);
        var b = Naive.RandomVector(n, 7);
        Naive.AssertClose(Naive.Solve(Naive.ToArray2D(a), b), Cholesky.Solve(a, b), 1e-9);

        var bs = Naive.Random(n, 3, 8);
        var x = Cholesky.Factor(a).Solve(bs);
        Naive.AssertClose(Naive.ToArray2D(bs), Matrix.FromArray(Naive.Multiply(a, x)), 1e-9);
    }

    [Fact]
    public void Factor_ReadsOnlyTheLowerTriangle_AndAcceptsStridedViews()
    {
        var a = RandomSpd(6, 3);
        var upperGarbage = a.Copy();
        for (int i = 0; i < 6; i++)
            for (int j = i + 1; j < 6; j++)
                upperGarbage[i, j] = double.NaN;
        Naive.AssertClose(Naive.ToArray2D(Cholesky.Factor(a).L), Cholesky.Factor(upperGarbage).L, 1e-15);
        Naive.AssertClose(Naive.ToArray2D(Cholesky.Factor(a).L), Cholesky.Factor(a.Transpose()).L, 1e-12);
    }

    [Fact]
    public void Factor_Throws_NamingThePivot_WhenNotPositiveDefinite()
    {
        var a = Matrix.FromArray(new double[,] { { 4, 2, 0 }, { 2, 5, 1 }, { 0, 1, -3 } });
        var error = Assert.Throws<NotPositiveDefiniteException>(() => Cholesky.Factor(a));
        Assert.Equal(2, error.PivotIndex);
        Assert.Equal(-3.25, error.PivotValue, 12);
        Assert.StartsWith("Cholesky: matrix is not positive definite (pivot 2 = -3.25e+00).", error.Message);
        Assert.Contains("LeastSquares.Solve", error.Message);
    }

    [Fact]
    public void Factor_Throws_ForSingularGramMatrix_AndUsesTheCallersHint()
    {
        // Columns 0 and 1 of X are equal, so XᵀX is singular: pivot 1 is exactly 0.
        var x = Matrix.FromArray(new double[,] { { 1, 1 }, { 2, 2 }, { 3, 3 } });
        var gram = Matrix.FromArray(Naive.Multiply(x, x, transposeA: true));
        var error = Assert.Throws<NotPositiveDefiniteException>(() => Cholesky.Factor(gram, "Use Alpha > 0."));
        Assert.Equal(1, error.PivotIndex);
        Assert.EndsWith("Use Alpha > 0.", error.Message);
    }

    [Fact]
    public void Factor_Throws_ForNonSquare_NamingTheShape()
    {
        var error = Assert.Throws<ArgumentException>(() => Cholesky.Factor(new Matrix<double>(2, 3)));
        Assert.Contains("2×3", error.Message);
    }

    [Fact]
    public void Factor_WorksInFloat()
    {
        var a = RandomSpd(12, 5);
        var af = new Matrix<float>(12, 12);
        for (int i = 0; i < 12; i++)
            for (int j = 0; j < 12; j++)
                af[i, j] = (float)a[i, j];
        var ld = Cholesky.Factor(a).L;
        var lf = Cholesky.Factor(af).L;
        for (int i = 0; i < 12; i++)
            for (int j = 0; j <= i; j++)
                Assert.True(Math.Abs(ld[i, j] - lf[i, j]) <= 1e-4 * (1 + Math.Abs(ld[i, j])));
    }

    [Fact]
    public void LogDeterminant_MatchesProductOfLuPivots()
    {
        var a = RandomSpd(9, 11);
        Assert.Equal(Math.Log(Lu.Factor(a).Determinant()), Cholesky.Factor(a).LogDeterminant(), 9);
    }
}
