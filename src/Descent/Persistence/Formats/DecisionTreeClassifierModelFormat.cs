using System.Text.Json.Nodes;
using Descent.Trees;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="DecisionTreeClassifierModel"/>: <c>{"classes", "criterion", "tree": {...}}</c> (node values are class weights).</summary>
internal sealed class DecisionTreeClassifierModelFormat : IModelFormat
{
    public string Kind => "tree-classifier";

    public Type ModelType => typeof(DecisionTreeClassifierModel);

    public int FormatVersion => TreeJson.FormatVersion;

    public JsonObject Write(object model)
    {
        var tree = (DecisionTreeClassifierModel)model;
        return new JsonObject
        {
            ["classes"] = JsonFormat.Labels(tree.Classes),
            ["criterion"] = tree.Criterion,
            ["tree"] = TreeJson.Write(tree.Tree),
        };
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var classes = FormatFields.Classes(reader, json, "model", 1);
        string criterion = reader.String(json, "criterion", "model");
        var tree = TreeJson.Read(reader, reader.Object(json, "tree", "model"), "model.tree", classes.Length);
        return new DecisionTreeClassifierModel(tree, classes, criterion);
    }
}
