using Descent.Preprocessing;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>
/// A <see cref="PolynomialFeaturesModel"/>, in double. Terms of the same degree d are computed together: the columns
/// of their first factors (one Gather), multiplied left to right by the columns of their second, third, ... factors
/// (x_a·x_b·x_c = (x_a·x_b)·x_c, the order Descent multiplies in, so the products agree to the bit); the bias term is a
/// column of ones. The groups are concatenated, then put back in the model's column order when that differs.
/// </summary>
internal sealed class PolynomialFeaturesExporter : IOnnxStepExporter
{
    public Type StepType => typeof(PolynomialFeaturesModel);

    public OnnxTensor Add(OnnxGraph graph, object step, OnnxTensor input)
    {
        var polynomial = (PolynomialFeaturesModel)step;
        var x = graph.Cast(input, DataType.Double);
        var terms = polynomial.Terms;
        var degrees = terms.Select(t => t.Count).Distinct().ToArray();
        var groups = new List<OnnxTensor>();
        var order = new List<int>();
        foreach (int degree in degrees)
        {
            int[] columns = Enumerable.Range(0, terms.Count).Where(c => terms[c].Count == degree).ToArray();
            order.AddRange(columns);
            groups.Add(degree == 0 ? Ones(graph, x, columns.Length) : Products(graph, x, columns.Select(c => terms[c]).ToArray()));
        }
        var all = groups.Count == 1 ? groups[0] : graph.Node("Concat", DataType.Double, groups.ToArray(), OnnxAttribute.Int("axis", 1));
        if (order.SequenceEqual(Enumerable.Range(0, terms.Count)))
            return all;
        // Output column c is column position[c] of the concatenation.
        var position = new long[terms.Count];
        for (int i = 0; i < order.Count; i++)
            position[order[i]] = i;
        return graph.Node("Gather", DataType.Double, [all, graph.Constant("term_order", position, position.Length)], OnnxAttribute.Int("axis", 1));
    }

    /// <summary>The product columns of terms that all have the same degree (≥ 1), multiplied left to right.</summary>
    private static OnnxTensor Products(OnnxGraph graph, OnnxTensor x, IReadOnlyList<int>[] terms)
    {
        OnnxTensor? product = null;
        for (int factor = 0; factor < terms[0].Count; factor++)
        {
            var indices = graph.Constant("factor", terms.Select(t => (long)t[factor]), terms.Length);
            var column = graph.Node("Gather", DataType.Double, [x, indices], OnnxAttribute.Int("axis", 1));
            product = product is null ? column : graph.Node("Mul", DataType.Double, [product.Value, column]);
        }
        return product!.Value;
    }

    /// <summary>A [N, count] block of ones: ConstantOfShape over (rows of x, count).</summary>
    private static OnnxTensor Ones(OnnxGraph graph, OnnxTensor x, int count)
    {
        var rows = graph.Node("Shape", DataType.Int64, [x], OnnxAttribute.Int("start", 0), OnnxAttribute.Int("end", 1));
        var shape = graph.Node("Concat", DataType.Int64, [rows, graph.Constant("bias_columns", [(long)count], 1)],
            OnnxAttribute.Int("axis", 0));
        return graph.Node("ConstantOfShape", DataType.Double, [shape], OnnxAttribute.DoubleTensor("value", [1.0]));
    }
}
