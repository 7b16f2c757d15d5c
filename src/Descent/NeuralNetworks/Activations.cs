using System.Globalization;
using System.Numerics;
using Descent.Autograd;
using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// An elementwise activation as a layer: output = f(input), and backward ∂L/∂input = ∂L/∂output ⊙ f′, with f and its
/// backward rule from Numerics (the same kernels the Tensor operations use).
/// </summary>
public abstract class Activation<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly BatchBuffer<T> _output = new(), _inputGradient = new();
    private Matrix<T>? _input, _lastOutput;

    /// <inheritdoc/>
    public override Matrix<T> Forward(Matrix<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = _output.Get(input.Rows, input.Columns);
        Apply(input, output);
        _input = input;
        return _lastOutput = output;
    }

    /// <inheritdoc/>
    public override Matrix<T>? Backward(Matrix<T> outputGradient, bool inputGradient = true)
    {
        CheckBackward(_lastOutput, outputGradient);
        if (!inputGradient)
            return null;
        var dx = _inputGradient.Get(outputGradient.Rows, outputGradient.Columns);
        Derive(_input!, _lastOutput!, outputGradient, dx);
        return dx;
    }

    /// <summary>output = f(input).</summary>
    private protected abstract void Apply(Matrix<T> input, Matrix<T> output);

    /// <summary>destination = gradient ⊙ f′, from the input or the output of f (whichever the rule needs).</summary>
    private protected abstract void Derive(Matrix<T> input, Matrix<T> output, Matrix<T> gradient, Matrix<T> destination);
}

/// <summary>ReLU: max(x, 0); ∂/∂x = 1 where x &gt; 0.</summary>
public sealed class Relu<T> : Activation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => input.Relu();

    private protected override void Apply(Matrix<T> input, Matrix<T> output) => Elementwise.Relu(input, output);

    private protected override void Derive(Matrix<T> input, Matrix<T> output, Matrix<T> gradient, Matrix<T> destination) =>
        Elementwise.ReluBackward(output, gradient, destination);

    /// <summary>"ReLU".</summary>
    public override string ToString() => "ReLU";
}

/// <summary>Leaky ReLU: x for x &gt; 0, slope·x otherwise (PyTorch's default slope 0.01).</summary>
public sealed class LeakyRelu<T> : Activation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A leaky ReLU with the given negative slope.</summary>
    public LeakyRelu(double slope = 0.01)
    {
        Check.Parameter(double.IsFinite(slope), "LeakyRelu", "slope", "finite", slope);
        Slope = T.CreateTruncating(slope);
    }

    /// <summary>The slope for negative inputs.</summary>
    public T Slope { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => input.LeakyRelu(Slope);

    private protected override void Apply(Matrix<T> input, Matrix<T> output) => Elementwise.LeakyRelu(input, Slope, output);

    private protected override void Derive(Matrix<T> input, Matrix<T> output, Matrix<T> gradient, Matrix<T> destination) =>
        Elementwise.LeakyReluBackward(input, Slope, gradient, destination);

    /// <summary>"LeakyReLU(0.01)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"LeakyReLU({Slope})");
}

/// <summary>The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ); ∂/∂x = σ(x)(1 − σ(x)).</summary>
public sealed class Sigmoid<T> : Activation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => input.Sigmoid();

    private protected override void Apply(Matrix<T> input, Matrix<T> output) => Elementwise.Sigmoid(input, output);

    private protected override void Derive(Matrix<T> input, Matrix<T> output, Matrix<T> gradient, Matrix<T> destination) =>
        Elementwise.SigmoidBackward(output, gradient, destination);

    /// <summary>"Sigmoid".</summary>
    public override string ToString() => "Sigmoid";
}

/// <summary>tanh x; ∂/∂x = 1 − tanh²x.</summary>
public sealed class Tanh<T> : Activation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input) => input.Tanh();

    private protected override void Apply(Matrix<T> input, Matrix<T> output) => Elementwise.Tanh(input, output);

    private protected override void Derive(Matrix<T> input, Matrix<T> output, Matrix<T> gradient, Matrix<T> destination) =>
        Elementwise.TanhBackward(output, gradient, destination);

    /// <summary>"Tanh".</summary>
    public override string ToString() => "Tanh";
}
