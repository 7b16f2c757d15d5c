using System.Text.Json.Nodes;
using Descent.Linear;

namespace Descent.Persistence.Formats;

/// <summary>An <see cref="IterativeLinearModel"/> (linear regression by gradient descent) as the linear fields plus how
/// training ended: <c>{"coefficients", "intercept", "iterations", "converged", "history"}</c>.</summary>
internal sealed class IterativeLinearModelFormat : IModelFormat
{
    public string Kind => "linear-gd";

    public Type ModelType => typeof(IterativeLinearModel);

    public JsonObject Write(object model)
    {
        var linear = (IterativeLinearModel)model;
        return new JsonObject
        {
            ["coefficients"] = JsonFormat.Numbers(linear.Coefficients),
            ["intercept"] = linear.Intercept,
            ["iterations"] = linear.Iterations,
            ["converged"] = linear.Converged,
            ["history"] = JsonFormat.History(linear.History),
        };
    }

    public object Read(ModelJsonReader reader, JsonObject json) =>
        new IterativeLinearModel(reader.Numbers(json, "coefficients", "model"), reader.Number(json, "intercept", "model"),
            JsonFormat.ReadHistory(reader, json, "model"), FormatFields.ReadCount(reader, json, "iterations", "model", 0),
            FormatFields.ReadStopReason(reader, json, "model"));
}
