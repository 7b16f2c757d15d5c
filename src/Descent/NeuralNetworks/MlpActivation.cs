namespace Descent.NeuralNetworks;

/// <summary>The activation of an MLP's hidden layers (scikit-learn's <c>activation</c>, plus the leaky ReLU).</summary>
public enum MlpActivation
{
    /// <summary>max(x, 0) (scikit-learn's <c>"relu"</c>, the default).</summary>
    Relu,

    /// <summary>tanh x (<c>"tanh"</c>).</summary>
    Tanh,

    /// <summary>The sigmoid 1 / (1 + e⁻ˣ) (<c>"logistic"</c>); its weights start in a narrower range (Glorot's factor 2).</summary>
    Logistic,

    /// <summary>x (<c>"identity"</c>): the network is then a linear model, however many layers it has.</summary>
    Identity,

    /// <summary>x for x &gt; 0, 0.01·x otherwise (PyTorch's <c>LeakyReLU</c>; scikit-learn has none): no unit dies.</summary>
    LeakyRelu,
}

/// <summary>How an MLP takes its steps (scikit-learn's <c>solver</c>).</summary>
public enum MlpSolver
{
    /// <summary>Adam (the default), with ε where the settings put it.</summary>
    Adam,

    /// <summary>Stochastic gradient descent with the settings' momentum (0.9, Nesterov's by default, as scikit-learn).</summary>
    Sgd,
}
