using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Gemm;
using static Descent.Tests.Numerics.GemmReference;

namespace Descent.Tests.Numerics;

[Collection("Parallelism")]
public class SyrkTests
{
    /// <summary>n (C is n×n) and k: the tiny direct loop, the unpacked path (one-vector and wide kernels, k across its
    /// 512 block), and the packed path (n·512·sizeof(T) above 1 MB), with n off every tile size.</summary>
    public static TheoryData<int, int> Shapes() => new()
    {
        { 1, 1 }, { 1, 9 }, { 2, 1 }, { 3, 5 }, { 7, 30 }, { 8, 300 }, { 9, 40 }, { 16, 70 }, { 17, 33 }, { 24, 24 },
        { 25, 200 }, { 33, 600 }, { 101, 2048 }, { 104, 96 }, { 130, 1030 }, { 300, 530 }, { 530, 300 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Syrk_MatchesNaiveProduct_BothTransposes(int n, int k)
    {
        Check<double>(n, k);
        Check<float>(n, k);
    }

    private static void Check<T>(int n, int k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = Random<T>(n, k, 31);
        var at = a.Transpose().Copy();
        var c0 = Symmetric(Random<T>(n, n, 32));
        T alpha = T.CreateTruncating(0.75), beta = T.CreateTruncating(-1.5);
        foreach (bool transposed in new[] { false, true })
        {
            var c = c0.Copy();
            Blas.Syrk(alpha, transposed ? at : a, beta, c, transposeA: transposed);
            AssertProduct(alpha, a, a.Transpose(), beta, c0, c);
            AssertSymmetric(c);
        }
    }

    [Theory]
    [InlineData(20, 50)]
    [InlineData(101, 700)]
    [InlineData(300, 530)]
    public void Syrk_LowerTriangle_IsBitIdenticalToGemm_OnTheSameOperands(int n, int k)
    {
        foreach (bool transposed in new[] { false, true })
        {
            var a = transposed ? Random<double>(k, n, 33).Transpose() : Random<double>(n, k, 33);
            var c0 = Symmetric(Random<double>(n, n, 34));
            var syrk = c0.Copy();
            var gemm = c0.Copy();
            Blas.Syrk(2.0, a, 0.5, syrk);
            Blas.Gemm(2.0, a, a.Transpose(), 0.5, gemm);
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                    Assert.Equal(gemm[i, j], syrk[i, j]);
        }
    }

    [Theory]
    [InlineData(5, 4)]
    [InlineData(60, 90)]
    [InlineData(300, 530)]
    public void Syrk_ReadsOnlyTheLowerTriangleOfC(int n, int k)
    {
        var a = Random<double>(n, k, 35);
        var c0 = Symmetric(Random<double>(n, n, 36));
        var c = c0.Copy();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                c[i, j] = double.NaN;
        Blas.Syrk(1.0, a, 2.0, c);
        AssertProduct(1.0, a, a.Transpose(), 2.0, c0, c);
        AssertSymmetric(c);
    }

    [Theory]
    [InlineData(6, 3)]
    [InlineData(70, 80)]
    [InlineData(300, 530)]
    public void Syrk_BetaZero_DoesNotReadC(int n, int k)
    {
        var a = Random<float>(n, k, 37);
        var c = Matrix.Filled(n, n, float.NaN);
        Blas.Syrk(1f, a, 0f, c);
        AssertProduct(1f, a, a.Transpose(), 0f, new Matrix<float>(n, n), c);
    }

    [Theory]
    [InlineData(40, 30)]
    [InlineData(101, 3000)]
    [InlineData(260, 700)]
    public void Syrk_IsBitIdentical_ForOneAndTwoThreads(int n, int k)
    {
        var a = Random<double>(k, n, 38);
        var one = ThreadCount.With(1, () => Gram(a));
        var two = ThreadCount.With(2, () => Gram(a));
        Assert.Equal(one.ToArray(), two.ToArray());
        var af = Random<float>(n, k, 39);
        var oneF = ThreadCount.With(1, () => Outer(af));
        var twoF = ThreadCount.With(2, () => Outer(af));
        Assert.Equal(oneF.ToArray(), twoF.ToArray());

        static Matrix<double> Gram(Matrix<double> a)
        {
            var c = new Matrix<double>(a.Columns, a.Columns);
            Blas.Syrk(1.0, a, 0.0, c, transposeA: true);
            return c;
        }

        static Matrix<float> Outer(Matrix<float> a)
        {
            var c = new Matrix<float>(a.Rows, a.Rows);
            Blas.Syrk(1f, a, 0f, c);
            return c;
        }
    }

    [Theory]
    [InlineData(nameof(GemmKernelPath.Avx512))]
    [InlineData(nameof(GemmKernelPath.Avx2))]
    [InlineData(nameof(GemmKernelPath.Scalar))]
    public void Syrk_EachKernelPath_MatchesNaiveProduct(string pathName)
    {
        var saved = GemmDriver.KernelPath;
        try
        {
            GemmDriver.KernelPath = Enum.Parse<GemmKernelPath>(pathName);
            foreach (var (n, k) in new[] { (29, 41), (130, 300), (300, 530) })
            {
                Check<double>(n, k);
                Check<float>(n, k);
            }
        }
        finally
        {
            GemmDriver.KernelPath = saved;
        }
    }

    [Fact]
    public void Syrk_OnStridedViews_LeavesTheRestOfCUntouched()
    {
        var bigA = Random<double>(90, 70, 40);
        var a = bigA.Slice(3, 40, 5, 60).Transpose();           // 60×40 with no unit column stride
        var bigC = Random<double>(70, 75, 41);
        var c = bigC.Slice(4, 60, 9, 60);
        for (int i = 0; i < 60; i++)
            for (int j = 0; j < 60; j++)
                c[i, j] = c[j, i];
        var before = bigC.Copy();
        var c0 = c.Copy();
        Blas.Syrk(1.0, a, 1.0, c);
        AssertProduct(1.0, a, a.Transpose(), 1.0, c0, c);
        for (int i = 0; i < bigC.Rows; i++)
            for (int j = 0; j < bigC.Columns; j++)
                if (i < 4 || i >= 64 || j < 9 || j >= 69)
                    Assert.Equal(before[i, j], bigC[i, j]);
    }

    [Fact]
    public void Syrk_Throws_WhenCIsNotSquareOfTheRightSize_NamingBothShapes()
    {
        var a = new Matrix<double>(4, 7);
        var error = Assert.Throws<ArgumentException>(() => Blas.Syrk(1.0, a, 0.0, new Matrix<double>(7, 7)));
        Assert.Contains("4×7", error.Message);
        Assert.Contains("op(A)·op(A)ᵀ is 4×4 but C is 7×7", error.Message);
        error = Assert.Throws<ArgumentException>(() => Blas.Syrk(1.0, a, 0.0, new Matrix<double>(4, 7), transposeA: true));
        Assert.Contains("op(A)·op(A)ᵀ is 7×7 but C is 4×7", error.Message);
    }

    private static Matrix<T> Symmetric<T>(Matrix<T> m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < i; j++)
                m[j, i] = m[i, j];
        return m;
    }

    private static void AssertSymmetric<T>(Matrix<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < c.Rows; i++)
            for (int j = 0; j < i; j++)
                if (c[i, j] != c[j, i])
                    Assert.Fail($"C[{i}, {j}] = {c[i, j]} but C[{j}, {i}] = {c[j, i]}.");
    }
}
