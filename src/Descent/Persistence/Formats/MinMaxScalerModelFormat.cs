using System.Text.Json.Nodes;
using Descent.Preprocessing;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="MinMaxScalerModel"/> step: <c>{"dataMin", "dataMax", "featureRange": [lo, hi], "clip"}</c>
/// (scale and offset are recomputed from these exactly as at Fit).</summary>
internal sealed class MinMaxScalerModelFormat : IModelFormat
{
    public string Kind => "min-max-scaler";

    public Type ModelType => typeof(MinMaxScalerModel);

    public JsonObject Write(object model)
    {
        var scaler = (MinMaxScalerModel)model;
        return new JsonObject
        {
            ["dataMin"] = JsonFormat.Numbers(scaler.DataMin),
            ["dataMax"] = JsonFormat.Numbers(scaler.DataMax),
            ["featureRange"] = JsonFormat.Numbers([scaler.FeatureRange.Min, scaler.FeatureRange.Max]),
            ["clip"] = scaler.Clip,
        };
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var min = reader.Numbers(json, "dataMin", "preprocessing");
        var max = reader.Numbers(json, "dataMax", "preprocessing", min.Length);
        var range = reader.Numbers(json, "featureRange", "preprocessing", 2);
        if (!(range[0] < range[1]))
            throw reader.Invalid("preprocessing.featureRange", "must be [lo, hi] with lo < hi");
        return new MinMaxScalerModel(min, max, (range[0], range[1]), reader.Boolean(json, "clip", "preprocessing"));
    }
}
