using System.Numerics;
using Descent.Numerics;
using static Descent.Tests.Numerics.Kernels.KernelAssert;

namespace Descent.Tests.Numerics.Kernels;

/// <summary>The fused backward rules (Elementwise.*Backward) against their scalar formulas, bit for bit, at every
/// length, on every kind of view, with special values, and broadcasting.</summary>
public class BackwardRuleTests
{
    private sealed record Case<T>(string Name, Func<Matrix<T>, Matrix<T>, Matrix<T>?, Matrix<T>> Run, Func<T, T, T> Reference)
        where T : unmanaged, IFloatingPointIeee754<T>;

    private static List<Case<T>> Cases<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        T slope = Of<T>(0.125), low = Of<T>(-1.5), high = Of<T>(2.25);
        return
        [
            new("ReluBackward", (x, g, d) => Elementwise.ReluBackward(x, g, d), (r, g) => r <= T.Zero ? T.Zero : g),
            new("LeakyReluBackward", (x, g, d) => Elementwise.LeakyReluBackward(x, slope, g, d), (x, g) => x > T.Zero ? g : g * slope),
            new("SigmoidBackward", (x, g, d) => Elementwise.SigmoidBackward(x, g, d), (s, g) => g * (T.One - s) * s),
            new("TanhBackward", (x, g, d) => Elementwise.TanhBackward(x, g, d), (t, g) => g * (T.One - t * t)),
            new("ClipBackward", (x, g, d) => Elementwise.ClipBackward(x, low, high, g, d), (x, g) => x >= low && x <= high ? g : T.Zero),
        ];
    }

    public static TheoryData<int> AllLengths() => Lengths();

    [Theory]
    [MemberData(nameof(AllLengths))]
    public void EveryRule_MatchesItsScalarFormula_ForEveryViewAndLength(int n)
    {
        Run<float>(n);
        Run<double>(n);

        static void Run<T>(int n) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var xs = Mixed<T>(n, n, -3, 3, -1.5, 2.25);   // the clip bounds are among the specials
            var gs = Mixed<T>(n, n + 500, -3, 3);
            foreach (var op in Cases<T>())
            {
                foreach (string kind in MatrixKinds)
                {
                    var x = MatrixView(xs, 1, n, kind);
                    var g = MatrixView(gs, 1, n, kind == "contiguous" ? "strided" : "contiguous");
                    var (d, storage) = GuardedMatrix<T>(1, n);
                    Assert.Same(d, op.Run(x, g, d));
                    for (int i = 0; i < n; i++)
                        Exact(op.Reference(xs[i], gs[i]), d[0, i], $"{op.Name} {kind}", i);
                    SentinelsIntact(storage, d);
                }
                var inPlace = Matrix.Wrap((T[])gs.Clone(), 1, n);
                op.Run(Matrix.Wrap(xs, 1, n), inPlace, inPlace);
                for (int i = 0; i < n; i++)
                    Exact(op.Reference(xs[i], gs[i]), inPlace[0, i], $"{op.Name} in place", i);
            }
        }
    }

    [Fact]
    public void Rules_Broadcast_AGradientRow()
    {
        var x = Matrix.FromArray(new[,] { { -1.0, 2.0 }, { 3.0, 0.0 } });
        var g = Matrix.RowVector<double>([10, 20]);
        Assert.Equal(new[] { 0.0, 20, 10, 0 }, Elementwise.ReluBackward(x, g).ToArray());
        Assert.Throws<ArgumentException>(() => Elementwise.TanhBackward(x, new Matrix<double>(3, 2)));
    }
}
