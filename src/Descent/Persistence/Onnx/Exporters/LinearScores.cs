using Descent.Numerics;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>The scores Z = X·Wᵀ + b of a linear model, in double: one Gemm node, [N, rows of W].</summary>
internal static class LinearScores
{
    public static OnnxTensor Add(OnnxGraph graph, OnnxTensor input, Matrix<double> weights, IReadOnlyList<double> intercepts)
    {
        var x = graph.Cast(input, DataType.Double);
        var w = graph.Constant("coefficients", weights.ToArray(), weights.Rows, weights.Columns);
        var b = graph.Constant("intercepts", intercepts, intercepts.Count);
        return graph.Node("Gemm", DataType.Double, [x, w, b], OnnxAttribute.Int("transB", 1));
    }
}
