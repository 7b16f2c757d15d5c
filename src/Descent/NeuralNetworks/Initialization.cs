using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.NeuralNetworks;

/// <summary>How a <see cref="Linear{T}"/> layer's weights start (fan_in = inputs, fan_out = outputs).</summary>
public enum Initialization
{
    /// <summary>PyTorch's default for nn.Linear: weights and biases uniform on [−1/√fan_in, 1/√fan_in]
    /// (kaiming_uniform_ with a = √5).</summary>
    PyTorchDefault,

    /// <summary>Xavier/Glorot uniform: weights uniform on ±√(6 / (fan_in + fan_out)), biases 0; for tanh and sigmoid layers.</summary>
    XavierUniform,

    /// <summary>Xavier/Glorot normal: weights N(0, 2 / (fan_in + fan_out)), biases 0.</summary>
    XavierNormal,

    /// <summary>He/Kaiming uniform: weights uniform on ±√(6 / fan_in), biases 0; for ReLU layers.</summary>
    HeUniform,

    /// <summary>He/Kaiming normal: weights N(0, 2 / fan_in), biases 0.</summary>
    HeNormal,
}

/// <summary>Draws initial weights and biases (row-major, weights then biases, from one generator).</summary>
internal static class Initializer
{
    public static void Fill<T>(Initialization scheme, Matrix<T> weight, Matrix<T>? bias, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanOut = weight.Rows, fanIn = weight.Columns;
        double bound = 1 / Math.Sqrt(fanIn);
        switch (scheme)
        {
            case Initialization.PyTorchDefault:
                Uniform(weight, bound, rng);
                if (bias is not null)
                    Uniform(bias, bound, rng);
                return;
            case Initialization.XavierUniform:
                Uniform(weight, Math.Sqrt(6.0 / (fanIn + fanOut)), rng);
                break;
            case Initialization.XavierNormal:
                Normal(weight, Math.Sqrt(2.0 / (fanIn + fanOut)), rng);
                break;
            case Initialization.HeUniform:
                Uniform(weight, Math.Sqrt(6.0 / fanIn), rng);
                break;
            default:
                Normal(weight, Math.Sqrt(2.0 / fanIn), rng);
                break;
        }
        bias?.AsSpan().Clear();
    }

    private static void Uniform<T>(Matrix<T> m, double bound, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = m.AsSpan();
        for (int i = 0; i < values.Length; i++)
            values[i] = T.CreateTruncating(bound * (2 * rng.NextDouble() - 1));
    }

    private static void Normal<T>(Matrix<T> m, double std, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = m.AsSpan();
        for (int i = 0; i < values.Length; i++)
            values[i] = T.CreateTruncating(std * rng.NextNormal());
    }
}
