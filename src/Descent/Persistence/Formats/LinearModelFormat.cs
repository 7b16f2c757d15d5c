using System.Text.Json.Nodes;
using Descent.Linear;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="LinearModel"/> as <c>{"coefficients": [...], "intercept": b, "history": [...]}</c>.</summary>
internal sealed class LinearModelFormat : IModelFormat
{
    public string Kind => "linear";

    public Type ModelType => typeof(LinearModel);

    public JsonObject Write(object model)
    {
        var linear = (LinearModel)model;
        return new JsonObject
        {
            ["coefficients"] = JsonFormat.Numbers(linear.Coefficients),
            ["intercept"] = linear.Intercept,
            ["history"] = JsonFormat.History(linear.History),
        };
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var coefficients = reader.Numbers(json, "coefficients", "model");
        double intercept = reader.Number(json, "intercept", "model");
        return new LinearModel(coefficients, intercept, JsonFormat.ReadHistory(reader, json, "model"));
    }
}
