using Descent.Trees;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>A <see cref="DecisionTreeRegressorModel"/> as a tree ensemble (<see cref="TreeEnsemble"/>).</summary>
internal sealed class DecisionTreeRegressorExporter : IOnnxModelExporter
{
    public Type ModelType => typeof(DecisionTreeRegressorModel);

    public void Add(OnnxGraph graph, object model, OnnxTensor input)
    {
        var tree = (DecisionTreeRegressorModel)model;
        TreeEnsemble.Regression(graph, input, [tree.Tree]);
    }
}
