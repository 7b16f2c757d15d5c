using Descent.Trees;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>A <see cref="RandomForestRegressorModel"/> as a tree ensemble (<see cref="TreeEnsemble"/>).</summary>
internal sealed class RandomForestRegressorExporter : IOnnxModelExporter
{
    public Type ModelType => typeof(RandomForestRegressorModel);

    public void Add(OnnxGraph graph, object model, OnnxTensor input)
    {
        var forest = (RandomForestRegressorModel)model;
        TreeEnsemble.Regression(graph, input, forest.Trees);
    }
}
