using System.Text.Json.Nodes;
using Descent.Preprocessing;

namespace Descent.Persistence.Formats;

/// <summary>
/// A <see cref="ColumnTransformerModel"/> step: <c>{"inputs": [{"name", "kind"}], "entries": [{"columns": [...], "steps":
/// [{"kind": "simple-imputer", ...}, {"kind": "one-hot-encoder", ...}]}], "remainder": [...]}</c>, each nested step in
/// its own format.
/// </summary>
internal sealed class ColumnTransformerModelFormat : IModelFormat
{
    public string Kind => "column-transformer";

    public Type ModelType => typeof(ColumnTransformerModel);

    public JsonObject Write(object model)
    {
        var columns = (ColumnTransformerModel)model;
        var inputs = new JsonArray();
        foreach (var (name, kind) in columns.Inputs)
            inputs.Add(new JsonObject { ["name"] = name, ["kind"] = TableStepFields.KindName(kind) });
        var entries = new JsonArray();
        foreach (var (names, steps) in columns.Entries)
        {
            var stepArray = new JsonArray();
            foreach (var step in steps)
            {
                var format = ModelFormats.ForModel(step);
                var json = format.Write(step);
                json.Insert(0, "kind", format.Kind);
                stepArray.Add(json);
            }
            entries.Add(new JsonObject { ["columns"] = JsonFormat.Strings(names), ["steps"] = stepArray });
        }
        return new JsonObject { ["inputs"] = inputs, ["entries"] = entries, ["remainder"] = JsonFormat.Strings(columns.Remainder) };
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var inputs = TableStepFields.Objects(reader, json, "inputs", "preprocessing")
            .Select(i => (reader.String(i.Json, "name", i.Path), TableStepFields.ReadKind(reader, i.Json, i.Path))).ToArray();
        var entries = TableStepFields.Objects(reader, json, "entries", "preprocessing").Select(e =>
        {
            var steps = TableStepFields.Objects(reader, e.Json, "steps", e.Path).Select(s =>
            {
                string kind = reader.String(s.Json, "kind", s.Path);
                var format = ModelFormats.ForKind(kind) ?? throw reader.Invalid($"{s.Path}.kind", $"names an unknown step kind '{kind}'");
                return format.Read(reader, s.Json) as IFittedTableTransformer
                    ?? throw reader.Invalid($"{s.Path}.kind", $"'{kind}' is not a step over table columns");
            }).ToArray();
            return ((IReadOnlyList<string>)reader.Strings(e.Json, "columns", e.Path), (IReadOnlyList<IFittedTableTransformer>)steps);
        }).ToArray();
        return new ColumnTransformerModel(inputs, entries, reader.Strings(json, "remainder", "preprocessing"));
    }
}
