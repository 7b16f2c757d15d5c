using System.Numerics;

namespace Descent.Optimization;

/// <summary>
/// What the mini-batch loop trains: a loss over a model's training rows whose parameters are one vector θ. The loop
/// picks the rows of each batch; the objective computes the loss and its gradient on them. Implementations reuse
/// their buffers, so a step allocates nothing.
/// </summary>
public interface IMiniBatchObjective<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>m, the number of training rows (row indices are 0 … m − 1).</summary>
    int Rows { get; }

    /// <summary>The number of parameters, the length of θ.</summary>
    int Dimension { get; }

    /// <summary>For classifiers, the class of each row, so that a validation split keeps each class's share; null for regression.</summary>
    IReadOnlyList<int>? ClassOfRow { get; }

    /// <summary>The array the loop passes as the gradient to <see cref="BatchLossAndGradient"/> (of length
    /// <see cref="Dimension"/>), or null — the default — for an array of the loop's own. An objective that computes its
    /// gradient in an array of its own (a network's flat gradient vector) returns it, so that nothing is copied per step.</summary>
    T[]? GradientStorage => null;

    /// <summary>Returns the loss on the batch <paramref name="rows"/> at <paramref name="parameters"/> — its mean over
    /// the batch plus any penalty — and writes its gradient into <paramref name="gradient"/>.</summary>
    double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<T> parameters, Span<T> gradient);

    /// <summary>The same loss on <paramref name="rows"/> without the gradient (the loop asks for it over all training
    /// rows when it records the loss of whole passes).</summary>
    double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<T> parameters);

    /// <summary>The score on held-out <paramref name="rows"/>, higher is better: accuracy for a classifier, R² for a regressor.</summary>
    double Score(ReadOnlySpan<int> rows, ReadOnlySpan<T> parameters);
}
