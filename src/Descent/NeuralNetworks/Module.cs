using System.Numerics;
using Descent.Autograd;
using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// A layer or a network of layers (PyTorch's <c>nn.Module</c>), with two ways to run it that give the same numbers:
/// <list type="bullet">
/// <item><see cref="Forward(Tensor{T})"/> builds an autograd graph from <see cref="Tensor{T}"/> operations, so that
/// <c>loss.Backward()</c> fills every parameter's <see cref="Tensor{T}.Grad"/>: the way to experiment.</item>
/// <item><see cref="Forward(Matrix{T})"/> then <see cref="Backward"/> run the layer's own forward and backward on plain
/// matrices, keeping what backward needs in buffers that are reused from batch to batch (no graph, and no allocation
/// once the batch sizes have been seen): the way to train fast. Backward adds (+=) to the same parameter gradients.</item>
/// </list>
/// Parameters are tensors that require grad, named as PyTorch's state_dict names them ("weight", "0.bias").
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public abstract class Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The module's name inside its container ("0", "1", ... in a <see cref="Sequential{T}"/>), used in messages; null at the top.</summary>
    public string? Name { get; internal set; }

    /// <summary>True in training mode (the default), false in evaluation mode; only <see cref="Dropout{T}"/> behaves differently.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Sets training mode on this module and every module inside it (PyTorch's <c>train(mode)</c>); returns this module.</summary>
    public Module<T> Train(bool training = true)
    {
        IsTraining = training;
        foreach (var (_, child) in Children())
            child.Train(training);
        return this;
    }

    /// <summary>Evaluation mode (<c>Train(false)</c>): dropout passes its input through unchanged.</summary>
    public Module<T> Eval() => Train(false);

    /// <summary>The output for a batch (one row per example), recorded for autograd.</summary>
    /// <exception cref="ArgumentException">The input's shape does not fit the module; the message names the layer.</exception>
    public abstract Tensor<T> Forward(Tensor<T> input);

    /// <summary>
    /// The output for a batch (one row per example) on plain matrices, keeping what <see cref="Backward"/> needs. The
    /// result is a buffer owned by the module, valid until its next Forward; the input must stay unchanged until Backward.
    /// </summary>
    /// <exception cref="ArgumentException">The input's shape does not fit the module; the message names the layer.</exception>
    public abstract Matrix<T> Forward(Matrix<T> input);

    /// <summary>
    /// Given ∂L/∂output for the batch of the last <see cref="Forward(Matrix{T})"/>, adds (+=) ∂L/∂parameter to every
    /// parameter's gradient and returns ∂L/∂input (a buffer owned by the module), or null when
    /// <paramref name="inputGradient"/> is false (the first layer of a network needs none).
    /// </summary>
    /// <exception cref="InvalidOperationException">No Forward(Matrix) came before.</exception>
    /// <exception cref="ArgumentException">The gradient's shape is not the last output's.</exception>
    public abstract Matrix<T>? Backward(Matrix<T> outputGradient, bool inputGradient = true);

    /// <summary>Every parameter with its name, this module's own first ("weight", "bias"), then each child's prefixed by its name ("0.weight").</summary>
    public IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters()
    {
        foreach (var own in OwnParameters())
            yield return own;
        foreach (var (prefix, child) in Children())
            foreach (var (name, parameter) in child.NamedParameters())
                yield return ($"{prefix}.{name}", parameter);
    }

    /// <summary>Every parameter, in <see cref="NamedParameters"/> order (what an optimizer is given).</summary>
    public IReadOnlyList<Tensor<T>> Parameters() => _parameters ??= NamedParameters().Select(p => p.Parameter).ToArray();

    private Tensor<T>[]? _parameters;

    /// <summary>Sets every parameter's gradient to zero, keeping its storage.</summary>
    public void ZeroGrad()
    {
        var parameters = Parameters();
        for (int i = 0; i < parameters.Count; i++)
            parameters[i].ZeroGrad();
    }

    /// <summary>
    /// Writes every named parameter to <paramref name="path"/> (atomically): readable JSON or the compact binary format
    /// (<see cref="WeightsFormat"/>). Load it into a network of the same architecture with <see cref="LoadWeights"/>.
    /// </summary>
    public void SaveWeights(string path, WeightsFormat format = WeightsFormat.Json)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Check.Parameter(Enum.IsDefined(format), "Module.SaveWeights", "format", "a WeightsFormat value", format);
        WeightsFile.Save(this, path, format);
    }

    /// <summary>
    /// Sets every parameter from a file written by <see cref="SaveWeights"/> (either format, recognised by its content;
    /// float32 and float64 files load into either precision). Names and shapes must match this network's exactly, as
    /// PyTorch's strict <c>load_state_dict</c>; nothing changes unless the whole file is good.
    /// </summary>
    /// <exception cref="DescentDataException">The file cannot be read, is not a weights file, is damaged, or holds other
    /// names, other shapes or non-finite values; the message names the file and the parameter.</exception>
    public void LoadWeights(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        WeightsFile.Load(this, path);
    }

    /// <summary>This module's own parameters (not its children's), with their names.</summary>
    protected virtual IEnumerable<(string Name, Tensor<T> Parameter)> OwnParameters() => [];

    /// <summary>The modules inside this one, with their names.</summary>
    protected virtual IEnumerable<(string Name, Module<T> Module)> Children() => [];

    /// <summary>"Linear(3 → 2)", "ReLU", ...: what the module is, for messages and printing.</summary>
    public abstract override string ToString();

    /// <summary>"layer '0' (Linear(3 → 2))" or "Linear(3 → 2)", for error messages.</summary>
    internal string Describe() => Name is null ? ToString() : $"layer '{Name}' ({this})";

    /// <summary>Throws unless Backward's gradient has the shape of the last output.</summary>
    internal void CheckBackward(Matrix<T>? lastOutput, Matrix<T> outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (lastOutput is null)
            throw new InvalidOperationException($"{Describe()}: Backward needs the values of a Forward(Matrix) first.");
        if (outputGradient.Shape != lastOutput.Shape)
            throw new ArgumentException(
                $"{Describe()}: Backward got a gradient of shape {outputGradient.Shape} but the last Forward's output has shape {lastOutput.Shape}.",
                nameof(outputGradient));
    }
}
