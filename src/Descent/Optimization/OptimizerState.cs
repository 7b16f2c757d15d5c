using System.Numerics;

namespace Descent.Optimization;

/// <summary>
/// A running optimizer: its step count t, the current learning rate η, and its buffers for each parameter tensor.
/// A step updates every parameter once: <see cref="Step"/> for a model whose parameters are one vector, or
/// <see cref="BeginStep"/> followed by <see cref="Update"/> for each tensor (PyTorch's <c>optimizer.step()</c> over a
/// parameter list). Parameters are changed in place; gradients are read only.
/// </summary>
public abstract class OptimizerState<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _lengths;

    private protected OptimizerState(IReadOnlyList<int> lengths, double learningRate)
    {
        _lengths = lengths.ToArray();
        LearningRate = learningRate;
    }

    /// <summary>Steps begun so far, t (Adam's bias corrections use it).</summary>
    public int Steps { get; private set; }

    /// <summary>The learning rate η of the next step; starts at the optimizer's and may be changed by a schedule.</summary>
    public double LearningRate { get; set; }

    /// <summary>Number of parameter tensors.</summary>
    public int Count => _lengths.Length;

    /// <summary>One step on a model with a single parameter vector: <see cref="BeginStep"/>, then <see cref="Update"/> of tensor 0.</summary>
    /// <exception cref="ArgumentException">The spans do not have the length given at Start.</exception>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradient)
    {
        BeginStep();
        Update(0, parameters, gradient);
    }

    /// <summary>Starts the next step (t ← t + 1); then call <see cref="Update"/> once for each parameter tensor.</summary>
    public void BeginStep() => Steps++;

    /// <summary>Updates parameter tensor <paramref name="index"/> in place from its <paramref name="gradient"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a tensor of this state.</exception>
    /// <exception cref="ArgumentException">The spans do not have the length given at Start.</exception>
    /// <exception cref="InvalidOperationException">No step was begun.</exception>
    public void Update(int index, Span<T> parameters, ReadOnlySpan<T> gradient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _lengths.Length);
        if (parameters.Length != _lengths[index] || gradient.Length != _lengths[index])
            throw new ArgumentException(
                $"{GetType().Name}.Update: parameter tensor {index} has {_lengths[index]} values, but {parameters.Length} parameters and " +
                $"{gradient.Length} gradient values were given.");
        if (Steps == 0)
            throw new InvalidOperationException($"{GetType().Name}.Update: call BeginStep (or Step) first.");
        Apply(index, parameters, gradient);
    }

    /// <summary>The update rule on tensor <paramref name="index"/>, with lengths checked and t = <see cref="Steps"/> ≥ 1.</summary>
    private protected abstract void Apply(int index, Span<T> parameters, ReadOnlySpan<T> gradient);

    /// <summary>A buffer of zeros for each tensor (a velocity or a moment estimate).</summary>
    private protected T[][] Buffers() => Array.ConvertAll(_lengths, n => new T[n]);
}
