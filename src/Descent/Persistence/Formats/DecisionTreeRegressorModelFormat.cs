using System.Text.Json.Nodes;
using Descent.Trees;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="DecisionTreeRegressorModel"/>: <c>{"criterion", "tree": {...}}</c> (node values are mean targets).</summary>
internal sealed class DecisionTreeRegressorModelFormat : IModelFormat
{
    public string Kind => "tree-regressor";

    public Type ModelType => typeof(DecisionTreeRegressorModel);

    public int FormatVersion => TreeJson.FormatVersion;

    public JsonObject Write(object model)
    {
        var tree = (DecisionTreeRegressorModel)model;
        return new JsonObject { ["criterion"] = tree.Criterion, ["tree"] = TreeJson.Write(tree.Tree) };
    }

    public object Read(ModelJsonReader reader, JsonObject json) =>
        new DecisionTreeRegressorModel(TreeJson.Read(reader, reader.Object(json, "tree", "model"), "model.tree", 1),
            reader.String(json, "criterion", "model"));
}
