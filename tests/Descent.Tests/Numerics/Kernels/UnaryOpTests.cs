using System.Numerics;
using Descent.Numerics;
using static Descent.Tests.Numerics.Kernels.KernelAssert;

namespace Descent.Tests.Numerics.Kernels;

public class UnaryOpTests
{
    /// <summary>One elementwise function: how to call it on vectors and matrices, its reference in double, and
    /// whether the result must match the reference bit for bit (IEEE-exact ops) or within a few ulps.</summary>
    private sealed record Case<T>(
        string Name,
        Func<Vec<T>, Vec<T>?, Vec<T>> OnVec,
        Func<Matrix<T>, Matrix<T>?, Matrix<T>> OnMatrix,
        Func<double, double> Reference,
        bool Exact) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>ln(1 + x) accurate for tiny x, through atanh (Math has no log1p): ln(1 + x) = 2·atanh(x / (2 + x)) for |x| &lt; 0.5,
    /// where 1 + x would lose digits; beyond, ln(1 + x) is accurate (exact 1 + x for x ≤ −0.5, Sterbenz).</summary>
    private static double Log1pReference(double x) => Math.Abs(x) < 0.5 ? 2 * Math.Atanh(x / (2 + x)) : Math.Log(1 + x);

    private static double SigmoidReference(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double SignReference(double x) => double.IsNaN(x) ? x : x > 0 ? 1 : x < 0 ? -1 : 0;

    private static List<Case<T>> Cases<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        T slope = Of<T>(0.01), low = Of<T>(-1.5), high = Of<T>(2.25);
        double s = D(slope), lo = D(low), hi = D(high);
        return
        [
            new("Negate", (x, d) => Elementwise.Negate(x, d), (x, d) => Elementwise.Negate(x, d), x => -x, true),
            new("Abs", (x, d) => Elementwise.Abs(x, d), (x, d) => Elementwise.Abs(x, d), Math.Abs, true),
            new("Square", (x, d) => Elementwise.Square(x, d), (x, d) => Elementwise.Square(x, d), x => x * x, true),
            new("Sqrt", (x, d) => Elementwise.Sqrt(x, d), (x, d) => Elementwise.Sqrt(x, d), Math.Sqrt, true),
            new("Sign", (x, d) => Elementwise.Sign(x, d), (x, d) => Elementwise.Sign(x, d), SignReference, true),
            new("Relu", (x, d) => Elementwise.Relu(x, d), (x, d) => Elementwise.Relu(x, d), x => double.IsNaN(x) ? x : x > 0 ? x : 0, true),
            new("LeakyRelu", (x, d) => Elementwise.LeakyRelu(x, slope, d), (x, d) => Elementwise.LeakyRelu(x, slope, d), x => x > 0 ? x : s * x, true),
            new("Clip", (x, d) => Elementwise.Clip(x, low, high, d), (x, d) => Elementwise.Clip(x, low, high, d),
                x => double.IsNaN(x) ? x : Math.Min(Math.Max(x, lo), hi), true),
            new("Exp", (x, d) => Elementwise.Exp(x, d), (x, d) => Elementwise.Exp(x, d), Math.Exp, false),
            new("Log", (x, d) => Elementwise.Log(x, d), (x, d) => Elementwise.Log(x, d), Math.Log, false),
            new("Log1p", (x, d) => Elementwise.Log1p(x, d), (x, d) => Elementwise.Log1p(x, d), Log1pReference, false),
            new("Tanh", (x, d) => Elementwise.Tanh(x, d), (x, d) => Elementwise.Tanh(x, d), Math.Tanh, false),
            new("Sigmoid", (x, d) => Elementwise.Sigmoid(x, d), (x, d) => Elementwise.Sigmoid(x, d), SigmoidReference, false),
            new("Pow2.5", (x, d) => Elementwise.Pow(x, Of<T>(2.5), d), (x, d) => Elementwise.Pow(x, Of<T>(2.5), d), x => Math.Pow(x, 2.5), false),
            new("Pow3", (x, d) => Elementwise.Pow(x, Of<T>(3), d), (x, d) => Elementwise.Pow(x, Of<T>(3), d), x => Math.Pow(x, 3), false),
        ];
    }

