using Descent.Optimization;
using Descent.Numerics.Random;

namespace Descent.Tests.Optimization;

/// <summary>
/// Adam updates long vectors 512 or 256 bits at a time and their tails one value at a time: every lane must do exactly
/// what the scalar update does. A 61-value vector (three 512-bit float runs, one 256-bit run and a tail) stepped ten
/// times equals, bit for bit, each of its values stepped alone (a one-value state, the scalar path).
/// </summary>
public class AdamWidthTests
{
    public static TheoryData<Optimizer> Optimizers() => new()
    {
        new Adam { LearningRate = 0.01 },
        new Adam { LearningRate = 0.01, EpsilonPlacement = AdamEpsilon.BeforeBiasCorrection, L2Penalty = 0.1 },
        new AdamW { LearningRate = 0.01, WeightDecay = 0.05 },
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void EveryWidth_GivesTheScalarUpdatesBits_InFloat(Optimizer optimizer) => Compare<float>(optimizer);

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void EveryWidth_GivesTheScalarUpdatesBits_InDouble(Optimizer optimizer) => Compare<double>(optimizer);

    private static void Compare<T>(Optimizer optimizer) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        const int n = 61, steps = 10;
        var rng = new Rng(7);
        var theta = Enumerable.Range(0, n).Select(_ => T.CreateTruncating(2 * rng.NextDouble() - 1)).ToArray();
        var alone = theta.Select(v => new[] { v }).ToArray();
        var states = alone.Select(_ => optimizer.Start<T>(1)).ToArray();
        var state = optimizer.Start<T>(n);
        for (int step = 0; step < steps; step++)
        {
            var gradient = Enumerable.Range(0, n).Select(_ => T.CreateTruncating(rng.NextDouble() - 0.5)).ToArray();
            state.Step(theta, gradient);
            for (int i = 0; i < n; i++)
                states[i].Step(alone[i], [gradient[i]]);
        }
        Assert.Equal(alone.Select(v => v[0]), theta);
        Assert.NotEqual(T.Zero, theta[0]);
    }
}
