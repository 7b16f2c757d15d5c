using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Gemm;
using static Descent.Tests.Numerics.GemmReference;

namespace Descent.Tests.Numerics;

[Collection("Parallelism")]
public class GemmTests
{
    public static TheoryData<int, int, int> SmallShapes()
    {
        var data = new TheoryData<int, int, int>
        {
            { 0, 0, 0 }, { 0, 5, 3 }, { 4, 0, 3 }, { 4, 5, 0 }, { 1, 1, 1 }, { 1, 17, 9 }, { 17, 1, 9 }, { 13, 11, 1 },
            { 1, 70, 70 }, { 70, 1, 70 }, { 2, 3, 4 }, { 8, 24, 4 }, { 12, 32, 5 }, { 9, 25, 33 }, { 23, 31, 29 },
            { 24, 24, 24 }, { 25, 24, 24 }, { 48, 70, 3 }, { 70, 70, 70 }, { 61, 47, 67 }, { 5, 200, 7 }, { 200, 5, 7 },
        };
        var rng = new System.Random(7);
        for (int i = 0; i < 12; i++)
            data.Add(rng.Next(1, 71), rng.Next(1, 71), rng.Next(1, 71));
        return data;
    }

    public static TheoryData<int, int, int> LargeShapes() => new()
    {
        { 150, 270, 530 },   // crosses the double k-block (512) and both column blocks (192, 256)
        { 61, 97, 780 },     // crosses the float k-block (768), rows not a multiple of 8 or 12
        { 7, 700, 300 },     // short and wide: threads split columns
    };

    /// <summary>
    /// Products whose B fits in the L2 cache, which run unpacked with AVX-512: a 784-128-10 network's five products
    /// at batch 64 (forward X·W₁, H·W₂; backward Hᵀ·G₂, G₂·W₂ᵀ, Xᵀ·G₁), C with 2..17 columns (the one-vector kernels
    /// and the first wide one), k across the 512 k-block, and rows and columns that leave partial tiles.
    /// </summary>
    public static TheoryData<int, int, int> UnpackedShapes() => new()
    {
        { 64, 128, 784 }, { 64, 10, 128 }, { 128, 10, 64 }, { 64, 128, 10 }, { 784, 128, 64 },
        { 50, 2, 300 }, { 37, 7, 200 }, { 41, 8, 99 }, { 45, 9, 120 }, { 29, 15, 400 }, { 33, 16, 64 }, { 35, 17, 70 },
        { 30, 40, 1100 }, { 100, 100, 100 }, { 13, 25, 500 }, { 25, 33, 513 },
    };

    [Theory]
    [MemberData(nameof(UnpackedShapes))]
    public void Gemm_MatchesNaiveProduct_UnpackedShapes(int m, int n, int k)
    {
        AllTransposes<double>(m, n, k, views: false);
        AllTransposes<float>(m, n, k, views: false);
    }

    [Theory]
    [MemberData(nameof(SmallShapes))]
    public void Gemm_MatchesNaiveProduct_AllTransposes_Double(int m, int n, int k) => AllTransposes<double>(m, n, k);

    [Theory]
    [MemberData(nameof(SmallShapes))]
    public void Gemm_MatchesNaiveProduct_AllTransposes_Float(int m, int n, int k) => AllTransposes<float>(m, n, k);

    [Theory]
    [MemberData(nameof(LargeShapes))]
    public void Gemm_MatchesNaiveProduct_AcrossBlocks_Double(int m, int n, int k) => AllTransposes<double>(m, n, k, views: false);

    [Theory]
    [MemberData(nameof(LargeShapes))]
    public void Gemm_MatchesNaiveProduct_AcrossBlocks_Float(int m, int n, int k) => AllTransposes<float>(m, n, k, views: false);

    [Fact]
    public void Gemm_Unpacked_ARowsValuesDoNotDependOnThePanelItFallsIn()
    {
        // 64 rows: five 12-row panels, then one 4-row tail panel. Any four rows alone run on the tail kernel.
        var a = Random<float>(64, 784, 31);
        var b = Random<float>(784, 128, 32);
        var whole = new Matrix<float>(64, 128);
        Blas.Gemm(1f, a, b, 0f, whole);
        foreach (int first in new[] { 0, 24, 60 })
        {
            var part = new Matrix<float>(4, 128);
            Blas.Gemm(1f, a.Slice(first, 4, 0, 784), b, 0f, part);
            Assert.Equal(whole.Slice(first, 4, 0, 128).ToArray(), part.ToArray());
        }
    }

