using Descent.Trees;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>A <see cref="RandomForestClassifierModel"/> as a tree ensemble (<see cref="TreeEnsemble"/>).</summary>
internal sealed class RandomForestClassifierExporter : IOnnxModelExporter
{
    public Type ModelType => typeof(RandomForestClassifierModel);

    public void Add(OnnxGraph graph, object model, OnnxTensor input)
    {
        var forest = (RandomForestClassifierModel)model;
        TreeEnsemble.Classification(graph, input, forest.Trees, forest.Classes);
    }
}
