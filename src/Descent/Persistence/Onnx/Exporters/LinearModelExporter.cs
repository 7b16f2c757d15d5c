using Descent.Linear;
using Descent.Numerics;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>
/// A <see cref="LinearModel"/> (least squares, Ridge, Lasso, ElasticNet, gradient descent): <c>label</c> = X·w + b,
/// computed in double and returned as float [N].
/// </summary>
internal sealed class LinearModelExporter : IOnnxModelExporter
{
    public Type ModelType => typeof(LinearModel);

    public void Add(OnnxGraph graph, object model, OnnxTensor input)
    {
        var linear = (LinearModel)model;
        var weights = Matrix.FromRows([linear.Coefficients.ToArray()]);
        var scores = LinearScores.Add(graph, input, weights, [linear.Intercept]);
        graph.Output("label", graph.Cast(graph.Flatten(scores), DataType.Float));
    }
}
