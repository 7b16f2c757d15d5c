namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// A computation graph as the lecture draws it, left to right: one box per value with its name, its value
    /// ("data") and its gradient ("grad"); for each computed value the operation that made it, in a circle, with edges
    /// from its inputs. Inputs and parameters are tinted blue, the output orange. The figure is as large as the graph
    /// needs (about 240 px per step of the computation), so text keeps its size.
    /// </summary>
    /// <param name="nodes">The values, inputs before the values computed from them; the last one is the output.</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">No nodes, or an input that is not an earlier node.</exception>
    public static Figure ComputationGraph(IReadOnlyList<ComputationGraphNode> nodes, string? title = "Computation graph")
    {
        var layout = ComputationGraphLayout.Compute(nodes);
        return Diagram(new ComputationGraphSeries(nodes.ToArray(), layout), title);
    }
}
