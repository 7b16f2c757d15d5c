using System.Globalization;
using System.Numerics;
using Descent.Autograd;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.NeuralNetworks;

/// <summary>
/// Dropout (PyTorch's <c>nn.Dropout</c>, "inverted" dropout): in training mode each element is zeroed with probability
/// p and the others are scaled by 1/(1 − p), so the expected output equals the input; in evaluation mode the input
/// passes unchanged. Backward multiplies by the same mask. The masks come from the layer's own seeded generator.
/// </summary>
public sealed class Dropout<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Rng _rng;
    private readonly BatchBuffer<T> _mask = new(), _output = new(), _inputGradient = new();
    private Matrix<T>? _lastMask, _lastOutput;

    /// <summary>Dropout with probability <paramref name="probability"/> (PyTorch's default 0.5), masks drawn from <paramref name="rng"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1].</exception>
    public Dropout(Rng rng, double probability = 0.5)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Check.Parameter(probability is >= 0 and <= 1, "Dropout", "probability", "in [0, 1]", probability);
        _rng = rng;
        Probability = probability;
    }

    /// <summary>The probability p that an element is zeroed in training mode.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsTraining || Probability == 0)
            return input;
        var mask = new Matrix<T>(input.Data.Rows, input.Data.Columns);
        DrawMask(mask);
        return input * Tensor.Wrap(mask);
    }

    /// <inheritdoc/>
    public override Matrix<T> Forward(Matrix<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsTraining || Probability == 0)
        {
            _lastMask = null;
            return _lastOutput = input;
        }
        var mask = _mask.Get(input.Rows, input.Columns);
        DrawMask(mask);
        _lastMask = mask;
        return _lastOutput = Elementwise.Multiply(input, mask, _output.Get(input.Rows, input.Columns));
    }

    /// <inheritdoc/>
    public override Matrix<T>? Backward(Matrix<T> outputGradient, bool inputGradient = true)
    {
        CheckBackward(_lastOutput, outputGradient);
        if (!inputGradient)
            return null;
        return _lastMask is null
            ? outputGradient
            : Elementwise.Multiply(outputGradient, _lastMask, _inputGradient.Get(outputGradient.Rows, outputGradient.Columns));
    }

    /// <summary>Each element 0 with probability p, else 1/(1 − p), row-major from the generator.</summary>
    private void DrawMask(Matrix<T> mask)
    {
        T keep = Probability == 1 ? T.Zero : T.One / T.CreateTruncating(1 - Probability);
        var values = mask.AsSpan();
        for (int i = 0; i < values.Length; i++)
            values[i] = _rng.NextDouble() < Probability ? T.Zero : keep;
    }

    /// <summary>"Dropout(p=0.5)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Dropout(p={Probability})");
}
