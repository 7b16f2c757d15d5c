using System.Numerics;
using Descent.Numerics.Random;

namespace Descent.NeuralNetworks;

/// <summary>What the last layer of an MLP computes from its scores z.</summary>
internal enum MlpOutput
{
    /// <summary>z itself (regression, squared error).</summary>
    Identity,

    /// <summary>σ(z) of one unit: the probability of the second class (binary classification, log-loss).</summary>
    Logistic,

    /// <summary>softmax(z) over one unit per class (more classes, log-loss).</summary>
    Softmax,
}

/// <summary>
/// The shape of an MLP: the units of each layer (inputs, hidden widths, outputs), the hidden activation and the output,
/// and where each layer's parameters sit in the one flat vector θ the training engine updates: for each layer l in
/// order, its weight W_l (outputs × inputs, row-major, PyTorch's layout — scikit-learn's <c>coefs_[l]</c> transposed)
/// then its bias b_l.
/// </summary>
internal sealed record MlpArchitecture(int[] Units, MlpActivation Activation, MlpOutput Output)
{
    /// <summary>Number of Linear layers (hidden layers + 1).</summary>
    public int LayerCount => Units.Length - 1;

    /// <summary>Inputs (features) of the network.</summary>
    public int Inputs => Units[0];

    /// <summary>Outputs of the last layer.</summary>
    public int Outputs => Units[^1];

    /// <summary>The length of θ: <see cref="ParametersOf"/> the units, refused when it does not fit an array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The network has more than 2³¹ − 1 parameters.</exception>
    public int ParameterCount
    {
        get
        {
            long count = ParametersOf(Units);
            Numerics.Check.Parameter(count <= Array.MaxLength, "MLP", "HiddenLayerSizes",
                $"small enough for at most {Array.MaxLength} parameters", count, "(The layer widths give a network too large to hold.)");
            return (int)count;
        }
    }

    /// <summary>The weights and biases of a network with these layer <paramref name="units"/>: Σ_l (in_l + 1)·out_l, in 64 bits.</summary>
    public static long ParametersOf(IReadOnlyList<int> units)
    {
        long count = 0;
        for (int l = 0; l + 1 < units.Count; l++)
            count += ((long)units[l] + 1) * units[l + 1];
        return count;
    }

    /// <summary>Where W_l starts in θ (b_l follows it, at WeightOffset + in_l·out_l).</summary>
    public int WeightOffset(int layer)
    {
        int offset = 0;
        for (int l = 0; l < layer; l++)
            offset += (Units[l] + 1) * Units[l + 1];
        return offset;
    }

    /// <summary>
    /// scikit-learn's Glorot initialisation into θ: for each layer, with a = √(factor / (fan_in + fan_out)) (factor 6,
    /// or 2 for the logistic activation), weights then biases uniform on [−a, a), drawn in scikit-learn's order
    /// (the weight as fan_in × fan_out, row-major).
    /// </summary>
    public void Initialize<T>(Span<T> theta, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double factor = Activation == MlpActivation.Logistic ? 2.0 : 6.0;
        for (int l = 0; l < LayerCount; l++)
        {
            int fanIn = Units[l], fanOut = Units[l + 1], offset = WeightOffset(l);
            double bound = Math.Sqrt(factor / (fanIn + fanOut));
            for (int i = 0; i < fanIn; i++)
                for (int j = 0; j < fanOut; j++)
                    theta[offset + j * fanIn + i] = T.CreateTruncating(bound * (2 * rng.NextDouble() - 1));
            for (int j = 0; j < fanOut; j++)
                theta[offset + fanIn * fanOut + j] = T.CreateTruncating(bound * (2 * rng.NextDouble() - 1));
        }
    }

    /// <summary>The hidden activation as a layer, or null for the identity.</summary>
    public Module<T>? HiddenActivation<T>() where T : unmanaged, IFloatingPointIeee754<T> => Activation switch
    {
        MlpActivation.Relu => new Relu<T>(),
        MlpActivation.Tanh => new Tanh<T>(),
        MlpActivation.Logistic => new Sigmoid<T>(),
        MlpActivation.LeakyRelu => new LeakyRelu<T>(),
        _ => null,
    };
}
