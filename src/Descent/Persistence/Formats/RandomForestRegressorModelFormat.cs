using System.Text.Json.Nodes;
using Descent.Trees;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="RandomForestRegressorModel"/>: <c>{"criterion", "oobScore" (when computed), "trees": [...]}</c>.</summary>
internal sealed class RandomForestRegressorModelFormat : IModelFormat
{
    public string Kind => "forest-regressor";

    public Type ModelType => typeof(RandomForestRegressorModel);

    public int FormatVersion => TreeJson.FormatVersion;

    public JsonObject Write(object model)
    {
        var forest = (RandomForestRegressorModel)model;
        var json = new JsonObject { ["criterion"] = forest.Criterion };
        if (forest.OobScore is double oob)
            json["oobScore"] = oob;
        json["trees"] = TreeJson.WriteForest(forest.Trees);
        return json;
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        string criterion = reader.String(json, "criterion", "model");
        double? oob = json.ContainsKey("oobScore") ? reader.Number(json, "oobScore", "model") : null;
        return new RandomForestRegressorModel(TreeJson.ReadForest(reader, json, 1), criterion, oob);
    }
}
