using System.Text.Json.Nodes;
using Descent.Preprocessing;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="StandardScalerModel"/> step: <c>{"mean", "variance", "scale"}</c>, one value per column.</summary>
internal sealed class StandardScalerModelFormat : IModelFormat
{
    public string Kind => "standard-scaler";

    public Type ModelType => typeof(StandardScalerModel);

    public JsonObject Write(object model)
    {
        var scaler = (StandardScalerModel)model;
        return new JsonObject
        {
            ["mean"] = JsonFormat.Numbers(scaler.Mean),
            ["variance"] = JsonFormat.Numbers(scaler.Variance),
            ["scale"] = JsonFormat.Numbers(scaler.Scale),
        };
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var scale = reader.Numbers(json, "scale", "preprocessing");
        for (int j = 0; j < scale.Length; j++)
            if (!(scale[j] > 0))
                throw reader.Invalid($"preprocessing.scale[{j}]", "must be a positive number");
        return new StandardScalerModel(reader.Numbers(json, "mean", "preprocessing", scale.Length),
            reader.Numbers(json, "variance", "preprocessing", scale.Length), scale);
    }
}
