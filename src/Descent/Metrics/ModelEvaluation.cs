using System.Globalization;
using System.Text;
using System.Text.Json;
using Descent.Numerics;

namespace Descent.Metrics;

/// <summary>What <c>descent evaluate</c> reports for a regressor: the JSON keys <c>mse</c>, <c>rmse</c>, <c>mae</c>, <c>r2</c>.</summary>
/// <param name="Mse">Mean squared error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="R2">Coefficient of determination (NaN for a single sample).</param>
public sealed record RegressionEvaluation(double Mse, double Rmse, double Mae, double R2)
{
    /// <summary>The JSON object of ../shared/CLI.md (NaN is written as null).</summary>
    public string ToJson() => EvaluationJson.Write(w =>
    {
        EvaluationJson.Number(w, "mse", Mse);
        EvaluationJson.Number(w, "rmse", Rmse);
        EvaluationJson.Number(w, "mae", Mae);
        EvaluationJson.Number(w, "r2", R2);
    });
}

/// <summary>
/// What <c>descent evaluate</c> reports for a classifier (the JSON keys <c>accuracy</c>, <c>precision</c>,
/// <c>recall</c>, <c>f1</c>, <c>log_loss</c>, <c>roc_auc</c>, <c>confusion_matrix</c>, <c>classes</c>). Two classes:
/// scores of the positive class (the second); more: macro averages and one-vs-rest macro ROC AUC.
/// </summary>
/// <param name="Accuracy">Fraction of correct predictions.</param>
/// <param name="Precision">Binary precision of the positive class, or the macro average.</param>
/// <param name="Recall">Binary recall of the positive class, or the macro average.</param>
/// <param name="F1">Binary F1 of the positive class, or the macro average.</param>
/// <param name="LogLoss">Cross-entropy of the predicted probabilities, clipped at double epsilon.</param>
/// <param name="RocAuc">ROC AUC, or null when undefined (a class absent from the true labels; see <paramref name="Warnings"/>).</param>
/// <param name="ConfusionMatrix">Counts, rows = true class, columns = predicted, in class order.</param>
/// <param name="Classes">The model's classes, in order.</param>
/// <param name="Warnings">Why a score was set to 0 or left out.</param>
public sealed record ClassificationEvaluation(double Accuracy, double Precision, double Recall, double F1, double LogLoss, double? RocAuc,
    long[][] ConfusionMatrix, IReadOnlyList<Label> Classes, IReadOnlyList<string> Warnings)
{
    /// <summary>The JSON object of ../shared/CLI.md: labels that are numbers are JSON numbers, others strings.</summary>
    public string ToJson() => EvaluationJson.Write(w =>
    {
        EvaluationJson.Number(w, "accuracy", Accuracy);
        EvaluationJson.Number(w, "precision", Precision);
        EvaluationJson.Number(w, "recall", Recall);
        EvaluationJson.Number(w, "f1", F1);
        EvaluationJson.Number(w, "log_loss", LogLoss);
        EvaluationJson.Number(w, "roc_auc", RocAuc ?? double.NaN);
        w.WriteStartArray("confusion_matrix");
        foreach (long[] row in ConfusionMatrix)
        {
            w.WriteStartArray();
            foreach (long count in row)
                w.WriteNumberValue(count);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("classes");
        foreach (Label label in Classes)
        {
            if (label.IsNumber && EvaluationJson.IsJsonNumber(label.Text))
                w.WriteRawValue(label.Text);
            else if (label.IsNumber)
                w.WriteNumberValue(label.Number);
            else
                w.WriteStringValue(label.Text);
        }
        w.WriteEndArray();
    });
}

/// <summary>
/// The numbers of <c>descent evaluate</c> (../shared/CLI.md), computed exactly as the scikit-learn calls a user would
/// make: <c>mean_squared_error</c>, <c>mean_absolute_error</c>, <c>r2_score</c>; <c>accuracy_score</c>;
/// <c>precision/recall/f1_score(average="binary", pos_label=classes[1])</c> or <c>average="macro"</c>;
/// <c>log_loss(labels=classes)</c>; <c>roc_auc_score</c> on the positive column or <c>multi_class="ovr"</c> macro;
/// <c>confusion_matrix(labels=classes)</c>. Ill-defined precision/recall/F1 are 0 with scikit-learn's warning (zero_division="warn").
/// </summary>
public static class ModelEvaluation
{
    /// <summary>The regression metrics of predictions <paramref name="yPred"/> against <paramref name="yTrue"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, empty input, or NaN/infinite values.</exception>
    public static RegressionEvaluation Regression(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        double mse = RegressionMetrics.MeanSquaredError(yTrue, yPred);
        return new RegressionEvaluation(mse, Math.Sqrt(mse), RegressionMetrics.MeanAbsoluteError(yTrue, yPred),
            RegressionMetrics.R2Score(yTrue, yPred));
    }

    /// <summary>
    /// The classification metrics of a model with classes <paramref name="classes"/> that predicted class index
    /// <paramref name="predictedClassIndices"/>[i] and probabilities row i (column k = <c>classes[k]</c>) for a sample
    /// whose true label is <paramref name="yTrue"/>[i].
    /// </summary>
    /// <exception cref="DescentDataException">A true label is not one of the model's classes (names the row and the label).</exception>
    /// <exception cref="ArgumentException">Lengths or shapes disagree, fewer than two classes, or NaN probabilities.</exception>
    public static ClassificationEvaluation Classification(IReadOnlyList<Label> classes, IReadOnlyList<Label> yTrue,
        IReadOnlyList<int> predictedClassIndices, Matrix<double> probabilities)
    {
        const string function = "ModelEvaluation.Classification";
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(predictedClassIndices);
        ArgumentNullException.ThrowIfNull(probabilities);
        int k = classes.Count, n = yTrue.Count;
        if (k < 2)
            throw new ArgumentException($"{function}: a classifier needs at least two classes, got {k}.", nameof(classes));
        InputCheck.SameLength(function, ("yTrue", n, true), ("predictedClassIndices", predictedClassIndices.Count, true),
            ("probabilities", probabilities.Rows, true));
        if (probabilities.Columns != k)
            throw new ArgumentException($"{function}: probabilities has {probabilities.Columns} columns but the model has {k} classes.", nameof(probabilities));
        InputCheck.NotEmpty(function, "yTrue", n);
        var trueIndex = new int[n];
        var truth = new Label[n];
        var predicted = new Label[n];
        for (int i = 0; i < n; i++)
        {
            trueIndex[i] = ClassLabels.IndexOf(classes, yTrue[i]);
            if (trueIndex[i] < 0)
                throw new DescentDataException(
                    $"{function}: row {i}: the true label '{yTrue[i].Text}' is not one of the model's classes ({string.Join(", ", classes)}); " +
                    "evaluate on data with the classes the model was fitted on.", row: i);
            int p = predictedClassIndices[i];
            if ((uint)p >= (uint)k)
                throw new ArgumentOutOfRangeException(nameof(predictedClassIndices), p, $"{function}: predicted class index {p} at row {i} is outside [0, {k}).");
            truth[i] = classes[trueIndex[i]];
            predicted[i] = classes[p];
        }
        var warnings = new List<string>();
        bool binary = k == 2;
        Average average = binary ? Average.Binary : Average.Macro;
        Optional<Label> positive = binary ? new Optional<Label>(classes[1]) : default;
        var precision = ClassificationMetrics.Precision(truth, predicted, average, posLabel: positive, zeroDivision: ZeroDivision.Warn);
        var recall = ClassificationMetrics.Recall(truth, predicted, average, posLabel: positive, zeroDivision: ZeroDivision.Warn);
        var f1 = ClassificationMetrics.F1(truth, predicted, average, posLabel: positive, zeroDivision: ZeroDivision.Warn);
        foreach (string warning in precision.Warnings.Concat(recall.Warnings).Concat(f1.Warnings))
            if (!warnings.Contains(warning))
                warnings.Add(warning);
        double logLoss = ProbabilityMetrics.LogLoss(truth, probabilities, classes);
        double? rocAuc = RocAuc(classes, trueIndex, probabilities, warnings);
        var confusion = ClassificationMetrics.ConfusionMatrix(truth, predicted, classes).ToCounts();
        return new ClassificationEvaluation(ClassificationMetrics.Accuracy(truth, predicted), precision.Value, recall.Value, f1.Value,
            logLoss, rocAuc, confusion, classes.ToArray(), warnings);
    }

    private static double? RocAuc(IReadOnlyList<Label> classes, int[] trueIndex, Matrix<double> probabilities, List<string> warnings)
    {
        var counts = new int[classes.Count];
        foreach (int c in trueIndex)
            counts[c]++;
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0 || counts[c] == trueIndex.Length)
            {
                warnings.Add($"roc_auc is not defined: class '{classes[c].Text}' {(counts[c] == 0 ? "does not occur" : "is the only class")} " +
                    "in the true labels.");
                return null;
            }
        }
        if (classes.Count == 2)
        {
            var positive = new byte[trueIndex.Length];
            for (int i = 0; i < positive.Length; i++)
                positive[i] = (byte)trueIndex[i];
            return RankingMetrics.BinaryAuc("ModelEvaluation.Classification", positive, 2, probabilities.Column(1).ToArray(), default);
        }
        return RankingMetrics.RocAuc(trueIndex, probabilities, Average.Macro, Enumerable.Range(0, classes.Count).ToArray());
    }
}

/// <summary>Writes the evaluate JSON objects.</summary>
internal static class EvaluationJson
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
            writer.WriteNumber(name, value);
        else
            writer.WriteNull(name);
    }

    /// <summary>True when <paramref name="text"/> is valid JSON number syntax (so "3" stays 3, never 3.0).</summary>
    public static bool IsJsonNumber(string text)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.BytesConsumed == Encoding.UTF8.GetByteCount(text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
