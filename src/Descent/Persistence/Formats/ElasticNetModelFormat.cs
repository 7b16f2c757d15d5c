using System.Text.Json.Nodes;
using Descent.Linear;

namespace Descent.Persistence.Formats;

/// <summary>An <see cref="ElasticNetModel"/> (Lasso, ElasticNet) as the linear fields plus how coordinate descent ended:
/// <c>{"coefficients", "intercept", "iterations", "dualGap", "converged", "history"}</c>.</summary>
internal sealed class ElasticNetModelFormat : IModelFormat
{
    public string Kind => "elasticnet";

    public Type ModelType => typeof(ElasticNetModel);

    public JsonObject Write(object model)
    {
        var net = (ElasticNetModel)model;
        return new JsonObject
        {
            ["coefficients"] = JsonFormat.Numbers(net.Coefficients),
            ["intercept"] = net.Intercept,
            ["iterations"] = net.Iterations,
            ["dualGap"] = net.DualGap,
            ["converged"] = net.Converged,
            ["history"] = JsonFormat.History(net.History),
        };
    }

    public object Read(ModelJsonReader reader, JsonObject json) =>
        new ElasticNetModel(reader.Numbers(json, "coefficients", "model"), reader.Number(json, "intercept", "model"),
            JsonFormat.ReadHistory(reader, json, "model"), FormatFields.ReadCount(reader, json, "iterations", "model", 0),
            reader.Number(json, "dualGap", "model"), reader.Boolean(json, "converged", "model"));
}
