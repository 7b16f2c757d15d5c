using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Optimization;

namespace Descent.NeuralNetworks;

/// <summary>How an MLP's Fit went: its parameters and the engine's account of the training.</summary>
internal sealed record MlpFit(MlpWeights Weights, MiniBatchResult Run);

/// <summary>
/// Trains an MLP: θ starts from scikit-learn's Glorot initialisation (seeded) or the settings' initial parameters,
/// then the engine runs the optimizer on <see cref="MlpObjective{T}"/> over the network's fast path.
/// </summary>
internal static class MlpTraining
{
    public static MlpFit Run<T>(MultilayerPerceptron settings, MlpArchitecture architecture, Matrix<T> x, MlpTarget<T> target,
        string trainer, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMemory<T>(architecture, Math.Min(settings.BatchSize ?? 200, x.Rows), trainer);
        ulong seed = settings.Seed is int s ? unchecked((ulong)s) : (ulong)System.Random.Shared.NextInt64();
        var theta = new T[architecture.ParameterCount];
        if (settings.InitialParameters is { } initial)
        {
            if (initial.Length != theta.Length)
                throw new ArgumentException($"{trainer}: {initial.Length} initial parameters were given for a network of {theta.Length}.");
            for (int i = 0; i < theta.Length; i++)
                theta[i] = T.CreateTruncating(initial[i]);
        }
        else
            architecture.Initialize<T>(theta, new Rng(seed));
        var network = new MlpNetwork<T>(architecture, theta, new T[theta.Length]);
        var objective = new MlpObjective<T>(network, x.ToContiguous(), target, settings.Alpha);
        var run = settings.Training(x.Rows, Rng.Derive(seed, 1))
            .Run<T>(objective, theta, settings.Optimizer(), trainer, progress, cancellationToken);
        var weights = theta is double[] d ? MlpWeights.Of(architecture, d) : MlpWeights.Of(architecture, (float[])(object)theta);
        return new MlpFit(weights, run);
    }

    /// <summary>
    /// Refuses, before allocating, a network whose training would exceed the memory budget: θ, its gradient and the
    /// optimizer's two buffers (4 copies of the parameters, and a fifth counted as margin), and per batch row the input,
    /// every layer's output and its gradient.
    /// </summary>
    private static void CheckMemory<T>(MlpArchitecture architecture, int batch, string trainer) where T : unmanaged
    {
        double parameters = MlpArchitecture.ParametersOf(architecture.Units), units = architecture.Units.Skip(1).Sum(u => (double)u);
        double bytes = (5 * parameters + batch * (architecture.Inputs + 3 * units)) * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        MemoryBudget.Check(bytes, trainer, $"a network of {parameters:N0} parameters (layers {string.Join("-", architecture.Units)})",
            "use narrower hidden layers (HiddenLayerSizes, --hidden)");
    }
}
