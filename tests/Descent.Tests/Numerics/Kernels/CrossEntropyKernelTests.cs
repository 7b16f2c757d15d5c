using Descent.Numerics;
using Descent.Numerics.Kernels;
using static Descent.Tests.Numerics.Kernels.KernelAssert;

namespace Descent.Tests.Numerics.Kernels;

public class CrossEntropyKernelTests
{
    /// <summary>−log softmax(z)_y and its gradient scale·(softmax − onehot), computed naively in double.</summary>
    private static (double Loss, double[] Gradient) Reference(double[] z, int y, double scale)
    {
        double max = z.Max();
        double sum = z.Sum(v => Math.Exp(v - max));
        var gradient = z.Select(v => scale * Math.Exp(v - max) / sum).ToArray();
        gradient[y] -= scale;
        return (Math.Log(sum) - (z[y] - max), gradient);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(7, 10)]
    [InlineData(64, 37)]
    public void LossAndGradient_MatchTheDefinition_OnEveryView(int rows, int classes)
    {
        var values = Values<double>(rows * classes, seed: rows + classes, -30, 30);
        var targets = Enumerable.Range(0, rows).Select(i => (i * 7) % classes).ToArray();
        foreach (string kind in MatrixKinds)
        {
            var logits = MatrixView(values, rows, classes, kind);
            var (gradient, storage) = GuardedMatrix<double>(rows, classes);
            var losses = new double[rows];
            CrossEntropyKernel.Run(logits, targets, losses, gradient, 0.25);
            SentinelsIntact(storage, gradient);
            var withoutGradient = new double[rows];
            CrossEntropyKernel.Run(logits, targets, withoutGradient, null, 0.25);
            for (int i = 0; i < rows; i++)
            {
                var (loss, expected) = Reference(values.AsSpan(i * classes, classes).ToArray(), targets[i], 0.25);
                Close(loss, losses[i], $"loss {kind}", i, scale: 100);
                Assert.Equal(losses[i], withoutGradient[i]);
                for (int k = 0; k < classes; k++)
                    Within(expected[k], gradient[i, k], 1e-15, $"gradient {kind} row {i}", k);
            }
        }
    }

    [Fact]
    public void InPlace_WritesTheGradientOverTheLogits_AndLargeLogitsDoNotOverflow()
    {
        var logits = Matrix.FromArray(new[,] { { 1000f, 0f, -1000f }, { 5f, 5f, 5f } });
        var losses = new float[2];
        CrossEntropyKernel.Run(logits, [2, 1], losses, logits, 1f);
        Assert.Equal(2000f, losses[0]);
        Assert.Equal(MathF.Log(3), losses[1], 6);
        Assert.Equal(new[] { 1f, 0f, -1f }, logits.Row(0).ToArray());
        Assert.Equal(1f / 3, logits[1, 0], 6);
        Assert.Equal(1f / 3 - 1, logits[1, 1], 6);
    }
}
