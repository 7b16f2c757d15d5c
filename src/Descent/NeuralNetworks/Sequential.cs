using System.Numerics;
using Descent.Autograd;
using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// Modules applied one after the other (PyTorch's <c>nn.Sequential</c>); backward runs them in reverse. Children are
/// named "0", "1", ..., so parameters are "0.weight", "0.bias", "2.weight", ... as in a PyTorch state_dict.
/// </summary>
/// <example><code>
/// var rng = new Rng(7);
/// var network = new Sequential&lt;float&gt;(new Linear&lt;float&gt;(784, 128, rng), new Relu&lt;float&gt;(), new Linear&lt;float&gt;(128, 10, rng));
/// </code></example>
public sealed class Sequential<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Module<T>[] _layers;

    /// <summary>A network of <paramref name="layers"/>, applied in order.</summary>
    /// <exception cref="ArgumentException">No layers, or a module that already belongs to another container.</exception>
    public Sequential(params Module<T>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length == 0)
            throw new ArgumentException("Sequential: needs at least one layer.", nameof(layers));
        for (int i = 0; i < layers.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(layers[i], nameof(layers));
            if (layers[i].Name is not null || Array.IndexOf(layers, layers[i]) != i)
                throw new ArgumentException($"Sequential: layer {i} ({layers[i]}) is already part of a network; create a new layer.", nameof(layers));
            layers[i].Name = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        _layers = layers;
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<Module<T>> Layers => _layers;

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        var x = input;
        foreach (var layer in _layers)
            x = layer.Forward(x);
        return x;
    }

    /// <inheritdoc/>
    public override Matrix<T> Forward(Matrix<T> input)
    {
        var x = input;
        foreach (var layer in _layers)
            x = layer.Forward(x);
        return x;
    }

    /// <inheritdoc/>
    public override Matrix<T>? Backward(Matrix<T> outputGradient, bool inputGradient = true)
    {
        var g = outputGradient;
        for (int i = _layers.Length - 1; i > 0; i--)
            g = _layers[i].Backward(g)!;
        return _layers[0].Backward(g, inputGradient);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Module<T> Module)> Children() => _layers.Select(layer => (layer.Name!, layer));

    /// <summary>"Sequential(Linear(784 → 128), ReLU, Linear(128 → 10))".</summary>
    public override string ToString() => $"Sequential({string.Join(", ", _layers.Select(l => l.ToString()))})";
}
