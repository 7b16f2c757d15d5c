using Descent.Linear;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>
/// A <see cref="LogisticRegressionModel"/>, in double from the scores z = X·Wᵀ + b. Binary: <c>probabilities</c> =
/// (1 − σ(z), σ(z)) and <c>label</c> = Classes[1] exactly when z exceeds the log-odds of the decision threshold (0 at
/// the default 0.5). Softmax: <c>probabilities</c> = softmax(z) by row and <c>label</c> the class of the largest score.
/// </summary>
internal sealed class LogisticRegressionExporter : IOnnxModelExporter
{
    public Type ModelType => typeof(LogisticRegressionModel);

    public void Add(OnnxGraph graph, object model, OnnxTensor input)
    {
        var logistic = (LogisticRegressionModel)model;
        var scores = LinearScores.Add(graph, input, logistic.Coefficients, logistic.Intercepts);
        OnnxTensor probabilities, indices;
        if (logistic.IsMultinomial)
        {
            probabilities = graph.Node("Softmax", DataType.Double, [scores], OnnxAttribute.Int("axis", 1));
            indices = OnnxClassLabels.ArgMax(graph, scores);
        }
        else
        {
            var positive = graph.Node("Sigmoid", DataType.Double, [scores]);
            var negative = graph.Node("Sub", DataType.Double, [graph.Constant("one", [1.0]), positive]);
            probabilities = graph.Node("Concat", DataType.Double, [negative, positive], OnnxAttribute.Int("axis", 1));
            double threshold = logistic.DecisionThreshold;
            indices = OnnxClassLabels.Above(graph, scores, Math.Log(threshold / (1 - threshold)));
        }
        OnnxClassLabels.Output(graph, logistic.Classes, indices);
        graph.Output("probabilities", graph.Cast(probabilities, DataType.Float), logistic.Classes.Count);
    }
}
