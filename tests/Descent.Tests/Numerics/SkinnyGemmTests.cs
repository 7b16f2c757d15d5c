using Descent.Numerics;
using Descent.Numerics.Gemm;

namespace Descent.Tests.Numerics;

/// <summary>The streaming few-output products against naive sums, over shapes that cross every tile edge.</summary>
public class SkinnyGemmTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        // rows, p, K: tiles of 4 rows, 4/2/1 classes for the dots; 32 columns, 2/1 classes for the accumulation
        { 1, 1, 1 }, { 3, 5, 2 }, { 4, 4, 4 }, { 7, 31, 3 }, { 9, 32, 1 }, { 13, 33, 10 }, { 17, 64, 5 },
        { 40, 101, 7 }, { 64, 784, 10 }, { 5, 3, 11 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RowDots_MatchesNaiveDotProducts_OnAView(int rows, int p, int k)
    {
        // X is a window of a wider matrix, so row strides differ from the row length.
        var wide = GemmReference.Random<double>(rows + 2, p + 3, seed: (ulong)(rows * 1000 + p));
        var x = wide.Slice(1, rows, 2, p);
        var w = GemmReference.Random<double>(k, p, seed: 5);
        var z = new double[rows * k];
        SkinnyGemm.RowDots(x, w, z);
        GemmReference.AssertProduct(1.0, x, w.Transpose(), 0.0, new Matrix<double>(rows, k), Matrix.Wrap(z, rows, k));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AccumulateTransposed_AddsGTransposeX_ToWhatIsThere(int rows, int p, int k)
    {
        var wide = GemmReference.Random<double>(rows + 2, p + 3, seed: (ulong)(rows * 1000 + p + 1));
        var x = wide.Slice(1, rows, 2, p);
        var g = GemmReference.Random<double>(rows, k, seed: 6);
        var c0 = GemmReference.Random<double>(k, p, seed: 7);
        var c = c0.Copy();
        SkinnyGemm.AccumulateTransposed(g.AsSpan(), x, c);
        GemmReference.AssertProduct(1.0, g.Transpose(), x, 1.0, c0, c);
    }
}
