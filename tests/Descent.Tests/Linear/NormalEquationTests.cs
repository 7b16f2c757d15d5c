using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Linear;

[Collection("Parallelism")]
public class NormalEquationTests
{
    /// <summary>XcᵀXc and Xcᵀyc by the definition, one element at a time.</summary>
    private static (double[,] Gram, double[] XTy) Direct(Matrix<double> x, double[] y)
    {
        int m = x.Rows, n = x.Columns;
        var mean = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
                mean[j] += x[i, j];
            mean[j] /= m;
        }
        double yMean = y.Average();
        var gram = new double[n, n];
        var xty = new double[n];
        for (int i = 0; i < m; i++)
            for (int a = 0; a < n; a++)
            {
                double xa = x[i, a] - mean[a];
                xty[a] += xa * (y[i] - yMean);
                for (int b = 0; b < n; b++)
                    gram[a, b] += xa * (x[i, b] - mean[b]);
            }
        return (gram, xty);
    }

    [Fact]
    public void CenteredMoments_MatchTheDefinition_AcrossBlocksAndTiles()
    {
        // 4500 rows = nine 512-row blocks in eight runs; 260 columns (+ y and a column of ones: 264) take the packed SYRK.
        var rng = new Rng(11);
        var x = Matrix.RandomNormal<double>(4500, 260, rng);
        var y = Matrix.RandomNormal<double>(4500, 1, rng).ToArray();
        var moments = NormalEquation.ComputeMoments(x, y, center: true, "test");
        var (gram, xty) = Direct(x, y);
        for (int a = 0; a < 260; a++)
        {
            Assert.Equal(xty[a], moments.XTy[a], 1e-9 * 4500);
            for (int b = 0; b < 260; b++)
            {
                Assert.Equal(gram[a, b], moments.Gram[a, b], 1e-9 * 4500);
                Assert.Equal(moments.Gram[b, a], moments.Gram[a, b]);
            }
        }
    }

    [Fact]
    public void CenteredMoments_DoNotDependOnTheThreadCount()
    {
        var rng = new Rng(12);
        var x = Matrix.RandomNormal<double>(20000, 40, rng);
        var y = Matrix.RandomNormal<double>(20000, 1, rng).ToArray();
        var one = ThreadCount.With(1, () => NormalEquation.ComputeMoments(x, y, center: true, "test"));
        var three = ThreadCount.With(3, () => NormalEquation.ComputeMoments(x, y, center: true, "test"));
        Assert.Equal(one.Gram.ToArray(), three.Gram.ToArray());
        Assert.Equal(one.XTy, three.XTy);
    }
}
