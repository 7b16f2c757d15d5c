using Descent.NeuralNetworks;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>
/// An <see cref="MlpClassifierModel"/> or <see cref="MlpRegressorModel"/>, in double: each layer a Gemm
/// (h·Wᵀ + b) followed, between layers, by the hidden activation (Relu, Tanh, Sigmoid, LeakyRelu with α = 0.01).
/// Regressor: <c>label</c> = the last layer's output. Two classes: <c>probabilities</c> = (1 − σ(z), σ(z)) and
/// <c>label</c> = Classes[1] when σ(z) &gt; 0.5; more: softmax(z) and the class of the largest score.
/// </summary>
internal sealed class MlpExporter : IOnnxModelExporter
{
    public Type ModelType => typeof(MlpModel);

    public void Add(OnnxGraph graph, object model, OnnxTensor input)
    {
        var mlp = (MlpModel)model;
        var h = graph.Cast(input, DataType.Double);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var w = mlp.Weight(l);
            double[] b = mlp.Bias(l);
            h = graph.Node("Gemm", DataType.Double,
                [h, graph.Constant($"weight{l}", w.ToArray(), w.Rows, w.Columns), graph.Constant($"bias{l}", b, b.Length)],
                OnnxAttribute.Int("transB", 1));
            if (l < mlp.LayerCount - 1)
                h = Activation(graph, mlp.Activation, h);
        }
        if (mlp is not MlpClassifierModel classifier)
        {
            graph.Output("label", graph.Cast(graph.Flatten(h), DataType.Float));
            return;
        }
        OnnxTensor probabilities, indices;
        if (classifier.Classes.Count > 2)
        {
            probabilities = graph.Node("Softmax", DataType.Double, [h], OnnxAttribute.Int("axis", 1));
            indices = OnnxClassLabels.ArgMax(graph, h);
        }
        else
        {
            var positive = graph.Node("Sigmoid", DataType.Double, [h]);
            var negative = graph.Node("Sub", DataType.Double, [graph.Constant("one", [1.0]), positive]);
            probabilities = graph.Node("Concat", DataType.Double, [negative, positive], OnnxAttribute.Int("axis", 1));
            indices = OnnxClassLabels.Above(graph, positive, 0.5);
        }
        OnnxClassLabels.Output(graph, classifier.Classes, indices);
        graph.Output("probabilities", graph.Cast(probabilities, DataType.Float), classifier.Classes.Count);
    }

    private static OnnxTensor Activation(OnnxGraph graph, MlpActivation activation, OnnxTensor h) => activation switch
    {
        MlpActivation.Relu => graph.Node("Relu", DataType.Double, [h]),
        MlpActivation.Tanh => graph.Node("Tanh", DataType.Double, [h]),
        MlpActivation.Logistic => graph.Node("Sigmoid", DataType.Double, [h]),
        MlpActivation.LeakyRelu => graph.Node("LeakyRelu", DataType.Double, [h], OnnxAttribute.Float("alpha", 0.01f)),
        _ => h,
    };
}
