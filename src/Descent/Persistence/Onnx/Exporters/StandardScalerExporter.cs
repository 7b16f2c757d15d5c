using Descent.Preprocessing;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>A <see cref="StandardScalerModel"/> as z = (x − mean) / scale, in double: Sub, Div.</summary>
internal sealed class StandardScalerExporter : IOnnxStepExporter
{
    public Type StepType => typeof(StandardScalerModel);

    public OnnxTensor Add(OnnxGraph graph, object step, OnnxTensor input)
    {
        var scaler = (StandardScalerModel)step;
        var x = graph.Cast(input, DataType.Double);
        var mean = graph.Constant("mean", scaler.Mean, scaler.InputFeatureCount);
        var scale = graph.Constant("scale", scaler.Scale, scaler.InputFeatureCount);
        var centered = graph.Node("Sub", DataType.Double, [x, mean]);
        return graph.Node("Div", DataType.Double, [centered, scale]);
    }
}
