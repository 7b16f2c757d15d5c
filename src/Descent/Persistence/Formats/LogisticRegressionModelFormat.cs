using System.Text.Json.Nodes;
using Descent.Linear;

namespace Descent.Persistence.Formats;

/// <summary>
/// A <see cref="LogisticRegressionModel"/> (binary logistic or softmax):
/// <c>{"classes", "multinomial", "coefficients": [[...]], "intercepts", "decisionThreshold", "iterations", "converged", "history"}</c>.
/// The binary form has one weight row (for classes[1]) and two classes; the softmax form one row per class.
/// </summary>
internal sealed class LogisticRegressionModelFormat : IModelFormat
{
    public string Kind => "logistic";

    public Type ModelType => typeof(LogisticRegressionModel);

    public JsonObject Write(object model)
    {
        var logistic = (LogisticRegressionModel)model;
        return new JsonObject
        {
            ["classes"] = JsonFormat.Labels(logistic.Classes),
            ["multinomial"] = logistic.IsMultinomial,
            ["coefficients"] = FormatFields.Matrix(logistic.Coefficients),
            ["intercepts"] = JsonFormat.Numbers(logistic.Intercepts),
            ["decisionThreshold"] = logistic.DecisionThreshold,
            ["iterations"] = logistic.Iterations,
            ["converged"] = logistic.Converged,
            ["history"] = JsonFormat.History(logistic.History),
        };
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        var classes = FormatFields.Classes(reader, json, "model", 2);
        bool multinomial = reader.Boolean(json, "multinomial", "model");
        if (!multinomial && classes.Length != 2)
            throw reader.Invalid("model.classes", $"must list exactly two classes for a binary model (multinomial: false), but lists {classes.Length}");
        int rows = multinomial ? classes.Length : 1;
        var coefficients = FormatFields.ReadMatrix(reader, json, "coefficients", "model", rows);
        var intercepts = reader.Numbers(json, "intercepts", "model", rows);
        double threshold = reader.Number(json, "decisionThreshold", "model");
        if (threshold is not (> 0 and < 1))
            throw reader.Invalid("model.decisionThreshold", "must be between 0 and 1 (exclusive)");
        return new LogisticRegressionModel(classes, coefficients, intercepts, multinomial, threshold,
            JsonFormat.ReadHistory(reader, json, "model"), FormatFields.ReadCount(reader, json, "iterations", "model", 0),
            FormatFields.ReadStopReason(reader, json, "model"));
    }
}
