using System.Text.Json.Nodes;
using Descent.Trees;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="RandomForestClassifierModel"/>: <c>{"classes", "criterion", "oobScore" (when computed), "trees": [...]}</c>.</summary>
internal sealed class RandomForestClassifierModelFormat : IModelFormat
{
    public string Kind => "forest-classifier";

    public Type ModelType => typeof(RandomForestClassifierModel);

    public int FormatVersion => TreeJson.FormatVersion;

    public JsonObject Write(object model)
    {
        var forest = (RandomForestClassifierModel)model;
        var json = new JsonObject { ["classes"] = JsonFormat.Labels(forest.Classes), ["criterion"] = forest.Criterion };
        if (forest.OobScore is double oob)
            json["oobScore"] = oob;
        json["trees"] = TreeJson.WriteForest(forest.Trees);
        return json;
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var classes = FormatFields.Classes(reader, json, "model", 1);
        string criterion = reader.String(json, "criterion", "model");
        double? oob = json.ContainsKey("oobScore") ? reader.Number(json, "oobScore", "model") : null;
        return new RandomForestClassifierModel(TreeJson.ReadForest(reader, json, classes.Length), classes, criterion, oob);
    }
}
