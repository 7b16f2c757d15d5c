using Descent.Numerics;
using Descent.Numerics.Decompositions;

namespace Descent.Tests.Numerics.Decompositions;

public class LuTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(64)]
    public void Factor_GivesPermutedLTimesU(int n)
    {
        var a = Naive.Random(n, n, 20 + (ulong)n);
        var lu = Lu.Factor(a);
        var product = Naive.Multiply(lu.L, lu.U);
        var permuted = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                permuted[i, j] = a[lu.Permutation[i], j];
        Naive.AssertClose(permuted, Matrix.FromArray(product), 1e-12);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(lu.L[i, j]) <= 1.0, "partial pivoting keeps |L[i,j]| <= 1");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(50)]
    public void Solve_MatchesGaussJordan(int n)
    {
        var a = Naive.Random(n, n, 40 + (ulong)n);
        var b = Naive.RandomVector(n, 41);
        Naive.AssertClose(Naive.Solve(Naive.ToArray2D(a), b), Lu.Solve(a, b), 1e-9);

        var bs = Naive.Random(n, 4, 42);
        var x = Lu.Solve(a.Transpose(), bs);
        Naive.AssertClose(Naive.ToArray2D(bs), Matrix.FromArray(Naive.Multiply(a.Transpose(), x)), 1e-9);
    }

    [Fact]
    public void Determinant_MatchesTheFormula()
    {
        var a = Matrix.FromArray(new double[,] { { 2, -1, 0 }, { 1, 3, 2 }, { 0, 5, -4 } });
        double expected = 2 * (3 * -4 - 2 * 5) - (-1) * (1 * -4 - 2 * 0);
        Assert.Equal(expected, Lu.Factor(a).Determinant(), 12);
    }

    [Fact]
    public void Solve_Throws_NamingTheSingularPivot()
    {
        var a = Matrix.FromArray(new double[,] { { 1, 2 }, { 2, 4 } });
        var lu = Lu.Factor(a);
        Assert.True(lu.IsSingular);
        Assert.Equal(0.0, lu.Determinant());
        var error = Assert.Throws<SingularMatrixException>(() => lu.Solve([1.0, 2.0]));
        Assert.Equal(1, error.PivotIndex);
        Assert.StartsWith("Lu.Solve: matrix is singular (pivot 1 = 0e+00", error.Message);
        Assert.Contains("LeastSquares.Solve", error.Message);
    }

    [Fact]
    public void Solve_Throws_WhenSingularOnlyToWorkingPrecision()
    {
        // Row 2 = row 0 + row 1 up to rounding: elimination leaves a pivot of order 1e-16, not exactly 0.
        var a = Matrix.FromArray(new double[,] { { 0.1, 0.2, 0.3 }, { 0.7, 0.5, 0.9 }, { 0.8, 0.7, 1.2 } });
        Assert.Throws<SingularMatrixException>(() => Lu.Solve(a, [1.0, 1.0, 1.0]));
    }

    [Fact]
    public void Solve_Throws_ForMismatchedRightHandSide()
    {
        var error = Assert.Throws<ArgumentException>(() => Lu.Solve(Matrix.Identity<double>(3), [1.0, 2.0]));
        Assert.Contains("3×3", error.Message);
        Assert.Contains("2×1", error.Message);
    }

    [Fact]
    public void Solve_WorksInFloat()
    {
        var a = Matrix.FromArray(new float[,] { { 4, 1 }, { 2, 3 } });
        var x = Lu.Solve(a, [1f, 2f]);
        Assert.Equal(0.1f, x[0], 6);
        Assert.Equal(0.6f, x[1], 6);
    }
}
