using System.Globalization;
using System.Numerics;
using Descent.Autograd;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.NeuralNetworks;

/// <summary>
/// A fully connected layer, y = x·Wᵀ + b for a batch x with one row per example (PyTorch's <c>nn.Linear</c>): W is
/// outputs × inputs, b has one value per output. Backward: ∂L/∂W += Gᵀ·x, ∂L/∂b += Σ rows of G, ∂L/∂x = G·W, with
/// G = ∂L/∂y. Both paths call the same GEMMs and kernels, in the same order, so they agree to the last bit.
/// </summary>
/// <example><code>
/// var layer = new Linear&lt;float&gt;(784, 128, new Rng(42));                        // PyTorch's default initialisation
/// var relu = new Linear&lt;float&gt;(784, 128, new Rng(42), Initialization.HeUniform);
/// </code></example>
public sealed class Linear<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly BatchBuffer<T> _output = new(), _inputGradient = new();
    private readonly Matrix<T> _weightT, _biasSumsRow;
    private readonly Vec<T> _biasSums;
    private Matrix<T>? _input, _lastOutput;

    /// <summary>A layer from <paramref name="inputs"/> features to <paramref name="outputs"/>, initialised from <paramref name="rng"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size below 1, or an unknown <paramref name="initialization"/>.</exception>
    public Linear(int inputs, int outputs, Rng rng, Initialization initialization = Initialization.PyTorchDefault, bool bias = true)
        : this(New(inputs, outputs, rng, initialization, bias))
    {
    }

    /// <summary>
    /// A layer whose parameters are the given tensors, used as they are (no copy): a [outputs, inputs] weight and an
    /// optional [outputs] bias, both contiguous (for example views of one flat parameter vector, with <see cref="Tensor{T}.Grad"/>
    /// set to views of one flat gradient vector). They are made to require grad and, when unnamed, named "weight" and "bias".
    /// </summary>
    /// <exception cref="ArgumentException">The weight is not a matrix, the bias not a vector of its row count, or one is not contiguous.</exception>
    public Linear(Tensor<T> weight, Tensor<T>? bias)
        : this((weight, bias))
    {
    }

    private Linear((Tensor<T> Weight, Tensor<T>? Bias) parameters)
    {
        var (weight, bias) = parameters;
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank != 2 || !weight.Data.IsContiguous || (bias is not null && (bias.Rank != 1 || bias.Length != weight.Data.Rows || !bias.Data.IsContiguous)))
            throw new ArgumentException(
                $"Linear: needs a contiguous [outputs, inputs] weight and a contiguous [outputs] bias, got {weight.Shape} and {bias?.Shape.ToString() ?? "none"}.");
        Weight = weight;
        Bias = bias;
        Weight.Name ??= "weight";
        Weight.RequiresGrad = true;
        if (Bias is not null)
        {
            Bias.Name ??= "bias";
            Bias.RequiresGrad = true;
        }
        _weightT = Weight.Data.Transpose();
        _biasSums = new Vec<T>(weight.Data.Rows);
        _biasSumsRow = _biasSums.AsRowMatrix();
    }

    private static (Tensor<T>, Tensor<T>?) New(int inputs, int outputs, Rng rng, Initialization initialization, bool bias)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Check.Parameter(inputs >= 1, "Linear", "inputs", ">= 1", inputs);
        Check.Parameter(outputs >= 1, "Linear", "outputs", ">= 1", outputs);
        Check.Parameter(Enum.IsDefined(initialization), "Linear", "initialization", "an Initialization value", initialization);
        var weight = Tensor.Zeros<T>(outputs, inputs);
        var b = bias ? Tensor.Zeros<T>(outputs) : null;
        Initializer.Fill(initialization, weight.Data, b?.Data, rng);
        return (weight, b);
    }

    /// <summary>W, outputs × inputs ("weight").</summary>
    public Tensor<T> Weight { get; }

    /// <summary>b, one per output ("bias"); null for a layer made with bias: false.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>Number of input features (columns of W).</summary>
    public int Inputs => Weight.Data.Columns;

    /// <summary>Number of outputs (rows of W).</summary>
    public int Outputs => Weight.Data.Rows;

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Shape[-1] != Inputs)
            ThrowInput(input.Shape.ToString());
        return input.Linear(Weight, Bias);
    }

    /// <inheritdoc/>
    public override Matrix<T> Forward(Matrix<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Columns != Inputs)
            ThrowInput($"[{input.Rows}, {input.Columns}]");
        var y = _output.Get(input.Rows, Outputs);
        Blas.Gemm(T.One, input, _weightT, T.Zero, y);
        if (Bias is not null)
            Elementwise.Add(y, Bias.Data, y);
        _input = input;
        return _lastOutput = y;
    }

    /// <summary>
    /// Whether the buffered <see cref="Backward"/> writes ∂L/∂W and ∂L/∂b (=) instead of adding them to the gradients
    /// (+=): for a training loop whose gradients hold one batch's only, it saves clearing them before each backward
    /// pass. The values are those of += onto zeros, bit for bit.
    /// </summary>
    internal bool OverwritesGradients { get; init; }

    /// <inheritdoc/>
    public override Matrix<T>? Backward(Matrix<T> outputGradient, bool inputGradient = true)
    {
        CheckBackward(_lastOutput, outputGradient);
        var g = outputGradient;
        if (Bias is not null)
        {
            var biasGradient = Bias.GradientForUpdate();
            g.Sum(0, _biasSums);
            if (OverwritesGradients)
                _biasSums.AsSpan().CopyTo(biasGradient.AsSpan());
            else
                Elementwise.Add(biasGradient, _biasSumsRow, biasGradient);
        }
        // ∂L/∂W = Gᵀ·x, written into the gradient (β = 0) or added to it (β = 1), as autograd's Tensor.Linear does.
        Blas.Gemm(T.One, g, _input!, OverwritesGradients ? T.Zero : T.One, Weight.GradientForUpdate(), transposeA: true);
        if (!inputGradient)
            return null;
        var dx = _inputGradient.Get(g.Rows, Inputs);
        Blas.Gemm(T.One, g, Weight.Data, T.Zero, dx);
        return dx;
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor<T> Parameter)> OwnParameters()
    {
        yield return ("weight", Weight);
        if (Bias is not null)
            yield return ("bias", Bias);
    }

    /// <summary>"Linear(784 → 128)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Linear({Inputs} → {Outputs}{(Bias is null ? ", no bias" : "")})");

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowInput(string shape) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{Describe()}: the input has shape {shape} but this layer takes {Inputs} features per row (its weight is [{Outputs}, {Inputs}])."));
}
