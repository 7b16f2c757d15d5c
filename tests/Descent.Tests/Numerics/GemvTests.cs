using System.Numerics;
using Descent.Numerics;
using static Descent.Tests.Numerics.GemmReference;

namespace Descent.Tests.Numerics;

[Collection("Parallelism")]
public class GemvTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, 0)]
    [InlineData(1, 1)]
    [InlineData(7, 13)]
    [InlineData(64, 33)]
    [InlineData(600, 500)]   // large enough to use two threads
    public void Gemv_MatchesNaiveProduct_BothOrientations(int m, int k)
    {
        Check<double>(m, k);
        Check<float>(m, k);
    }

    private static void Check<T>(int m, int k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = Random<T>(m, k, 21);
        var x = Random<T>(1, k + 3, 22).Row(0).Slice(3, k);
        var xStrided = Random<T>(k, 3, 23).Column(1);
        var y0 = Random<T>(m, 2, 24).Column(1);     // strided y
        T alpha = T.CreateTruncating(-1.25), beta = T.CreateTruncating(0.5);
        foreach (var xs in new[] { x, xStrided })
        {
            foreach (var matrix in new[] { a, a.Transpose().Copy().Transpose() })  // contiguous rows, contiguous columns
            {
                var y = y0.Copy();
                Blas.Gemv(alpha, matrix, xs, beta, y);
                AssertProduct(alpha, matrix, xs.AsColumnMatrix(), beta, y0.AsColumnMatrix(), y.AsColumnMatrix());
                var yt = new Vec<T>(k);
                Blas.Gemv(alpha, matrix, y0, T.Zero, yt, transposeA: true);
                AssertProduct(alpha, matrix.Transpose(), y0.AsColumnMatrix(), T.Zero, yt.AsColumnMatrix(), yt.AsColumnMatrix());
            }
        }
    }

    [Fact]
    public void Gemv_BetaZero_DoesNotReadY()
    {
        var a = Random<double>(9, 4, 25);
        var x = Random<double>(4, 1, 26).Column(0);
        var y = Vec<double>.Wrap(Enumerable.Repeat(double.NaN, 9).ToArray());
        Blas.Gemv(2.0, a, x, 0.0, y);
        AssertProduct(2.0, a, x.AsColumnMatrix(), 0.0, y.AsColumnMatrix(), y.AsColumnMatrix());
    }

    [Fact]
    public void Gemv_IsBitIdentical_ForOneAndTwoThreads()
    {
        foreach (var a in new[] { Random<double>(700, 600, 27), Random<double>(600, 700, 27).Transpose() })
        {
            var x = Random<double>(600, 1, 28).Column(0);
            var one = new Vec<double>(700);
            var two = new Vec<double>(700);
            ThreadCount.With(1, () => Blas.Gemv(1.0, a, x, 0.0, one));
            ThreadCount.With(2, () => Blas.Gemv(1.0, a, x, 0.0, two));
            Assert.Equal(one.ToArray(), two.ToArray());
        }
    }

    [Fact]
    public void Gemv_Throws_WhenLengthsDiffer()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Blas.Gemv(1.0, new Matrix<double>(3, 4), new Vec<double>(5), 0.0, new Vec<double>(3)));
        Assert.Contains("3×4", error.Message);
        Assert.Contains("x of length 4", error.Message);
    }
}
