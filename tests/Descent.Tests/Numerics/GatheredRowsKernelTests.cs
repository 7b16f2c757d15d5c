using Descent.Numerics;
using Descent.Numerics.Kernels;

namespace Descent.Tests.Numerics;

/// <summary>The gathered-rows pass against the sums written out one row at a time, in the same order.</summary>
public class GatheredRowsKernelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(50)]
    public void Residuals_EqualTheSumsOverTheIndexedRows(int batch)
    {
        var rng = new Random(5);
        var x = new Matrix<double>(60, 13);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
                x[i, j] = rng.NextDouble() * 4 - 2;
        double[] y = Enumerable.Range(0, x.Rows).Select(_ => rng.NextDouble()).ToArray();
        double[] w = Enumerable.Range(0, x.Columns).Select(_ => rng.NextDouble() - 0.5).ToArray();
        int[] rows = Enumerable.Range(0, batch).Select(_ => rng.Next(x.Rows)).ToArray();
        const double b = 0.25;

        var gradient = new double[x.Columns];
        var (squares, sum) = GatheredRowsKernel.Residuals(x, rows, w, b, y, gradient);

        double expectedSquares = 0, expectedSum = 0;
        var expectedGradient = new double[x.Columns];
        foreach (int i in rows)
        {
            double r = b - y[i];
            double dot = 0;
            for (int j = 0; j < x.Columns; j++)
                dot += x[i, j] * w[j];
            r += dot;
            expectedSquares += r * r;
            expectedSum += r;
            for (int j = 0; j < x.Columns; j++)
                expectedGradient[j] += r * x[i, j];
        }
        Assert.Equal(expectedSquares, squares, 1e-12);
        Assert.Equal(expectedSum, sum, 1e-12);
        for (int j = 0; j < x.Columns; j++)
            Assert.Equal(expectedGradient[j], gradient[j], 1e-12);

        var (lossOnly, _) = GatheredRowsKernel.Residuals(x, rows, w, b, y, Span<double>.Empty);
        Assert.Equal(squares, lossOnly);
    }

    [Fact]
    public void Gather_CopiesTheIndexedRowsInOrder()
    {
        var x = new Matrix<float>(40, 70);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
                x[i, j] = i * 1000 + j;
        int[] rows = [39, 0, 7, 7, 12, 3, 38, 21, 5];
        var batch = new Matrix<float>(rows.Length, x.Columns);
        GatheredRowsKernel.Gather(x, rows, batch);
        for (int k = 0; k < rows.Length; k++)
            Assert.Equal(x.RowSpan(rows[k]).ToArray(), batch.RowSpan(k).ToArray());
    }
}
