using System.Numerics;
using Descent.Numerics;

namespace Descent.Autograd;

/// <summary>
/// The backward pass: orders the computed tensors of a graph so that each comes after every tensor computed from it
/// (a reverse topological order, found with an explicit stack: no recursion, so a graph of any depth works), checks
/// that nothing it needs was freed or changed in place, then runs each node's backward rule once, from the output down.
/// </summary>
internal static class Graph
{
    public static void Backward<T>(Tensor<T> output, Matrix<T> seed, bool retainGraph)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var order = ReverseTopologicalOrder(output);
        // Every check runs before any gradient is written: an error leaves every Grad as it was.
        foreach (var node in order)
        {
            if (node.IsFreed)
                throw new InvalidOperationException(
                    $"Tensor.Backward: the graph through '{node.Operation}' ({node.Describe()}) was freed by an earlier " +
                    "Backward(). Pass retainGraph: true to the first Backward() to go through the graph again, or compute " +
                    "the output again.");
            node.CheckSavedVersions();
        }

        output.AccumulateGrad(seed);
        foreach (var node in order)
        {
            var rule = node.BackwardRule!;
            var gradient = node.TakeGradient();
            if (!retainGraph)
                node.Free();
            if (gradient is not null)
                rule(gradient);
        }
    }

    /// <summary>
    /// The computed (non-leaf) tensors that <paramref name="output"/> depends on through tensors that require grad,
    /// each after all of its consumers: a depth-first post-order (inputs before the node), reversed.
    /// </summary>
    public static List<Tensor<T>> ReverseTopologicalOrder<T>(Tensor<T> output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var order = new List<Tensor<T>>();
        if (output.IsLeaf)
            return order;
        var visited = new HashSet<Tensor<T>>(ReferenceEqualityComparer.Instance) { output };
        var stack = new Stack<(Tensor<T> Node, int NextInput)>();
        stack.Push((output, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node.Inputs.Count)
            {
                stack.Push((node, next + 1));
                var input = node.Inputs[next];
                if (input.RequiresGrad && !input.IsLeaf && visited.Add(input))
                    stack.Push((input, 0));
            }
            else
            {
                order.Add(node);
            }
        }
        order.Reverse();
        return order;
    }
}
