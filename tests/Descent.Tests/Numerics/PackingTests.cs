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
        PanelsMatch<float>(rows, depth, mr, packB: false);
        PanelsMatch<double>(rows, depth, mr, packB: false);
    }

    [Theory]
    [MemberData(nameof(PanelShapes))]
    public void PackB_RowMajorAndColumnMajor_PlacesEveryElementAndPadsWithZeros(int columns, int depth, int nr)
    {
        PanelsMatch<float>(columns, depth, nr, packB: true);
        PanelsMatch<double>(columns, depth, nr, packB: true);
    }

    /// <summary>
    /// Packs <paramref name="lanes"/> lines (A's rows, or B's columns with <paramref name="packB"/>) of
    /// <paramref name="depth"/> steps each, stored line after line and then step after step, inside a wider array
    /// (7 more than needed), and checks packed[(l / width)·width·depth + p·width + l % width] = element (l, p).
    /// </summary>
    private static void PanelsMatch<T>(int lanes, int depth, int width, bool packB) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (bool lineAfterLine in new[] { true, false })
        {
            int stride = (lineAfterLine ? depth : lanes) + 7;
            T[] source = Numbered<T>(stride * (lineAfterLine ? lanes : depth));
            nint laneStride = lineAfterLine ? stride : 1, stepStride = lineAfterLine ? 1 : stride;
            int panels = (lanes + width - 1) / width;
            T[] packed = Filled(panels * width * depth, T.NaN);
            fixed (T* s = source)
            fixed (T* d = packed)
            {
                if (packB)
                    Packing.PackB(s, stepStride, laneStride, depth, lanes, width, d); // B[p, j] at p·rowStride + j·columnStride
                else
                    Packing.PackA(s, laneStride, stepStride, lanes, depth, width, d);
            }
            for (int l = 0; l < panels * width; l++)
                for (int p = 0; p < depth; p++)
                {
                    T expected = l < lanes ? source[l * laneStride + p * stepStride] : T.Zero;
                    T actual = packed[l / width * width * depth + p * width + l % width];
                    Assert.True(expected.Equals(actual),
                        $"{(packB ? "B" : "A")} ({typeof(T).Name}, line after line: {lineAfterLine}): line {l}, step {p} packed as {actual}, expected {expected}.");
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