    /// <summary>op(A)·op(B) with the transposes given as flags and, separately, as transposed views.</summary>
    private static void AllTransposes<T>(int m, int n, int k, bool views = true) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = Random<T>(m, k, 1);
        var b = Random<T>(k, n, 2);
        var c0 = Random<T>(m, n, 3);
        T alpha = T.CreateTruncating(1.5), beta = T.CreateTruncating(-0.75);
        var at = a.Transpose().Copy();   // stored as k×m, used transposed
        var bt = b.Transpose().Copy();
        foreach (var (flagA, flagB) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var c = c0.Copy();
            Blas.Gemm(alpha, flagA ? at : a, flagB ? bt : b, beta, c, flagA, flagB);
            AssertProduct(alpha, a, b, beta, c0, c);
            if (!views)
                continue;
            c = c0.Copy();
            Blas.Gemm(alpha, flagA ? at.Transpose() : a, flagB ? bt.Transpose() : b, beta, c);
            AssertProduct(alpha, a, b, beta, c0, c);
        }
    }

    [Theory]
    [InlineData(5, 7, 3)]
    [InlineData(33, 29, 41)]
    [InlineData(90, 75, 60)]
    public void Gemm_WorksOnStridedSubViews_AndLeavesTheRestOfCUntouched(int m, int n, int k)
    {
        var bigA = Random<double>(m + 9, k + 7, 4);
        var bigB = Random<double>(n + 5, k + 3, 5);   // B is taken as a transposed slice: neither stride is 1
        var bigC = Random<double>(m + 4, 2 * n + 6, 6);
        var a = bigA.Slice(4, m, 3, k);
        var b = bigB.Slice(2, n, 1, k).Transpose();
        var c = bigC.Slice(1, m, 3, 2 * n).Transpose().Slice(0, 2 * n, 0, m).Transpose(); // plain slice of C
        var cEvery2 = new Matrix<double>(bigC.Data, bigC.Offset + bigC.RowStride + 3, m, n, bigC.RowStride, 2);
        var before = bigC.Copy();
        var c0 = cEvery2.Copy();

        Blas.Gemm(2.0, a, b, 0.5, cEvery2);

        AssertProduct(2.0, a, b, 0.5, c0, cEvery2);
        for (int i = 0; i < bigC.Rows; i++)
            for (int j = 0; j < bigC.Columns; j++)
            {
                bool inView = i >= 1 && i < 1 + m && j >= 3 && j < 3 + 2 * n && (j - 3) % 2 == 0;
                if (!inView)
                    Assert.Equal(before[i, j], bigC[i, j]);
            }
        Assert.Equal(m, c.Rows);
    }

    [Theory]
    [InlineData(3, 4, 5)]       // direct path
    [InlineData(40, 50, 60)]    // blocked path
    [InlineData(1, 50, 60)]     // row vector
    [InlineData(50, 1, 60)]     // matrix-vector
    public void Gemm_BetaZero_DoesNotReadC(int m, int n, int k)
    {
        var a = Random<double>(m, k, 8);
        var b = Random<double>(k, n, 9);
        var c = Matrix.Filled(m, n, double.NaN);
        Blas.Gemm(1.0, a, b, 0.0, c);
        AssertProduct(1.0, a, b, 0.0, c, c);
        Assert.DoesNotContain(c.ToArray(), double.IsNaN);
    }

    [Theory]
    [InlineData(40, 20, 30)]   // one-vector kernel (float), wide kernel (double)
    [InlineData(70, 60, 600)]  // two k-blocks
    public void Gemm_UnpackedOnStridedViews_MatchesNaiveProduct_AndLeavesTheRestOfCUntouched(int m, int n, int k)
    {
        StridedViews<double>(m, n, k);
        StridedViews<float>(m, n, k);
    }

    /// <summary>A with no unit stride, B read in place from a window of a wider matrix, C a window too: every element
    /// around the window keeps its sentinel value.</summary>
    private static void StridedViews<T>(int m, int n, int k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var bigA = Random<T>(2 * m + 3, 2 * k + 3, 21);
        var a = new Matrix<T>(bigA.Data, bigA.Offset + bigA.RowStride + 1, m, k, 2 * bigA.RowStride, 2);
        var b = Random<T>(k + 4, n + 9, 22).Slice(2, k, 5, n);
        var bigC = Random<T>(m + 6, n + 11, 23);
        var c = bigC.Slice(3, m, 7, n);
        var before = bigC.Copy();
        var c0 = c.Copy();
        T alpha = T.CreateTruncating(-1.25), beta = T.CreateTruncating(0.5);

        Blas.Gemm(alpha, a, b, beta, c);

        AssertProduct(alpha, a, b, beta, c0, c);
        for (int i = 0; i < bigC.Rows; i++)
            for (int j = 0; j < bigC.Columns; j++)
                if (i < 3 || i >= 3 + m || j < 7 || j >= 7 + n)
                    Assert.Equal(before[i, j], bigC[i, j]);
    }

    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(-2.0, 0.0)]
    [InlineData(0.5, -3.0)]
    public void Gemm_AppliesAlphaAndBeta(double alpha, double beta)
    {
        foreach (var (m, n, k) in new[] { (6, 5, 4), (45, 38, 51) })
        {
            var a = Random<double>(m, k, 10);
            var b = Random<double>(k, n, 11);
            var c0 = Random<double>(m, n, 12);
            var c = c0.Copy();
            Blas.Gemm(alpha, a, b, beta, c);
            AssertProduct(alpha, a, b, beta, c0, c);
        }
    }

    [Fact]
    public void Gemm_AlphaZero_ScalesCAndIgnoresNaNInA()
    {
        var a = Matrix.Filled(4, 3, double.NaN);
        var b = Random<double>(3, 5, 13);
        var c = Matrix.Filled(4, 5, 2.0);
        Blas.Gemm(0.0, a, b, 3.0, c);
        Assert.All(c.ToArray(), v => Assert.Equal(6.0, v));
    }

    public static TheoryData<int, int, int> ThreadShapes() => new()
    {
        { 10, 10, 10 }, { 1, 3000, 200 }, { 3000, 1, 200 }, { 200, 1, 3000 }, { 9, 2000, 200 }, { 130, 100, 600 },
        { 50, 60, 1000 }, { 1100, 30, 20 },   // one thread crosses the row block (1024)
        { 256, 128, 784 }, { 784, 128, 256 }, { 20, 1500, 40 },   // unpacked: rows split, columns split
    };

    [Theory]
    [MemberData(nameof(ThreadShapes))]
    public void Gemm_IsBitIdentical_ForOneAndTwoThreads(int m, int n, int k)
    {
        SameForOneAndTwoThreads<double>(m, n, k, false);
        SameForOneAndTwoThreads<double>(m, n, k, true);
        SameForOneAndTwoThreads<float>(m, n, k, false);
        SameForOneAndTwoThreads<float>(m, n, k, true);
    }

    private static void SameForOneAndTwoThreads<T>(int m, int n, int k, bool transposed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = transposed ? Random<T>(k, m, 14).Transpose() : Random<T>(m, k, 14);
        var b = transposed ? Random<T>(n, k, 15).Transpose() : Random<T>(k, n, 15);
        var c0 = Random<T>(m, n, 16);
        var one = c0.Copy();
        var two = c0.Copy();
        T alpha = T.CreateTruncating(0.7), beta = T.CreateTruncating(1.3);
        ThreadCount.With(1, () => Blas.Gemm(alpha, a, b, beta, one));
        ThreadCount.With(2, () => Blas.Gemm(alpha, a, b, beta, two));
        Assert.Equal(one.ToArray(), two.ToArray());
        AssertProduct(alpha, a, b, beta, c0, one);
    }

    [Theory]
    [InlineData(nameof(GemmKernelPath.Avx512))]
    [InlineData(nameof(GemmKernelPath.Avx2))]
    [InlineData(nameof(GemmKernelPath.Scalar))]
    public void Gemm_EachKernelPath_MatchesNaiveProduct(string pathName)
    {
        var path = Enum.Parse<GemmKernelPath>(pathName);
        Assert.Equal(path, GemmDriver.Resolve(path)); // this machine runs every path; elsewhere the next one down is used
        var saved = GemmDriver.KernelPath;
        try
        {
            GemmDriver.KernelPath = path;
            foreach (var (m, n, k) in new[] { (29, 37, 41), (97, 70, 300), (13, 300, 800) })
            {
                AllTransposes<double>(m, n, k, views: false);
                AllTransposes<float>(m, n, k, views: false);
                SameForOneAndTwoThreads<double>(m, n, k, transposed: true);
                SameForOneAndTwoThreads<float>(m, n, k, transposed: false);
            }
        }
        finally
        {
            GemmDriver.KernelPath = saved;
        }
    }

    [Fact]
    public void Gemm_Throws_WhenInnerDimensionsDiffer_NamingBothShapes()
    {
        var a = new Matrix<double>(3, 4);
        var b = new Matrix<double>(5, 2);
        var c = new Matrix<double>(3, 2);
        var error = Assert.Throws<ArgumentException>(() => Blas.Gemm(1.0, a, b, 0.0, c));
        Assert.Contains("3×4", error.Message);
        Assert.Contains("5×2", error.Message);
        Assert.Contains("op(A) has 4 columns but op(B) has 5 rows", error.Message);
    }

    [Fact]
    public void Gemm_Throws_WhenCHasTheWrongShape_NamingAllShapes()
    {
        var a = new Matrix<float>(3, 4);
        var b = new Matrix<float>(2, 4);
        var c = new Matrix<float>(2, 3);
        var error = Assert.Throws<ArgumentException>(() => Blas.Gemm(1f, a, b, 0f, c, transposeB: true));
        Assert.Contains("3×4", error.Message);
        Assert.Contains("4×2", error.Message);
        Assert.Contains("3×2 but C is 2×3", error.Message);
    }

    [Fact]
    public void Multiply_MatchesNaiveProduct()
    {
        var a = Random<double>(37, 52, 17);
        var b = Random<double>(52, 29, 18);
        var c = a.Multiply(b);
        AssertProduct(1.0, a, b, 0.0, new Matrix<double>(37, 29), c);
    }
}
