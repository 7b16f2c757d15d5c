using System.Numerics;
using Descent.Numerics;
using static Descent.Tests.Numerics.Kernels.KernelAssert;

namespace Descent.Tests.Numerics.Kernels;

/// <summary>The fused binary cross-entropy ops against their definition in double, at every length and in both
/// precisions, including logits far beyond where e^x overflows.</summary>
public class LossOpTests
{
    private static double Bce(double x, double y) => Math.Max(x, 0) - x * y + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    private static double BceGradient(double x, double y, double scale) => (1 / (1 + Math.Exp(-x)) - y) * scale;

    public static TheoryData<int> AllLengths() => Lengths();

    [Theory]
    [MemberData(nameof(AllLengths))]
    public void BinaryCrossEntropyWithLogits_AndItsGradient_MatchTheDefinition(int n)
    {
        Run<float>(n);
        Run<double>(n);

        static void Run<T>(int n) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var logits = Values<T>(n, n, -30, 30);
            var targets = Values<T>(n, n + 1, 0, 1);
            foreach (string kind in MatrixKinds)
            {
                var x = MatrixView(logits, 1, n, kind);
                var y = MatrixView(targets, 1, n, kind == "contiguous" ? "strided" : "contiguous");
                var loss = Elementwise.BinaryCrossEntropyWithLogits(x, y);
                var gradient = Elementwise.BinaryCrossEntropyWithLogitsBackward(x, y, Of<T>(0.25));
                for (int i = 0; i < n; i++)
                {
                    double xi = D(logits[i]), yi = D(targets[i]);
                    Within(Bce(xi, yi), loss[0, i], 8 * Epsilon<T>() * (1 + Math.Abs(Bce(xi, yi))), $"loss {kind}", i);
                    Within(BceGradient(xi, yi, 0.25), gradient[0, i], 8 * Epsilon<T>(), $"gradient {kind}", i);
                }
            }
        }
    }

    [Fact]
    public void HugeLogits_GiveFiniteLossesAndGradients()
    {
        var x = Matrix.FromArray(new[,] { { 1000.0, -1000.0, 800.0, -800.0 } });
        var y = Matrix.FromArray(new[,] { { 0.0, 1.0, 1.0, 0.0 } });
        Assert.Equal(new[] { 1000.0, 1000.0, 0.0, 0.0 }, Elementwise.BinaryCrossEntropyWithLogits(x, y).ToArray());
        Assert.Equal(new[] { 1.0, -1.0, 0.0, 0.0 }, Elementwise.BinaryCrossEntropyWithLogitsBackward(x, y, 1.0).ToArray());
    }
}
