using System.Numerics;
using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// The settings of a first-order optimizer — a plain, immutable record, like every estimator's settings. <see cref="Start{T}(int)"/>
/// validates them and creates the <see cref="OptimizerState{T}"/> that updates (parameter, gradient) spans in place and
/// owns the per-parameter buffers (velocity, moments). One optimizer drives every iteratively trained model: the linear
/// models' mini-batch solvers, the perceptron and the neural networks.
/// </summary>
public abstract record Optimizer
{
    /// <summary>The step size η of the first step (a schedule may change it between epochs).</summary>
    public abstract double LearningRate { get; init; }

    /// <summary>An L2 penalty λ ≥ 0 added to every gradient before the update, g ← g + λ·θ (PyTorch's
    /// <c>weight_decay</c> of SGD and Adam): it minimises f(θ) + (λ/2)·‖θ‖². 0 (the default) adds nothing.</summary>
    public double L2Penalty { get; init; }

    /// <summary>The state for one parameter vector of <paramref name="length"/> values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named, with its valid range).</exception>
    public OptimizerState<T> Start<T>(int length) where T : unmanaged, IFloatingPointIeee754<T> => Start<T>([length]);

    /// <summary>The state for several parameter tensors, of the given lengths (updated by index with
    /// <see cref="OptimizerState{T}.Update"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named, with its valid range).</exception>
    public OptimizerState<T> Start<T>(IReadOnlyList<int> lengths) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(lengths);
        Validate();
        foreach (int length in lengths)
            ArgumentOutOfRangeException.ThrowIfNegative(length, nameof(lengths));
        return CreateState<T>(lengths);
    }

    /// <summary>Checks every setting; throws <see cref="ArgumentOutOfRangeException"/> naming the first one out of range.</summary>
    public virtual void Validate()
    {
        string name = GetType().Name;
        Check.Parameter(double.IsFinite(LearningRate) && LearningRate > 0, name, nameof(LearningRate), "a finite number > 0", LearningRate);
        Check.Parameter(double.IsFinite(L2Penalty) && L2Penalty >= 0, name, nameof(L2Penalty), "a finite number >= 0", L2Penalty);
    }

    /// <summary>The state of this optimizer over parameters of the given lengths; the settings are valid.</summary>
    private protected abstract OptimizerState<T> CreateState<T>(IReadOnlyList<int> lengths) where T : unmanaged, IFloatingPointIeee754<T>;
}
