using Descent.Trees;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>A <see cref="DecisionTreeClassifierModel"/> as a tree ensemble (<see cref="TreeEnsemble"/>).</summary>
internal sealed class DecisionTreeClassifierExporter : IOnnxModelExporter
{
    public Type ModelType => typeof(DecisionTreeClassifierModel);

    public void Add(OnnxGraph graph, object model, OnnxTensor input)
    {
        var tree = (DecisionTreeClassifierModel)model;
        TreeEnsemble.Classification(graph, input, [tree.Tree], tree.Classes);
    }
}
