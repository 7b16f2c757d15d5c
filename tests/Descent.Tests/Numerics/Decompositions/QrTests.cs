using Descent.Numerics;
using Descent.Numerics.Decompositions;

namespace Descent.Tests.Numerics.Decompositions;

public class QrTests
{
    public static TheoryData<int, int, bool> Shapes => new()
    {
        { 1, 1, false }, { 1, 1, true }, { 1, 4, false }, { 5, 1, true }, { 6, 3, false }, { 6, 3, true },
        { 3, 6, false }, { 3, 6, true }, { 20, 20, true }, { 61, 9, false }, { 61, 9, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Factor_QIsOrthonormal_RIsUpper_AndQRIsA(int m, int n, bool pivoting)
    {
        var a = Naive.Random(m, n, (ulong)(m * 100 + n));
        var qr = pivoting ? Qr.FactorPivoted(a) : Qr.Factor(a);
        var q = qr.Q;
        var r = qr.R;
        int k = Math.Min(m, n);
        Assert.Equal((m, k), (q.Rows, q.Columns));
        Assert.Equal((k, n), (r.Rows, r.Columns));
        Naive.AssertClose(Naive.ToArray2D(Matrix.Identity<double>(k)), Matrix.FromArray(Naive.Multiply(q, q, transposeA: true)), 1e-13);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < i; j++)
                Assert.Equal(0.0, r[i, j]);
        var permuted = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                permuted[i, j] = a[i, qr.Permutation[j]];
        Naive.AssertClose(permuted, Matrix.FromArray(Naive.Multiply(q, r)), 1e-12);
        if (pivoting)
        {
            var diagonal = qr.DiagonalMagnitudes();
            for (int i = 1; i < diagonal.Length; i++)
                Assert.True(diagonal[i] <= diagonal[i - 1] * (1 + 1e-12), $"|R[{i},{i}]| grows");
        }
    }

    [Fact]
    public void FactorPivoted_RevealsTheRank()
    {
        // 30×8 of rank 3: X = B·C with B 30×3 and C 3×8.
        var x = Matrix.FromArray(Naive.Multiply(Naive.Random(30, 3, 1), Naive.Random(3, 8, 2)));
        var qr = Qr.FactorPivoted(x);
        Assert.Equal(3, qr.Rank());
        Assert.True(qr.DiagonalMagnitudes()[3] < 1e-12 * qr.DiagonalMagnitudes()[0]);
        Assert.Equal(0, Qr.FactorPivoted(new Matrix<double>(4, 3)).Rank());
    }

    [Fact]
    public void ApplyQTranspose_ThenApplyQ_IsTheIdentity()
    {
        var qr = Qr.Factor(Naive.Random(12, 5, 3));
        var b = Naive.Random(12, 2, 4);
        var c = b.Copy();
        qr.ApplyQTranspose(c);
        qr.ApplyQ(c);
        Naive.AssertClose(Naive.ToArray2D(b), c, 1e-13);
    }

    [Fact]
    public void Solve_IsTheLeastSquaresSolution_AndThrowsWhenRankDeficient()
    {
        var a = Naive.Random(25, 4, 5);
        var b = Naive.RandomVector(25, 6);
        var normal = Naive.Solve(Naive.Multiply(a, a, transposeA: true), Mul(a.Transpose(), b));
        Naive.AssertClose(normal, Qr.Factor(a).Solve(b), 1e-10);
        Naive.AssertClose(normal, Qr.FactorPivoted(a).Solve(b), 1e-10);

        var duplicated = Matrix.FromArray(new double[,] { { 1, 1 }, { 2, 2 }, { 3, 3 } });
        var error = Assert.Throws<SingularMatrixException>(() => Qr.FactorPivoted(duplicated).Solve([1.0, 2.0, 3.0]));
        Assert.Equal(1, error.PivotIndex);
    }

    [Fact]
    public void Factor_WorksInFloat()
    {
        var a = Matrix.FromArray(new float[,] { { 3, 1 }, { 4, 2 }, { 0, 5 } });
        var qr = Qr.Factor(a);
        var q = qr.Q;
        var r = qr.R;
        Assert.Equal(5f, Math.Abs(r[0, 0]), 5);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 2; j++)
            {
                float sum = 0;
                for (int p = 0; p < 2; p++)
                    sum += q[i, p] * r[p, j];
                Assert.Equal(a[i, j], sum, 5);
            }
    }

    internal static double[] Mul(Matrix<double> a, double[] x)
    {
        var y = new double[a.Rows];
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++)
                y[i] += a[i, j] * x[j];
        return y;
    }
}
