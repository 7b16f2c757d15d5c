using Descent.Autograd;

namespace Descent.Plotting.Models;

/// <summary>Draws the graph of a scalar expression built with <see cref="Value"/>: each value with its data and gradient.</summary>
/// <example><code>
/// var y = (x * w + b).Tanh();
/// y.Backward();
/// ValueGraphFigure.Draw(y).Save("neuron.svg");
/// </code></example>
public static class ValueGraphFigure
{
    /// <summary>The computation graph of <paramref name="output"/> (<see cref="Figures.ComputationGraph"/>): every value it
    /// was computed from, with the gradients of the last <see cref="Value.Backward"/>.</summary>
    public static Figure Draw(Value output, string? title = "Computation graph")
    {
        ArgumentNullException.ThrowIfNull(output);
        return Figures.ComputationGraph(Nodes(output), title);
    }

    /// <summary>The graph of <paramref name="output"/> as plain diagram nodes, inputs first.</summary>
    public static IReadOnlyList<ComputationGraphNode> Nodes(Value output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = output.Graph();
        var index = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        var nodes = new ComputationGraphNode[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            var v = values[i];
            index[v] = i;
            nodes[i] = new ComputationGraphNode
            {
                Label = v.Label,
                Operation = v.Operation,
                Value = v.Data,
                Gradient = v.Grad,
                Inputs = v.Inputs.Select(input => index[input]).ToArray(),
            };
        }
        return nodes;
    }
}
