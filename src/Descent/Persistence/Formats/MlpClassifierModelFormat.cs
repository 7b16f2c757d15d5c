using System.Text.Json.Nodes;
using Descent.NeuralNetworks;

namespace Descent.Persistence.Formats;

/// <summary>An <see cref="MlpClassifierModel"/>: <c>{"classes", ...the network and training fields of <see cref="MlpJson"/>}</c>,
/// with one output for two classes and one per class otherwise.</summary>
internal sealed class MlpClassifierModelFormat : IModelFormat
{
    public string Kind => "mlp-classifier";

    public Type ModelType => typeof(MlpClassifierModel);

    public int FormatVersion => MlpJson.FormatVersion;

    public JsonObject Write(object model)
    {
        var mlp = (MlpClassifierModel)model;
        var json = new JsonObject { ["classes"] = JsonFormat.Labels(mlp.Classes) };
        MlpJson.Write(mlp, json);
        return json;
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var classes = FormatFields.Classes(reader, json, "model", 2);
        var weights = MlpJson.ReadWeights(reader, json, classes.Length == 2 ? MlpOutput.Logistic : MlpOutput.Softmax,
            classes.Length == 2 ? 1 : classes.Length);
        var (history, iterations, reason, bestLoss, bestScore) = MlpJson.ReadTraining(reader, json);
        return new MlpClassifierModel(classes, weights, history, iterations, reason, bestLoss, bestScore);
    }
}
