using System.Text.Json.Nodes;
using Descent.NeuralNetworks;

namespace Descent.Persistence.Formats;

/// <summary>
/// The fields an MLP classifier and regressor share (format version 2):
/// <c>{"layerSizes": [inputs, hidden..., outputs], "activation": "relu", "precision": "float64" | "float32",
/// "parameters": θ (encoded, full precision: every layer's weight, outputs × inputs row-major, then its bias),
/// "iterations", "stopReason", "bestLoss", "bestValidationScore" (with early stopping), "history"}</c>.
/// </summary>
internal static class MlpJson
{
    public const int FormatVersion = 2;

    private static readonly string[] Activations = ["relu", "tanh", "logistic", "identity", "leaky-relu"];

    public static void Write(MlpModel model, JsonObject json)
    {
        var weights = model.Parameters;
        json["layerSizes"] = FormatFields.Integers(model.LayerSizes);
        json["activation"] = Activations[(int)model.Activation];
        json["precision"] = weights.IsSinglePrecision ? "float32" : "float64";
        json["parameters"] = weights.Values is float[] floats ? JsonFormat.Encoded(floats) : JsonFormat.Encoded((double[])weights.Values);
        json["iterations"] = model.Iterations;
        json["stopReason"] = model.StopReason.ToString();
        json["bestLoss"] = model.BestLoss;
        if (model.BestValidationScore is double score)
            json["bestValidationScore"] = score;
        json["history"] = JsonFormat.History(model.History);
    }

    /// <summary>The network of a file, whose last layer must have <paramref name="outputs"/> units when given.</summary>
    public static MlpWeights ReadWeights(ModelJsonReader reader, JsonObject json, MlpOutput output, int? outputs)
    {
        int[] units = FormatFields.ReadIntegers(reader, json, "layerSizes", "model", 1, int.MaxValue);
        if (units.Length < 2)
            throw reader.Invalid("model.layerSizes", "must list the inputs, any hidden widths and the outputs (at least two sizes)");
        if (outputs is int k && units[^1] != k)
            throw reader.Invalid("model.layerSizes", $"must end with {k} outputs for this model, not {units[^1]}");
        long count = MlpArchitecture.ParametersOf(units);
        if (count > Array.MaxLength)
            throw reader.Invalid("model.layerSizes", "describes a network too large to hold");
        int activation = Array.IndexOf(Activations, reader.String(json, "activation", "model"));
        if (activation < 0)
            throw reader.Invalid("model.activation", $"must be one of {string.Join(", ", Activations)}");
        var architecture = new MlpArchitecture(units, (MlpActivation)activation, output);
        return reader.String(json, "precision", "model") switch
        {
            "float32" => MlpWeights.Of(architecture, reader.Floats(json, "parameters", "model", (int)count)),
            "float64" => MlpWeights.Of(architecture, reader.Numbers(json, "parameters", "model", (int)count)),
            _ => throw reader.Invalid("model.precision", "must be float32 or float64"),
        };
    }

    public static (FitHistory History, int Iterations, StopReason Reason, double BestLoss, double? BestScore) ReadTraining(
        ModelJsonReader reader, JsonObject json)
    {
        if (!Enum.TryParse(reader.String(json, "stopReason", "model"), out StopReason reason) || !Enum.IsDefined(reason))
            throw reader.Invalid("model.stopReason", $"must be one of {string.Join(", ", Enum.GetNames<StopReason>())}");
        double? best = json.ContainsKey("bestValidationScore") ? reader.Number(json, "bestValidationScore", "model") : null;
        return (JsonFormat.ReadHistory(reader, json, "model"), FormatFields.ReadCount(reader, json, "iterations", "model", 0), reason,
            reader.Number(json, "bestLoss", "model"), best);
    }
}