    private static void Compare<T>(Case<T> op, T input, T actual, string context, int index) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double reference = op.Reference(D(input));
        if (op.Exact)
            Exact(Of<T>(reference), actual, op.Name + " " + context, index);
        else
            Close(D(Of<T>(reference)), actual, op.Name + " " + context, index);
    }

    public static TheoryData<int> AllLengths() => Lengths();

    [Theory]
    [MemberData(nameof(AllLengths))]
    public void EveryOp_MatchesScalarReference_ForEveryViewAndLength(int n)
    {
        Run<float>(n);
        Run<double>(n);

        static void Run<T>(int n) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var values = Values<T>(n, seed: n);
            foreach (var op in Cases<T>())
            {
                foreach (string kind in VecKinds)
                {
                    var x = VecView(values, kind);
                    var (destination, storage) = GuardedVec<T>(n, stride: kind == "strided" ? 3 : 1);
                    var result = op.OnVec(x, destination);
                    Assert.Same(destination, result);
                    for (int i = 0; i < n; i++)
                        Compare(op, values[i], destination[i], kind, i);
                    SentinelsIntact(storage, destination);
                    for (int i = 0; i < n; i++)
                        Exact(values[i], x[i], "input changed", i);
                }

                var inPlace = Vec<T>.Wrap((T[])values.Clone());
                Assert.Same(inPlace, op.OnVec(inPlace, inPlace));
                var allocated = op.OnVec(Vec<T>.Wrap(values), null);
                for (int i = 0; i < n; i++)
                {
                    Compare(op, values[i], inPlace[i], "in place", i);
                    Compare(op, values[i], allocated[i], "allocated", i);
                }
            }
        }
    }

    [Fact]
    public void EveryOp_FollowsIeeeAndNumpy_OnSpecialValues()
    {
        Run<float>();
        Run<double>();

        static void Run<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1e-30, -1e-30,
                1e-10, -1e-10, 1e30, -1e30, 700, -700, 88, -88, 80, -80, 20, -20, -1, 1, 0.5, -0.999];
            // Repeated so that every value goes through the SIMD paths as well as the scalar tail.
            var values = new T[specials.Length * 3];
            for (int i = 0; i < values.Length; i++)
                values[i] = Of<T>(specials[i % specials.Length]);
            foreach (var op in Cases<T>())
            {
                var result = op.OnVec(Vec<T>.Wrap(values), null);
                for (int i = 0; i < values.Length; i++)
                    Compare(op, values[i], result[i], "special value", i);
            }
        }
    }

    [Fact]
    public void Log1p_KeepsTheDigitsOfTinyArguments()
    {
        // ln(1 + x) = x − x²/2 + ...: log(1 + x) computed naively loses about half the digits at x = 1e-10.
        var x = Vec<double>.Wrap([1e-10, -1e-10, 3e-17, 1e-5]);
        var result = Elementwise.Log1p(x);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = x[i] - x[i] * x[i] / 2 + x[i] * x[i] * x[i] / 3 - Math.Pow(x[i], 4) / 4;
            Assert.True(Math.Abs(result[i] - expected) <= 4e-16 * Math.Abs(expected), $"log1p({x[i]}) = {result[i]:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Sigmoid_KeepsRelativePrecision_FarInTheNegativeTail()
    {
        var x = Vec<float>.Wrap(Enumerable.Repeat(-80f, 40).ToArray());
        var result = Elementwise.Sigmoid(x);
        double expected = Math.Exp(-80) / (1 + Math.Exp(-80));
        for (int i = 0; i < x.Length; i++)
            Assert.True(Math.Abs(result[i] - expected) <= 1e-6 * expected, $"σ(-80) = {result[i]:R}, expected {expected:R}");
    }

    [Fact]
    public void Clip_WithMinAboveMax_GivesMax_AsNumpy()
    {
        var result = Elementwise.Clip(Vec<double>.Wrap([-5, 0, 5]), 3.0, 1.0);
        Assert.Equal(new[] { 1.0, 1, 1 }, result.ToArray());
    }

    public static TheoryData<int, int> Shapes() => new() { { 1, 1 }, { 1, 19 }, { 19, 1 }, { 7, 5 }, { 17, 33 }, { 0, 3 }, { 3, 0 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryOp_OnMatrixViews_WritesOnlyTheDestination(int rows, int columns)
    {
        Run<float>(rows, columns);
        Run<double>(rows, columns);

        static void Run<T>(int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var values = Values<T>(rows * columns, seed: rows * 100 + columns);
            foreach (var op in Cases<T>())
            {
                foreach (string kind in MatrixKinds)
                {
                    var x = MatrixView(values, rows, columns, kind);
                    var (destination, storage) = GuardedMatrix<T>(rows, columns);
                    var targets = new[] { destination, new Matrix<T>(columns, rows).Transpose() };
                    foreach (var target in targets)
                    {
                        Assert.Same(target, op.OnMatrix(x, target));
                        for (int i = 0; i < rows; i++)
                            for (int j = 0; j < columns; j++)
                                Compare(op, values[i * columns + j], target[i, j], kind, i * columns + j);
                    }
                    SentinelsIntact(storage, destination);

                    var inPlace = MatrixView(values, rows, columns, kind);
                    op.OnMatrix(inPlace, inPlace);
                    for (int i = 0; i < rows; i++)
                        for (int j = 0; j < columns; j++)
                            Compare(op, values[i * columns + j], inPlace[i, j], "in place " + kind, i * columns + j);
                }
            }
        }
    }

    [Fact]
    public void Destination_WithAnotherShape_IsRejected_NamingBothShapes()
    {
        var x = new Matrix<double>(3, 4);
        var error = Assert.Throws<ArgumentException>(() => Elementwise.Exp(x, new Matrix<double>(4, 3)));
        Assert.StartsWith("Elementwise.Exp: destination has shape (4×3) but the result has shape (3×4)", error.Message);
        var vecError = Assert.Throws<ArgumentException>(() => Elementwise.Tanh(new Vec<double>(5), new Vec<double>(4)));
        Assert.StartsWith("Elementwise.Tanh: destination has length 4 but the result has length 5", vecError.Message);
    }
}
