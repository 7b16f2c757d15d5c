using System.Numerics;
using Descent.Numerics;

namespace Descent.Tests.Numerics.Kernels;

/// <summary>Test data and checks shared by the kernel tests: every length 0..257, seeded values, destinations
/// surrounded by sentinels, views of every kind, and tolerances scaled to the element type.</summary>
internal static class KernelAssert
{
    public const double Sentinel = 12345.25;

    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = 0; n <= 257; n++)
            data.Add(n);
        return data;
    }

    public static T Of<T>(double value) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(value);

    public static double D<T>(T value) where T : unmanaged, IFloatingPointIeee754<T> => double.CreateTruncating(value);

    /// <summary>n values uniform in [low, high), the same for a given seed.</summary>
    public static T[] Values<T>(int n, int seed, double low = -6, double high = 6) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new System.Random(seed);
        var values = new T[n];
        for (int i = 0; i < n; i++)
            values[i] = Of<T>(low + (high - low) * random.NextDouble());
        return values;
    }

    /// <summary>
    /// Values uniform in [low, high) with NaN, ±∞, ±0, 1 and <paramref name="specials"/> sprinkled in (about one in six),
    /// so that the special cases meet the SIMD paths.
    /// </summary>
    public static T[] Mixed<T>(int n, int seed, double low = -6, double high = 6, params double[] specials)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = Values<T>(n, seed, low, high);
        T[] all = [T.NaN, T.PositiveInfinity, T.NegativeInfinity, T.Zero, -T.Zero, T.One, .. specials.Select(Of<T>)];
        var random = new System.Random(seed + 7);
        for (int i = 0; i < n; i++)
            if (random.Next(6) == 0)
                values[i] = all[random.Next(all.Length)];
        return values;
    }

    /// <summary>A vector of length n with elements <paramref name="stride"/> apart, in the middle of an array filled with sentinels.</summary>
    public static (Vec<T> Vec, T[] Storage) GuardedVec<T>(int n, int stride = 1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var storage = new T[5 + Math.Max(n - 1, 0) * stride + 1 + 5];
        Array.Fill(storage, Of<T>(Sentinel));
        return (new Vec<T>(storage, 5, n, stride), storage);
    }

    /// <summary>A rows×columns matrix with row stride columns + 3, in the middle of an array filled with sentinels.</summary>
    public static (Matrix<T> Matrix, T[] Storage) GuardedMatrix<T>(int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rowStride = columns + 3;
        var storage = new T[4 + rows * rowStride + 4];
        Array.Fill(storage, Of<T>(Sentinel));
        return (new Matrix<T>(storage, 4, rows, columns, rowStride, 1), storage);
    }

    /// <summary>Every element of <paramref name="storage"/> outside <paramref name="view"/> still holds the sentinel.</summary>
    public static void SentinelsIntact<T>(T[] storage, Vec<T> view) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var inside = new bool[storage.Length];
        for (int i = 0; i < view.Length; i++)
            inside[view.Offset + i * view.Stride] = true;
        for (int k = 0; k < storage.Length; k++)
            if (!inside[k] && storage[k] != Of<T>(Sentinel))
                Assert.Fail($"storage[{k}] outside the destination was overwritten with {storage[k]}");
    }

    /// <inheritdoc cref="SentinelsIntact{T}(T[], Vec{T})"/>
    public static void SentinelsIntact<T>(T[] storage, Matrix<T> view) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var inside = new bool[storage.Length];
        for (int i = 0; i < view.Rows; i++)
            for (int j = 0; j < view.Columns; j++)
                inside[view.Offset + i * view.RowStride + j * view.ColumnStride] = true;
        for (int k = 0; k < storage.Length; k++)
            if (!inside[k] && storage[k] != Of<T>(Sentinel))
                Assert.Fail($"storage[{k}] outside the destination was overwritten with {storage[k]}");
    }

    /// <summary>The same values as <paramref name="values"/> in a vector of the given kind: "contiguous", "strided"
    /// (a column of a wider matrix) or "offset" (a slice of a longer vector).</summary>
    public static Vec<T> VecView<T>(T[] values, string kind) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = values.Length;
        switch (kind)
        {
            case "contiguous":
                return Vec<T>.Wrap((T[])values.Clone());
            case "strided":
            {
                var wide = Matrix.Filled(Math.Max(n, 1), 5, Of<T>(Sentinel));
                var column = wide.Column(3).Slice(0, n);
                for (int i = 0; i < n; i++)
                    column[i] = values[i];
                return column;
            }
            default:
            {
                var longer = new Vec<T>(n + 7);
                var slice = longer.Slice(4, n);
                for (int i = 0; i < n; i++)
                    slice[i] = values[i];
                return slice;
            }
        }
    }

    public static readonly string[] VecKinds = ["contiguous", "strided", "offset"];

    /// <summary>A rows×columns matrix holding <paramref name="values"/> (row-major) as a view of the given kind:
    /// "contiguous", "rows" (a block of a wider matrix: contiguous rows, row stride > columns),
    /// "transposed" (column stride > 1, row stride 1) or "strided" (a block of a transpose: no unit stride).</summary>
    public static Matrix<T> MatrixView<T>(T[] values, int rows, int columns, string kind) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Matrix<T> view = kind switch
        {
            "contiguous" => new Matrix<T>(rows, columns),
            "rows" => Matrix.Filled(rows + 2, columns + 3, Of<T>(Sentinel)).Slice(1, rows, 2, columns),
            "transposed" => new Matrix<T>(columns, rows).Transpose(),
            _ => Matrix.Filled(columns + 3, rows + 2, Of<T>(Sentinel)).Transpose().Slice(1, rows, 2, columns),
        };
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                view[i, j] = values[i * columns + j];
        return view;
    }

    public static readonly string[] MatrixKinds = ["contiguous", "rows", "transposed", "strided"];

    /// <summary>Bit-for-bit equality, with every NaN equal to every NaN. The message (what, at index) is built only on failure.</summary>
    public static void Exact<T>(T expected, T actual, string what, int index = -1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool same = T.IsNaN(expected) ? T.IsNaN(actual) : expected == actual && T.IsNegative(expected) == T.IsNegative(actual);
        if (!same)
            Assert.Fail($"{what}{At(index)}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>|actual − expected| ≤ rtol·|expected| + the smallest normal number, with rtol a few units of
    /// <typeparamref name="T"/>'s precision (float 2e-6, double 1e-14) times <paramref name="scale"/>;
    /// NaN and infinities must match exactly.</summary>
    public static void Close<T>(double expected, T actual, string what, int index = -1, double scale = 1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double got = D(actual);
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            if (!expected.Equals(got))
                Assert.Fail($"{what}{At(index)}: expected {expected}, got {got}");
            return;
        }
        double tolerance = RelativeTolerance<T>() * scale * Math.Abs(expected) + MinNormal<T>();
        if (!(Math.Abs(got - expected) <= tolerance))
            Assert.Fail($"{what}{At(index)}: expected {expected:R}, got {got:R} (tolerance {tolerance:E2})");
    }

    /// <summary>|actual − expected| ≤ tolerance (absolute), NaN matching NaN and infinities matching exactly.</summary>
    public static void Within<T>(double expected, T actual, double tolerance, string what, int index = -1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double got = D(actual);
        bool ok = double.IsNaN(expected) || double.IsInfinity(expected) ? expected.Equals(got) : Math.Abs(got - expected) <= tolerance;
        if (!ok)
            Assert.Fail($"{what}{At(index)}: expected {expected:R}, got {got:R} (tolerance {tolerance:E2})");
    }

    private static string At(int index) => index < 0 ? "" : $" at {index}";

    public static double RelativeTolerance<T>() where T : unmanaged, IFloatingPointIeee754<T> => typeof(T) == typeof(float) ? 2e-6 : 1e-14;

    public static double Epsilon<T>() where T : unmanaged, IFloatingPointIeee754<T> => typeof(T) == typeof(float) ? 1.2e-7 : 2.3e-16;

    private static double MinNormal<T>() where T : unmanaged, IFloatingPointIeee754<T> => typeof(T) == typeof(float) ? 1.2e-38 : 2.3e-308;
}
