using System.Numerics;
using Descent.Numerics.Gemm;

namespace Descent.Tests.Numerics;

/// <summary>
/// The packed layouts the micro-kernels read, element for element: A-panels hold A[i, p] at
/// (i / mr)·mr·depth + p·mr + i % mr and B-panels hold B[p, j] at (j / nr)·nr·depth + p·nr + j % nr, with zeros
/// padding the last panel. Shapes cover the 4×4 transposed blocks and what is left around them (line counts and
/// depths that are not multiples of 4), the wide copies of B's runs and runs of other widths.
/// </summary>
public unsafe class PackingTests
{
    public static TheoryData<int, int, int> PanelShapes() => new()
    {
        // rows (or columns), depth, panel width (mr or nr)
        { 1, 1, 4 }, { 3, 5, 4 }, { 4, 4, 4 }, { 12, 256, 12 }, { 13, 7, 12 }, { 25, 33, 12 }, { 11, 300, 12 },
        { 8, 16, 8 }, { 17, 9, 8 }, { 30, 130, 6 }, { 32, 64, 32 }, { 70, 19, 32 }, { 24, 20, 24 }, { 50, 3, 24 },
    };

    [Theory]
    [MemberData(nameof(PanelShapes))]
    public void PackA_RowMajorAndColumnMajor_PlacesEveryElementAndPadsWithZeros(int rows, int depth, int mr)
    {
        PackAMatches<float>(rows, depth, mr);
        PackAMatches<double>(rows, depth, mr);
    }

    [Theory]
    [MemberData(nameof(PanelShapes))]
    public void PackB_RowMajorAndColumnMajor_PlacesEveryElementAndPadsWithZeros(int columns, int depth, int nr)
    {
        PackBMatches<float>(columns, depth, nr);
        PackBMatches<double>(columns, depth, nr);
    }

    private static void PackAMatches<T>(int rows, int depth, int mr) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // A sits inside a wider array (stride 7 more than its width), in both layouts.
        foreach (bool rowMajor in new[] { true, false })
        {
            int stride = (rowMajor ? depth : rows) + 7;
            T[] source = Numbered<T>(stride * (rowMajor ? rows : depth));
            nint rowStride = rowMajor ? stride : 1, columnStride = rowMajor ? 1 : stride;
            int panels = (rows + mr - 1) / mr;
            T[] packed = Filled(panels * mr * depth, T.NaN);
            fixed (T* s = source)
            fixed (T* d = packed)
                Packing.PackA(s, rowStride, columnStride, rows, depth, mr, d);
            for (int i = 0; i < panels * mr; i++)
                for (int p = 0; p < depth; p++)
                {
                    T expected = i < rows ? source[i * rowStride + p * columnStride] : T.Zero;
                    T actual = packed[i / mr * mr * depth + p * mr + i % mr];
                    Assert.True(expected.Equals(actual), $"{typeof(T).Name} A[{i}, {p}] (row-major: {rowMajor}) packed as {actual}, expected {expected}.");
                }
        }
    }

    private static void PackBMatches<T>(int columns, int depth, int nr) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (bool rowMajor in new[] { true, false })
        {
            int stride = (rowMajor ? columns : depth) + 7;
            T[] source = Numbered<T>(stride * (rowMajor ? depth : columns));
            nint rowStride = rowMajor ? stride : 1, columnStride = rowMajor ? 1 : stride;
            int panels = (columns + nr - 1) / nr;
            T[] packed = Filled(panels * nr * depth, T.NaN);
            fixed (T* s = source)
            fixed (T* d = packed)
                Packing.PackB(s, rowStride, columnStride, depth, columns, nr, d);
            for (int j = 0; j < panels * nr; j++)
                for (int p = 0; p < depth; p++)
                {
                    T expected = j < columns ? source[p * rowStride + j * columnStride] : T.Zero;
                    T actual = packed[j / nr * nr * depth + p * nr + j % nr];
                    Assert.True(expected.Equals(actual), $"{typeof(T).Name} B[{p}, {j}] (row-major: {rowMajor}) packed as {actual}, expected {expected}.");
                }
        }
    }

    /// <summary>1, 2, 3, … so every element is told apart from every other and from the zero padding.</summary>
    private static T[] Numbered<T>(int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = T.CreateChecked(i + 1);
        return values;
    }

    private static T[] Filled<T>(int length, T value)
    {
        var values = new T[length];
        Array.Fill(values, value);
        return values;
    }
}
