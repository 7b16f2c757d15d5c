using Descent.Numerics;
using Descent.Numerics.Gemm;

namespace Descent.Tests.Numerics;

/// <summary>The streaming few-output products (AVX2 and AVX-512) against naive sums, over shapes that cross every tile edge.</summary>
public class SkinnyGemmTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        // rows, p, K: tiles of 4 rows, 4/2/1 classes for the dots; 32 columns, 2/1 classes for the accumulation
        { 1, 1, 1 }, { 3, 5, 2 }, { 4, 4, 4 }, { 7, 31, 3 }, { 9, 32, 1 }, { 13, 33, 10 }, { 17, 64, 5 },
        { 40, 101, 7 }, { 64, 784, 10 }, { 5, 3, 11 }, { 12, 47, 6 }, { 8, 8, 5 }, { 9, 200, 16 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RowDots_MatchesNaiveDotProducts_OnAView(int rows, int p, int k)
    {
        // X is a window of a wider matrix, so row strides differ from the row length.
        var wide = GemmReference.Random<double>(rows + 2, p + 3, seed: (ulong)(rows * 1000 + p));
        var x = wide.Slice(1, rows, 2, p);
        var w = GemmReference.Random<double>(k, p, seed: 5);
        foreach (bool avx512 in new[] { false, true })
        {
            var z = new double[rows * k + 1];
            z[^1] = 42;   // a sentinel just past Z
            if (avx512)
                SkinnyGemm.Avx512.RowDots(x, w, z.AsSpan(0, rows * k));
            else
                SkinnyGemm.RowDots(x, w, z.AsSpan(0, rows * k));
            GemmReference.AssertProduct(1.0, x, w.Transpose(), 0.0, new Matrix<double>(rows, k), new Matrix<double>(z, 0, rows, k, k, 1));
            Assert.Equal(42, z[^1]);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AccumulateTransposed_AddsGTransposeX_ToWhatIsThere(int rows, int p, int k)
    {
        var wide = GemmReference.Random<double>(rows + 2, p + 3, seed: (ulong)(rows * 1000 + p + 1));
        var x = wide.Slice(1, rows, 2, p);
        var g = GemmReference.Random<double>(rows, k, seed: 6);
        foreach (bool avx512 in new[] { false, true })
        {
            // C is a window of a wider matrix whose other elements must keep their values.
            var big = GemmReference.Random<double>(k + 2, p + 5, seed: 7);
            var c = big.Slice(1, k, 2, p);
            var before = big.Copy();
            var c0 = c.Copy();
            if (avx512)
                SkinnyGemm.Avx512.AccumulateTransposed(g.AsSpan(), x, c);
            else
                SkinnyGemm.AccumulateTransposed(g.AsSpan(), x, c);
            GemmReference.AssertProduct(1.0, g.Transpose(), x, 1.0, c0, c);
            for (int i = 0; i < big.Rows; i++)
                for (int j = 0; j < big.Columns; j++)
                    if (i < 1 || i > k || j < 2 || j >= 2 + p)
                        Assert.Equal(before[i, j], big[i, j]);
        }
    }
}
