using System.Text.Json.Nodes;
using Descent.Linear;

namespace Descent.Persistence.Formats;

/// <summary>
/// A <see cref="PerceptronModel"/>: <c>{"classes", "coefficients": [[...]], "intercepts", "iterations", "converged", "history"}</c>
/// with one weight row for two classes and one per class otherwise.
/// </summary>
internal sealed class PerceptronModelFormat : IModelFormat
{
    public string Kind => "perceptron";

    public Type ModelType => typeof(PerceptronModel);

    public JsonObject Write(object model)
    {
        var perceptron = (PerceptronModel)model;
        return new JsonObject
        {
            ["classes"] = JsonFormat.Labels(perceptron.Classes),
            ["coefficients"] = FormatFields.Matrix(perceptron.Coefficients),
            ["intercepts"] = JsonFormat.Numbers(perceptron.Intercepts),
            ["iterations"] = perceptron.Iterations,
            ["converged"] = perceptron.Converged,
            ["history"] = JsonFormat.History(perceptron.History),
        };
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var classes = FormatFields.Classes(reader, json, "model", 2);
        int rows = classes.Length == 2 ? 1 : classes.Length;
        var coefficients = FormatFields.ReadMatrix(reader, json, "coefficients", "model", rows);
        var intercepts = reader.Numbers(json, "intercepts", "model", rows);
        return new PerceptronModel(classes, coefficients, intercepts, JsonFormat.ReadHistory(reader, json, "model"),
            FormatFields.ReadCount(reader, json, "iterations", "model", 0), FormatFields.ReadStopReason(reader, json, "model"));
    }
}
