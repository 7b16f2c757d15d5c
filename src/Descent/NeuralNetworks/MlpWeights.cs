using System.Numerics;
using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// A fitted MLP's parameters: its architecture and θ (weights and biases of every layer, in
/// <see cref="MlpArchitecture"/>'s layout) in the precision it was trained in (float64, or float32 for a network
/// trained on float32 data). Immutable: predicting builds a network over θ for each call, so models are thread-safe.
/// </summary>
internal abstract class MlpWeights
{
    private protected MlpWeights(MlpArchitecture architecture) => Architecture = architecture;

    public MlpArchitecture Architecture { get; }

    /// <summary>True when θ is float32.</summary>
    public abstract bool IsSinglePrecision { get; }

    /// <summary>θ as its own array type (double[] or float[]), for writing; not to be changed.</summary>
    public abstract Array Values { get; }

    /// <summary>θ[index] as a double (exact for either precision).</summary>
    public abstract double this[int index] { get; }

    /// <summary>Parameters trained in double.</summary>
    public static MlpWeights Of(MlpArchitecture architecture, double[] theta) => new Typed<double>(architecture, theta);

    /// <summary>Parameters trained in float32.</summary>
    public static MlpWeights Of(MlpArchitecture architecture, float[] theta) => new Typed<float>(architecture, theta);

    /// <summary>The network's outputs for each row of <paramref name="x"/>: probabilities (σ or softmax) or values.</summary>
    public abstract Matrix<double> Predict(Matrix<double> x);

    /// <summary>W_l (outputs × inputs), a copy in double.</summary>
    public Matrix<double> Weight(int layer)
    {
        int inputs = Architecture.Units[layer], outputs = Architecture.Units[layer + 1], offset = Architecture.WeightOffset(layer);
        var w = new Matrix<double>(outputs, inputs);
        var values = w.AsSpan();
        for (int i = 0; i < values.Length; i++)
            values[i] = this[offset + i];
        return w;
    }

    /// <summary>b_l, a copy in double.</summary>
    public double[] Bias(int layer)
    {
        int inputs = Architecture.Units[layer], outputs = Architecture.Units[layer + 1];
        int offset = Architecture.WeightOffset(layer) + inputs * outputs;
        var b = new double[outputs];
        for (int j = 0; j < b.Length; j++)
            b[j] = this[offset + j];
        return b;
    }

    private sealed class Typed<T>(MlpArchitecture architecture, T[] theta) : MlpWeights(architecture)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public override bool IsSinglePrecision => typeof(T) == typeof(float);

        public override Array Values => theta;

        public override double this[int index] => double.CreateTruncating(theta[index]);

        public override Matrix<double> Predict(Matrix<double> x) => new MlpNetwork<T>(Architecture, theta).Predict(x);
    }
}
