namespace Descent.NeuralNetworks;

/// <summary>
/// The activation g of one layer of an <see cref="ExplicitNetwork"/>. The last layer's activation also chooses the cost,
/// the pairing of the lecture for which the output error is simply dZ⁽ᴸ⁾ = A⁽ᴸ⁾ − Y:
/// <see cref="Identity"/> with the squared error J = 1/(2m)·Σ(a − y)² (linear regression as one neuron),
/// <see cref="Sigmoid"/> with the binary cross-entropy (logistic regression as one neuron),
/// <see cref="Softmax"/> with the cross-entropy over classes.
/// </summary>
public enum ExplicitActivation
{
    /// <summary>g(z) = z, g′(z) = 1.</summary>
    Identity,

    /// <summary>g(z) = σ(z) = 1 / (1 + e⁻ᶻ), g′(z) = σ(z)(1 − σ(z)).</summary>
    Sigmoid,

    /// <summary>g(z) = tanh z, g′(z) = 1 − tanh²z.</summary>
    Tanh,

    /// <summary>g(z) = max(z, 0), g′(z) = 1 for z &gt; 0, else 0.</summary>
    Relu,

    /// <summary>g(z) = z for z &gt; 0, 0.01·z otherwise; g′(z) = 1 or 0.01.</summary>
    LeakyRelu,

    /// <summary>g(z)ₖ = e^(zₖ) / Σⱼ e^(zⱼ) over each example's outputs; the last layer only.</summary>
    Softmax,
}
