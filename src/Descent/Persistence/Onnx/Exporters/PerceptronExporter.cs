using Descent.Linear;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>
/// A <see cref="PerceptronModel"/>: <c>label</c> and, instead of probabilities (a perceptron has none, like
/// scikit-learn's), <c>scores</c> = X·Wᵀ + b as float — scikit-learn's <c>decision_function</c>: [N, 1] for two
/// classes (positive means Classes[1]), [N, K] otherwise. Label: Classes[1] when the score is &gt; 0 (two classes), else
/// the class of the largest score.
/// </summary>
internal sealed class PerceptronExporter : IOnnxModelExporter
{
    public Type ModelType => typeof(PerceptronModel);

    public void Add(OnnxGraph graph, object model, OnnxTensor input)
    {
        var perceptron = (PerceptronModel)model;
        var weights = perceptron.Coefficients;
        var scores = LinearScores.Add(graph, input, weights, perceptron.Intercepts);
        var indices = perceptron.Classes.Count == 2 ? OnnxClassLabels.Above(graph, scores, 0.0) : OnnxClassLabels.ArgMax(graph, scores);
        OnnxClassLabels.Output(graph, perceptron.Classes, indices);
        graph.Output("scores", graph.Cast(scores, DataType.Float), weights.Rows);
    }
}
