using System.Text.Json.Nodes;
using Descent.NeuralNetworks;

namespace Descent.Persistence.Formats;

/// <summary>An <see cref="MlpRegressorModel"/>: the network and training fields of <see cref="MlpJson"/>, one output.</summary>
internal sealed class MlpRegressorModelFormat : IModelFormat
{
    public string Kind => "mlp-regressor";

    public Type ModelType => typeof(MlpRegressorModel);

    public int FormatVersion => MlpJson.FormatVersion;

    public JsonObject Write(object model)
    {
        var json = new JsonObject();
        MlpJson.Write((MlpRegressorModel)model, json);
        return json;
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var weights = MlpJson.ReadWeights(reader, json, MlpOutput.Identity, 1);
        var (history, iterations, reason, bestLoss, bestScore) = MlpJson.ReadTraining(reader, json);
        return new MlpRegressorModel(weights, history, iterations, reason, bestLoss, bestScore);
    }
}
