using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Persistence;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent evaluate --model MODEL.json --data X [--target COL] [--json]</c>: the model's metrics on labelled data,
/// as a table or as exactly one JSON object with the keys of the CLI contract (<see cref="ModelEvaluation"/>).
/// </summary>
internal sealed class EvaluateCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var model = PredictCommand.ModelFile();
        var data = CommonOptions.Data();
        var target = CommonOptions.Target("Default: the target the model was fitted on.");
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON object instead of a table." };
        var threads = CommonOptions.Threads();
        var tableOptions = TableOptions.Separators();
        var command = new Command("evaluate",
            "Evaluate a saved model on labelled data. Regression: mse, rmse, mae, r2. Classification: accuracy, precision, " +
            "recall, f1 (of the positive class, the second in class order, for two classes; macro averages for more), " +
            "log_loss, roc_auc, the confusion matrix (rows = true class) and the classes. A perceptron has no probabilities: " +
            "its log_loss is null and its roc_auc comes from its scores (two classes) or is null.\n\nExamples:\n" +
            "  descent evaluate --model iris.json --data iris\n" +
            "  descent evaluate --model truck.json --data test.csv --target profit --json")
        {
            model, data, target, json, threads,
        };
        foreach (Option option in tableOptions.Options)
            command.Add(option);
        command.SetAction(parse =>
        {
            string modelPath = parse.GetValue(model)!;
            SavedModel saved = ModelInput.LoadModel(modelPath);
            string targetName = parse.GetValue(target) ?? saved.TargetName
                ?? throw new CliUsageException($"'{modelPath}' does not name its target; give --target COL.");
            var (table, x, warnings) = ModelInput.LoadTable(parse, tableOptions, parse.GetValue(data)!, saved, targetName);
            Dataset rows = table.ToDataset(x, Enumerable.Range(0, x.Columns).Select(j => $"x{j}").ToArray());
            if (!context.IsQuiet(parse))
                foreach (string warning in warnings)
                    context.Error.WriteLine("warning: " + warning);
            if (saved.Regressor is { } regressor)
            {
                var result = ModelEvaluation.Regression(rows.RequireNumericTarget(), regressor.Predict(x));
                if (parse.GetValue(json))
                    context.Out.WriteLine(result.ToJson());
                else
                    TableWriter.Write(context, ["metric", "value"],
                        [["mse", Format(result.Mse)], ["rmse", Format(result.Rmse)], ["mae", Format(result.Mae)], ["r2", Format(result.R2)]],
                        new HashSet<int> { 1 });
                return 0;
            }
            var evaluation = Classification(saved.Classifier!, Targets.Labels(rows), x);
            if (!context.IsQuiet(parse))
                foreach (string warning in evaluation.Warnings)
                    context.Error.WriteLine("warning: " + warning);
            if (parse.GetValue(json))
                context.Out.WriteLine(evaluation.ToJson());
            else
                WriteTables(context, evaluation);
            return 0;
        });
        return command;
    }

    internal static ClassificationEvaluation Classification(IClassificationModel classifier, Label[] truth, Matrix<double> x)
    {
        int[] predicted = classifier.PredictClassIndices(x);
        if (classifier is not PerceptronModel perceptron)
            return ModelEvaluation.Classification(classifier.Classes, truth, predicted, classifier.PredictProbabilities(x));
        // No probabilities: score the hard predictions, then replace the probability-based metrics.
        var oneHot = new Matrix<double>(predicted.Length, classifier.Classes.Count);
        for (int i = 0; i < predicted.Length; i++)
            oneHot[i, predicted[i]] = 1.0;
        var evaluation = ModelEvaluation.Classification(classifier.Classes, truth, predicted, oneHot);
        double? auc = null;
        if (classifier.Classes.Count == 2)
        {
            int[] trueIndex = truth.Select(l => ClassLabels.IndexOf(classifier.Classes, l)).ToArray();
            if (trueIndex.Distinct().Count() == 2)
                auc = RankingMetrics.RocAuc(trueIndex, perceptron.DecisionFunction(x).Column(0).ToArray());
        }
        return evaluation with { LogLoss = double.NaN, RocAuc = auc, Warnings = evaluation.Warnings.Where(w => !w.StartsWith("roc_auc", StringComparison.Ordinal)).ToArray() };
    }

    private static void WriteTables(CliContext context, ClassificationEvaluation e)
    {
        TableWriter.Write(context, ["metric", "value"],
        [
            ["accuracy", Format(e.Accuracy)], ["precision", Format(e.Precision)], ["recall", Format(e.Recall)], ["f1", Format(e.F1)],
            ["log_loss", Format(e.LogLoss)], ["roc_auc", e.RocAuc is double auc ? Format(auc) : "n/a"],
        ], new HashSet<int> { 1 });
        context.Out.WriteLine();
        var headers = new List<string> { "true \\ predicted" };
        headers.AddRange(e.Classes.Select(c => c.Text));
        var rows = e.ConfusionMatrix.Select((row, k) => (IReadOnlyList<string>)
            [e.Classes[k].Text, .. row.Select(v => v.ToString(CultureInfo.InvariantCulture))]).ToList();
        TableWriter.Write(context, headers, rows, Enumerable.Range(1, e.Classes.Count).ToHashSet());
    }

    private static string Format(double value) =>
        double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : "n/a";
}
