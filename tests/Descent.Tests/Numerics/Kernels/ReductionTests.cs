using System.Numerics;
using Descent.Numerics;
using static Descent.Tests.Numerics.Kernels.KernelAssert;

namespace Descent.Tests.Numerics.Kernels;

[Collection("Parallelism")]
public class ReductionTests
{
    /// <summary>The error bound of a sum of n terms: a few (n + 2)·ε times the sum of their magnitudes.</summary>
    private static double SumTolerance<T>(int n, double magnitude) where T : unmanaged, IFloatingPointIeee754<T> =>
        2 * (n + 2) * Epsilon<T>() * magnitude + 1e-300;

    private static int FirstArg(double[] x, bool max)
    {
        int best = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if (double.IsNaN(x[best]))
                break;
            if (double.IsNaN(x[i]) || (max ? x[i] > x[best] : x[i] < x[best]))
                best = i;
        }
        return best;
    }

    /// <summary>numpy's max/min: NaN if any element is NaN (LINQ's Max skips NaN, so it is not the reference).</summary>
    private static double Extreme(double[] x, bool max)
    {
        double best = x[0];
        foreach (double v in x)
        {
            if (double.IsNaN(v))
                return v;
            if (max ? v > best : v < best)
                best = v;
        }
        return best;
    }

    private static double Variance(double[] x, int ddof)
    {
        double mean = x.Sum() / x.Length, sum = 0;
        foreach (double v in x)
            sum += (v - mean) * (v - mean);
        return sum / Math.Max(x.Length - ddof, 0);
    }

    public static TheoryData<int> AllLengths() => Lengths();

    [Theory]
    [MemberData(nameof(AllLengths))]
    public void VectorReductions_MatchScalarReference_AndAreIdenticalOnEveryView(int n)
    {
        Run<float>(n);
        Run<double>(n);

        static void Run<T>(int n) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var values = Values<T>(n, seed: n, low: -3, high: 5);
            var other = Values<T>(n, seed: n + 500);
            double[] x = values.Select(D).ToArray(), y = other.Select(D).ToArray();
            double magnitude = x.Sum(Math.Abs);
            var contiguous = VecView(values, "contiguous");
            foreach (string kind in VecKinds)
            {
                var v = VecView(values, kind);
                var w = VecView(other, kind == "strided" ? "offset" : "strided");
                Within(x.Sum(), v.Sum(), SumTolerance<T>(n, magnitude), "Sum " + kind);
                Within(x.Zip(y, (a, b) => a * b).Sum(), v.Dot(w), SumTolerance<T>(n, x.Zip(y, (a, b) => Math.Abs(a * b)).Sum()), "Dot " + kind);
                Within(Math.Sqrt(x.Sum(a => a * a)), v.Norm(), SumTolerance<T>(n, Math.Sqrt(x.Sum(a => a * a))), "Norm " + kind);
                if (n == 0)
                {
                    Assert.True(T.IsNaN(v.Mean()) && T.IsNaN(v.Variance()));
                    continue;
                }
                Within(x.Sum() / n, v.Mean(), SumTolerance<T>(n, magnitude) / n, "Mean " + kind);
                foreach (int ddof in new[] { 0, 1 })
                {
                    double expected = Variance(x, ddof);
                    double deviations = x.Sum(a => (a - x.Average()) * (a - x.Average()));
                    Within(expected, v.Variance(ddof), 2 * SumTolerance<T>(n, deviations) / Math.Max(n - ddof, 1), $"Variance ddof {ddof} " + kind);
                    Within(Math.Sqrt(expected), v.Std(ddof), Math.Sqrt(expected) * 4 * (n + 2) * Epsilon<T>() + 1e-30, $"Std ddof {ddof} " + kind);
                }
                Exact(Of<T>(Extreme(x, true)), v.Max(), "Max " + kind);
                Exact(Of<T>(Extreme(x, false)), v.Min(), "Min " + kind);
                Assert.Equal(FirstArg(x, max: true), v.ArgMax());
                Assert.Equal(FirstArg(x, max: false), v.ArgMin());

                // A view gathers into a buffer and runs the same code as its contiguous copy: the same bits.
                Exact(contiguous.Sum(), v.Sum(), "Sum view vs contiguous " + kind);
                Exact(contiguous.Variance(1), v.Variance(1), "Variance view vs contiguous " + kind);
                Exact(contiguous.Dot(contiguous), v.Dot(v), "Dot view vs contiguous " + kind);
            }
        }
    }

    [Fact]
    public void Reductions_FollowNumpy_OnNaNInfinityAndSignedZero()
    {
        Run<float>();
        Run<double>();

        static void Run<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (int n = 1; n <= 40; n += 13)
            {
                var values = Values<T>(n + 20, n);
                values[n] = T.NaN;
                values[n + 5] = T.NaN;
                var v = Vec<T>.Wrap(values);
                Assert.True(T.IsNaN(v.Max()) && T.IsNaN(v.Min()) && T.IsNaN(v.Sum()) && T.IsNaN(v.Mean()) && T.IsNaN(v.Variance()));
                Assert.Equal(n, v.ArgMax()); // the first NaN, as np.argmax
                Assert.Equal(n, v.ArgMin());
            }
            var infinities = Vec<T>.Wrap([T.One, T.PositiveInfinity, T.NegativeInfinity, T.One]);
            Assert.True(T.IsNaN(infinities.Sum()));
            Assert.Equal(T.PositiveInfinity, infinities.Max());
            Assert.Equal(1, infinities.ArgMax());
            Assert.Equal(2, infinities.ArgMin());
            // −0 and +0 compare equal in numpy, so the first one wins (TensorPrimitives alone would pick +0).
            var zeros = new T[33];
            zeros[3] = -T.Zero;
            for (int i = 0; i < 3; i++)
                zeros[i] = -T.One;
            Assert.Equal(3, Vec<T>.Wrap(zeros).ArgMax());
            var ties = Vec<T>.Wrap(Enumerable.Range(0, 50).Select(i => Of<T>(i % 7)).ToArray());
            Assert.Equal(6, ties.ArgMax());
            Assert.Equal(0, ties.ArgMin());
        }
    }

    public static TheoryData<int, int> Shapes() => new() { { 1, 1 }, { 1, 13 }, { 13, 1 }, { 7, 5 }, { 31, 17 }, { 4, 0 }, { 0, 4 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatrixReductions_AlongEachAxis_MatchScalarReference_OnEveryView(int rows, int columns)
    {
        Run<float>(rows, columns);
        Run<double>(rows, columns);

        static void Run<T>(int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var values = Values<T>(rows * columns, rows * 31 + columns, low: -2, high: 6);
            if (rows * columns > 10)
            {
                values[7] = T.NaN;                   // row 7 / columns, column 7 % columns
                values[values.Length - 2] = values[values.Length - 1]; // a tie
            }
            double At(int i, int j) => D(values[i * columns + j]);
            foreach (string kind in MatrixKinds)
            {
                var m = MatrixView(values, rows, columns, kind);
                foreach (int axis in new[] { 0, 1 })
                {
                    int count = axis == 0 ? columns : rows, reduced = axis == 0 ? rows : columns;
                    var lines = new double[count][];
                    for (int k = 0; k < count; k++)
                    {
                        lines[k] = new double[reduced];
                        for (int r = 0; r < reduced; r++)
                            lines[k][r] = axis == 0 ? At(r, k) : At(k, r);
                    }
                    var (destination, storage) = GuardedVec<T>(count, stride: 2);
                    Assert.Same(destination, m.Sum(axis, destination));
                    for (int k = 0; k < count; k++)
                        Within(lines[k].Sum(), destination[k], SumTolerance<T>(reduced, lines[k].Sum(Math.Abs)), $"Sum axis {axis} {kind}", k);
                    m.Mean(axis, destination);
                    for (int k = 0; k < count; k++)
                        Within(lines[k].Sum() / reduced, destination[k], SumTolerance<T>(reduced, lines[k].Sum(Math.Abs)) / reduced, $"Mean axis {axis} {kind}", k);
                    foreach (int ddof in new[] { 0, 1 })
                    {
                        m.Variance(axis, ddof, destination);
                        var std = m.Std(axis, ddof);
                        for (int k = 0; k < count; k++)
                        {
                            double expected = Variance(lines[k], ddof);
                            double scale = 8 * (reduced + 2) * Epsilon<T>();
                            Within(expected, destination[k], scale * Math.Abs(expected) + 1e-30, $"Variance axis {axis} ddof {ddof} {kind}", k);
                            Within(Math.Sqrt(expected), std[k], scale * Math.Sqrt(Math.Abs(expected)) + 1e-15, $"Std axis {axis} ddof {ddof} {kind}", k);
                        }
                    }
                    SentinelsIntact(storage, destination);
                    if (reduced == 0)
                    {
                        Assert.Throws<ArgumentException>(() => m.Max(axis));
                        Assert.Throws<ArgumentException>(() => m.ArgMin(axis));
                        continue;
                    }
                    var max = m.Max(axis);
                    var min = m.Min(axis);
                    var argMax = m.ArgMax(axis);
                    var argMin = m.ArgMin(axis);
                    for (int k = 0; k < count; k++)
                    {
                        Exact(Of<T>(Extreme(lines[k], true)), max[k], $"Max axis {axis} {kind}", k);
                        Exact(Of<T>(Extreme(lines[k], false)), min[k], $"Min axis {axis} {kind}", k);
                        Assert.Equal(FirstArg(lines[k], true), argMax[k]);
                        Assert.Equal(FirstArg(lines[k], false), argMin[k]);
                    }
                }

                double[] all = values.Select(D).ToArray();
                Within(all.Sum(), m.Sum(), SumTolerance<T>(all.Length, all.Sum(Math.Abs)), "Sum " + kind);
                if (all.Length == 0)
                {
                    Assert.Throws<ArgumentException>(() => m.Max());
                    Assert.Throws<ArgumentException>(() => m.ArgMax());
                    continue;
                }
                if (all.Any(double.IsNaN))
                    Assert.True(T.IsNaN(m.Variance()) && T.IsNaN(m.Std()) && T.IsNaN(m.Mean()));
                else
                    Within(Variance(all, 0), m.Variance(), 8 * (all.Length + 2) * Epsilon<T>() * Variance(all, 0), "Variance " + kind);
                Exact(Of<T>(Extreme(all, true)), m.Max(), "Max " + kind);
                Exact(Of<T>(Extreme(all, false)), m.Min(), "Min " + kind);
                Assert.Equal(FirstArg(all, true), m.ArgMax());
                Assert.Equal(FirstArg(all, false), m.ArgMin());
            }
        }
    }

    [Fact]
    public void AxisReduction_IntoAColumnOfItsOwnInput_ReadsTheInputBeforeWriting()
    {
        var m = Matrix.FromArray(new double[,] { { 1, 2, 0 }, { 3, 4, 0 }, { 5, 6, 0 } });
        var expected = m.ColumnRange(0, 2).Sum(axis: 1).ToArray();
        m.Sum(axis: 1, destination: m.Row(0)); // row 0 receives the row sums while rows 1 and 2 are still needed
        Assert.Equal(new double[] { 3, 7, 11 }, expected);
        Assert.Equal(new double[] { 3, 7, 11 }, m.Row(0).ToArray());
    }

    [Fact]
    public void Results_DoNotDependOnTheThreadCount()
    {
        var m = Matrix.RandomNormal<double>(301, 257, new Descent.Numerics.Random.Rng(5));
        var one = ThreadCount.With(1, () => (m.Sum(), m.Variance(), m.Sum(0).ToArray(), m.Variance(1, 1).ToArray(), m.LogSumExp().ToArray()));
        var two = ThreadCount.With(2, () => (m.Sum(), m.Variance(), m.Sum(0).ToArray(), m.Variance(1, 1).ToArray(), m.LogSumExp().ToArray()));
        Assert.Equal(one.Item1, two.Item1);
        Assert.Equal(one.Item2, two.Item2);
        Assert.Equal(one.Item3, two.Item3);
        Assert.Equal(one.Item4, two.Item4);
        Assert.Equal(one.Item5, two.Item5);
    }

    [Fact]
    public void BadArguments_GiveMessagesNamingTheProblem()
    {
        var m = new Matrix<double>(0, 3);
        var empty = Assert.Throws<ArgumentException>(() => m.Max());
        Assert.StartsWith("Matrix.Max: the 0×3 matrix is empty", empty.Message);
        var emptyAxis = Assert.Throws<ArgumentException>(() => m.ArgMax(axis: 0));
        Assert.StartsWith("Matrix.ArgMax: axis 0 of the 0×3 matrix is empty", emptyAxis.Message);
        Assert.Equal(new double[] { 0, 0, 0 }, m.Sum(axis: 0).ToArray()); // sums of nothing are 0, as numpy
        var axis = Assert.Throws<ArgumentOutOfRangeException>(() => new Matrix<double>(2, 2).Sum(axis: 2));
        Assert.Contains("Matrix.Sum: axis must be 0 (down the columns: one value per column) or 1", axis.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Matrix<double>(2, 2).Variance(axis: 0, ddof: -1));
        var length = Assert.Throws<ArgumentException>(() => new Matrix<double>(2, 3).Mean(axis: 0, destination: new Vec<double>(2)));
        Assert.StartsWith("Matrix.Sum: destination has length 2 but the result has length 3", length.Message);
        var dot = Assert.Throws<ArgumentException>(() => new Vec<float>(2).Dot(new Vec<float>(3)));
        Assert.StartsWith("Vec.Dot: lengths 2 and 3 differ", dot.Message);
        Assert.Throws<ArgumentException>(() => new Vec<float>(0).ArgMin());
    }

    [Fact]
    public void Variance_WithDdofAtLeastTheCount_IsInfinityOrNaN_AsNumpy()
    {
        Assert.Equal(double.PositiveInfinity, Vec<double>.Wrap([1, 2]).Variance(ddof: 2));
        Assert.True(double.IsNaN(Vec<double>.Wrap([1, 1]).Variance(ddof: 2)));
        Assert.Equal(double.PositiveInfinity, Vec<double>.Wrap([1, 2]).Variance(ddof: 3));
    }
}
