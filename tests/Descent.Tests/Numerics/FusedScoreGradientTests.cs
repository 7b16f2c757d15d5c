using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Gemm;
using Descent.Numerics.Random;

namespace Descent.Tests.Numerics;

/// <summary>The one-pass Z = XWᵀ, G = rule(Z), α·GᵀX against the same three steps done one after the other.</summary>
[Collection("Parallelism")]
public class FusedScoreGradientTests
{
    /// <summary>Runs the pass with the rule g = z² − 1 (row by row) and returns (Z, G, result).</summary>
    private static (double[] Z, double[] G, double[] Result) RunPass(Matrix<double> x, double[] w, int k, bool inPlace)
    {
        var pass = new FusedScoreGradient(x, k);
        var z = new double[x.Rows * k];
        var g = inPlace ? z : new double[x.Rows * k];
        var result = new double[k * x.Columns];
        var zCopy = new double[x.Rows * k];
        pass.Run(w, z, (first, count) =>
        {
            for (int i = first * k; i < (first + count) * k; i++)
            {
                zCopy[i] = z[i];
                g[i] = z[i] * z[i] - 1;
            }
        }, g, 0.5, result);
        return (zCopy, g, result);
    }

    private static void AssertMatchesDefinition(Matrix<double> x, double[] w, int k, bool inPlace)
    {
        var (z, g, result) = RunPass(x, w, k, inPlace);
        var expectedZ = new Matrix<double>(x.Rows, k);
        Blas.Gemm(1.0, x, Matrix.Wrap(w, k, x.Columns), 0.0, expectedZ, transposeB: true);
        for (int i = 0; i < z.Length; i++)
            Assert.Equal(expectedZ.AsSpan()[i], z[i], 1e-12 * Math.Max(1, Math.Abs(z[i])));
        var expected = new Matrix<double>(k, x.Columns);
        Blas.Gemm(0.5, Matrix.Wrap(g, x.Rows, k), x, 0.0, expected, transposeA: true);
        double scale = expected.AsSpan().ToArray().Max(Math.Abs) + 1;
        for (int i = 0; i < result.Length; i++)
            Assert.Equal(expected.AsSpan()[i], result[i], 1e-12 * scale * x.Rows);
    }

    [Theory]
    [InlineData(0, 5, 3)]
    [InlineData(1, 1, 1)]
    [InlineData(37, 11, 1)]
    [InlineData(300, 784, 10)]
    [InlineData(5000, 37, 3)]
    public void Run_MatchesXWTransposeThenGTransposeX(int rows, int columns, int k)
    {
        var rng = new Rng(3);
        var x = Matrix.RandomNormal<double>(rows, columns, rng);
        var w = Matrix.RandomNormal<double>(k, columns, rng).ToArray();
        AssertMatchesDefinition(x, w, k, inPlace: true);
        AssertMatchesDefinition(x, w, k, inPlace: false);
    }

    [Fact]
    public void Run_OnAColumnView_AndOnEveryKernelPath_MatchesTheDefinition()
    {
        var rng = new Rng(4);
        var x = Matrix.RandomNormal<double>(2100, 50, rng).Slice(3, 2090, 7, 40);
        var w = Matrix.RandomNormal<double>(4, 40, rng).ToArray();
        AssertMatchesDefinition(x, w, 4, inPlace: true);
        AssertMatchesDefinition(x.Transpose().Copy().Transpose(), w, 4, inPlace: true); // rows not contiguous
        var saved = GemmDriver.KernelPath;
        try
        {
            foreach (var path in new[] { GemmKernelPath.Avx2, GemmKernelPath.Scalar })
            {
                GemmDriver.KernelPath = path;
                AssertMatchesDefinition(x, w, 4, inPlace: false);
                AssertMatchesDefinition(x, w.AsSpan(0, 3 * 40).ToArray(), 3, inPlace: true);
            }
        }
        finally
        {
            GemmDriver.KernelPath = saved;
        }
    }

    [Fact]
    public void Run_GivesTheSameBitsForOneAndTwoThreads()
    {
        var rng = new Rng(5);
        var x = Matrix.RandomNormal<double>(9000, 60, rng);
        var w = Matrix.RandomNormal<double>(3, 60, rng).ToArray();
        var one = ThreadCount.With(1, () => RunPass(x, w, 3, inPlace: true));
        var two = ThreadCount.With(2, () => RunPass(x, w, 3, inPlace: true));
        Assert.Equal(one.Result, two.Result);
        Assert.Equal(one.Z, two.Z);
    }
}
