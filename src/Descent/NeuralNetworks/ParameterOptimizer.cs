using System.Numerics;
using Descent.Autograd;
using Descent.Optimization;

namespace Descent.NeuralNetworks;

/// <summary>
/// One of the training engine's optimizers (<see cref="Sgd"/>, <see cref="Adam"/>, <see cref="AdamW"/>) applied to a
/// list of parameter tensors, as PyTorch's <c>torch.optim</c> classes are used: <see cref="ZeroGrad"/>, a forward and
/// backward pass, then <see cref="Step"/>. The update rules are the optimizer's own; this only hands it each parameter's
/// values and gradient.
/// </summary>
/// <example><code>
/// var optimizer = new ParameterOptimizer&lt;float&gt;(new Adam { LearningRate = 1e-3 }, network.Parameters());
/// optimizer.ZeroGrad();
/// var loss = lossFunction.Forward(network.Forward(x), labels);
/// loss.Backward();
/// optimizer.Step();
/// </code></example>
public sealed class ParameterOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>[] _parameters;
    private readonly OptimizerState<T> _state;

    /// <summary>The optimizer <paramref name="settings"/> over <paramref name="parameters"/> (each with its own state: velocity, moments).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting of the optimizer is out of range.</exception>
    /// <exception cref="ArgumentException">No parameters, one that does not require grad or is not contiguous, or one listed twice.</exception>
    public ParameterOptimizer(Optimizer settings, IReadOnlyList<Tensor<T>> parameters)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
            throw new ArgumentException("ParameterOptimizer: the parameter list is empty.", nameof(parameters));
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            ArgumentNullException.ThrowIfNull(p, nameof(parameters));
            if (!p.RequiresGrad || !p.IsLeaf || !p.Data.IsContiguous)
                throw new ArgumentException(
                    $"ParameterOptimizer: parameter {i} ({p}) must be a contiguous leaf tensor that requires grad.", nameof(parameters));
            for (int j = 0; j < i; j++)
                if (ReferenceEquals(parameters[j], p))
                    throw new ArgumentException($"ParameterOptimizer: parameter {i} ({p}) is listed twice (also as {j}).", nameof(parameters));
        }
        _parameters = parameters.ToArray();
        Settings = settings;
        _state = settings.Start<T>(_parameters.Select(p => p.Length).ToArray());
    }

    /// <summary>The optimizer's settings.</summary>
    public Optimizer Settings { get; }

    /// <summary>The parameters it updates.</summary>
    public IReadOnlyList<Tensor<T>> Parameters => _parameters;

    /// <summary>The learning rate of the next step (starts at the settings'; a schedule may change it).</summary>
    public double LearningRate
    {
        get => _state.LearningRate;
        set => _state.LearningRate = value;
    }

    /// <summary>Steps taken so far.</summary>
    public int Steps => _state.Steps;

    /// <summary>Sets every parameter's gradient to zero (keeping its storage).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
            p.ZeroGrad();
    }

    /// <summary>
    /// One update of every parameter from its current gradient, in place (a change each later Backward through an
    /// older graph will notice). Parameters without a gradient yet are left as they are, as PyTorch does.
    /// </summary>
    public void Step()
    {
        _state.BeginStep();
        for (int i = 0; i < _parameters.Length; i++)
            if (_parameters[i].Grad is { } grad)
                _state.Update(i, _parameters[i].ValuesForUpdate(), grad.Data.AsSpan());
    }
}
