namespace Descent.Plotting;

/// <summary>
/// One value of a computation graph (<see cref="Figures.ComputationGraph"/>), described without reference to any
/// engine: its name, the operation that produced it (none for an input or a parameter), its value, its gradient, and
/// the nodes it was computed from. Nodes are listed inputs first (a topological order); the last is the output.
/// </summary>
/// <example><code>
/// ComputationGraphNode[] nodes =
/// [
///     new() { Label = "x", Value = 2, Gradient = -3 },
///     new() { Label = "w", Value = -3, Gradient = 2 },
///     new() { Label = "y", Operation = "*", Value = -6, Gradient = 1, Inputs = [0, 1] },
/// ];
/// </code></example>
public sealed record ComputationGraphNode
{
    /// <summary>The name shown in bold ("x", "w1", "loss"); null shows none.</summary>
    public string? Label { get; init; }

    /// <summary>The operation drawn in a circle before the box ("+", "*", "tanh"); null for a leaf.</summary>
    public string? Operation { get; init; }

    /// <summary>The value computed in the forward pass.</summary>
    public double Value { get; init; }

    /// <summary>∂(output)/∂(this value) from the backward pass; null when there is none yet.</summary>
    public double? Gradient { get; init; }

    /// <summary>Indices of the nodes this one was computed from (each smaller than this node's own index).</summary>
    public IReadOnlyList<int> Inputs { get; init; } = [];
}
