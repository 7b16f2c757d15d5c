using System.Text.Json.Nodes;
using Descent.Data;
using Descent.Preprocessing;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="SimpleImputerModel"/> step: <c>{"columns": [{"name", "kind": "number", "value"} or {"name", "kind": "category", "text"}]}</c>.</summary>
internal sealed class SimpleImputerModelFormat : IModelFormat
{
    public string Kind => "simple-imputer";

    public Type ModelType => typeof(SimpleImputerModel);

    public JsonObject Write(object model)
    {
        var columns = new JsonArray();
        foreach (var fill in ((SimpleImputerModel)model).Fills)
        {
            var json = new JsonObject { ["name"] = fill.Column, ["kind"] = TableStepFields.KindName(fill.Kind) };
            if (fill.Kind == ColumnKind.Number)
                json["value"] = fill.Number;
            else
                json["text"] = fill.Text;
            columns.Add(json);
        }
        return new JsonObject { ["columns"] = columns };
    }

    public object Read(ModelJsonReader reader, JsonObject json) =>
        new SimpleImputerModel(TableStepFields.Objects(reader, json, "columns", "preprocessing").Select(c =>
        {
            var kind = TableStepFields.ReadKind(reader, c.Json, c.Path);
            return kind == ColumnKind.Number
                ? new ImputedValue(reader.String(c.Json, "name", c.Path), kind, reader.Number(c.Json, "value", c.Path), null)
                : new ImputedValue(reader.String(c.Json, "name", c.Path), kind, 0, reader.String(c.Json, "text", c.Path));
        }).ToArray());
}
