using Descent.Preprocessing;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>A <see cref="MinMaxScalerModel"/> as z = x·scale + offset, in double (Mul, Add), then Clip to the feature
/// range when the scaler clips.</summary>
internal sealed class MinMaxScalerExporter : IOnnxStepExporter
{
    public Type StepType => typeof(MinMaxScalerModel);

    public OnnxTensor Add(OnnxGraph graph, object step, OnnxTensor input)
    {
        var scaler = (MinMaxScalerModel)step;
        var x = graph.Cast(input, DataType.Double);
        var scaled = graph.Node("Mul", DataType.Double, [x, graph.Constant("scale", scaler.Scale, scaler.InputFeatureCount)]);
        var result = graph.Node("Add", DataType.Double, [scaled, graph.Constant("offset", scaler.Offset, scaler.InputFeatureCount)]);
        if (!scaler.Clip)
            return result;
        var low = graph.Constant("range_min", [scaler.FeatureRange.Min]);
        var high = graph.Constant("range_max", [scaler.FeatureRange.Max]);
        return graph.Node("Clip", DataType.Double, [result, low, high]);
    }
}
