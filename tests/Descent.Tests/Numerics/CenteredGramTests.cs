using Descent.Numerics;
using Descent.Numerics.Gemm;
using static Descent.Tests.Numerics.GemmReference;

namespace Descent.Tests.Numerics;

[Collection("Parallelism")]
public class CenteredGramTests
{
    /// <summary>Rows across the 512-row block and the 8 runs, columns across the 8-column padding of [X y], up to the
    /// packed SYRK path (p = 300).</summary>
    public static TheoryData<int, int> Shapes() => new()
    {
        { 1, 1 }, { 2, 3 }, { 5, 7 }, { 9, 8 }, { 40, 15 }, { 511, 16 }, { 512, 23 }, { 513, 4 }, { 1100, 100 },
        { 4700, 9 }, { 600, 300 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Centered_MatchesTwoPassCrossProducts(int n, int p)
    {
        var x = Random<double>(n, p, (ulong)(n * 7 + p));
        var y = Random<double>(n, 1, 5).AsSpan().ToArray();
        AssertMatches(Reference(x, y, center: true), CenteredGram.Compute(x, y, center: true), 1e-13);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Uncentered_MatchesXTransposeX(int n, int p)
    {
        var x = Random<double>(n, p, (ulong)(n * 5 + p));
        var y = Random<double>(n, 1, 6).AsSpan().ToArray();
        var products = CenteredGram.Compute(x, y, center: false);
        AssertMatches(Reference(x, y, center: false), products, 1e-13);
        Assert.All(products.XMean, m => Assert.Equal(0.0, m));
        Assert.Equal(0.0, products.YMean);
    }

    [Fact]
    public void Centered_StaysAccurate_ForDataFarFromZero()
    {
        // Columns at 1e6 with unit spread and a trend across blocks: the uncentred formula XᵀX − n·x̄x̄ᵀ would lose
        // about 12 of the 16 digits here; combining blocks about their own means loses none of them.
        int n = 5000, p = 6;
        var x = Random<double>(n, p, 11);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
                x[i, j] += 1e6 * (j + 1) + 0.001 * i;
            y[i] = -3e6 + x[i, 0] - 1e6 + 0.5 * x[i, 1] % 1.0;
        }
        AssertMatches(Reference(x, y, center: true), CenteredGram.Compute(x, y, center: true), 1e-13);
    }

    [Fact]
    public void StridedX_GivesTheSameBitsAsItsContiguousCopy()
    {
        var wide = Random<double>(60, 1300, 12);
        var x = wide.Slice(3, 40, 7, 1200).Transpose();   // 1200 × 40, neither stride 1
        var y = Random<double>(1200, 1, 13).AsSpan().ToArray();
        var strided = CenteredGram.Compute(x, y, center: true);
        var contiguous = CenteredGram.Compute(x.Copy(), y, center: true);
        Assert.Equal(contiguous.Gram.ToArray(), strided.Gram.ToArray());
        Assert.Equal(contiguous.XTy, strided.XTy);
        Assert.Equal(contiguous.XMean, strided.XMean);
        Assert.Equal(contiguous.YSquaredNorm, strided.YSquaredNorm);
    }

    [Theory]
    [InlineData(3000, 30)]
    [InlineData(9000, 101)]
    public void IsBitIdentical_ForOneAndTwoThreads(int n, int p)
    {
        var x = Random<double>(n, p, 14);
        var y = Random<double>(n, 1, 15).AsSpan().ToArray();
        var one = ThreadCount.With(1, () => CenteredGram.Compute(x, y, center: true));
        var two = ThreadCount.With(2, () => CenteredGram.Compute(x, y, center: true));
        Assert.Equal(one.Gram.ToArray(), two.Gram.ToArray());
        Assert.Equal(one.XTy, two.XTy);
        Assert.Equal(one.XMean, two.XMean);
        Assert.Equal(one.YMean, two.YMean);
        Assert.Equal(one.YSquaredNorm, two.YSquaredNorm);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteX_ShowsInItsColumnsMagnitude(double bad)
    {
        var x = Random<double>(1500, 5, 16);
        x[1234, 3] = bad;
        var y = new double[1500];
        foreach (bool center in new[] { true, false })
        {
            var products = ThreadCount.With(2, () => CenteredGram.Compute(x, y, center));
            Assert.False(double.IsFinite(products.ColumnMagnitudes[3]));
            Assert.All(new[] { 0, 1, 2, 4 }, j => Assert.True(double.IsFinite(products.ColumnMagnitudes[j])));
        }
    }

    /// <summary>Two passes, naively: the means, then sums of products of centred values.</summary>
    private static CrossProducts Reference(Matrix<double> x, double[] y, bool center)
    {
        int n = x.Rows, p = x.Columns;
        var mean = new double[p + 1];
        if (center)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < p; j++)
                    mean[j] += x[i, j];
                mean[p] += y[i];
            }
            for (int j = 0; j <= p; j++)
                mean[j] /= n;
        }
        var products = new Matrix<double>(p + 1, p + 1);
        var row = new double[p + 1];
        var magnitudes = new double[p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
                magnitudes[j] = Math.Max(magnitudes[j], Math.Abs(x[i, j]));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
                row[j] = x[i, j] - mean[j];
            row[p] = y[i] - mean[p];
            for (int a = 0; a <= p; a++)
                for (int b = 0; b <= p; b++)
                    products[a, b] += row[a] * row[b];
        }
        return new CrossProducts(products.Slice(0, p, 0, p).Copy(), products.RowSpan(p)[..p].ToArray(), products[p, p],
            mean[..p], mean[p], magnitudes);
    }

    /// <summary>Every cross product within <paramref name="relative"/> of the largest in its row and column (the
    /// scale of its rounding errors), the means to the same, the Gram exactly symmetric.</summary>
    private static void AssertMatches(CrossProducts expected, CrossProducts actual, double relative)
    {
        int p = expected.XTy.Length;
        Assert.Equal(p, actual.Gram.Rows);
        Assert.Equal(p, actual.Gram.Columns);
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                double scale = Math.Sqrt(expected.Gram[a, a] * expected.Gram[b, b]);
                Assert.True(Math.Abs(actual.Gram[a, b] - expected.Gram[a, b]) <= relative * scale,
                    $"G[{a}, {b}] = {actual.Gram[a, b]}, expected {expected.Gram[a, b]}");
                Assert.Equal(actual.Gram[a, b], actual.Gram[b, a]);
            }
            double xyScale = Math.Sqrt(expected.Gram[a, a] * expected.YSquaredNorm);
            Assert.True(Math.Abs(actual.XTy[a] - expected.XTy[a]) <= relative * xyScale,
                $"r[{a}] = {actual.XTy[a]}, expected {expected.XTy[a]}");
            Assert.Equal(expected.XMean[a], actual.XMean[a], relative * Math.Max(1, Math.Abs(expected.XMean[a])));
        }
        Assert.Equal(expected.ColumnMagnitudes, actual.ColumnMagnitudes);
        Assert.Equal(expected.YSquaredNorm, actual.YSquaredNorm, relative * expected.YSquaredNorm);
        Assert.Equal(expected.YMean, actual.YMean, relative * Math.Max(1, Math.Abs(expected.YMean)));
    }
}
