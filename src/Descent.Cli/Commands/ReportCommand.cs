using System.CommandLine;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.Cli.Report;
using Descent.Data;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent report MODEL --data X --target COL [model options, --standardize, --degree] --out DIR</c>: split, fit,
/// evaluate on the held-out rows, and write DIR/index.html (self-contained), the figures as SVG, DIR/metrics.json (the
/// keys of <c>evaluate --json</c> plus the split) and DIR/model.json. One subcommand per entry of <see cref="ModelCatalog"/>.
/// </summary>
internal sealed class ReportCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var report = new Command("report",
            "Split the data into training and test rows (--test-size, default 0.25, stratified by class for a classifier, " +
            "--seed), fit MODEL on the training rows, evaluate it on the test rows, and write a folder: index.html (one " +
            "self-contained page, inline SVG, nothing fetched from the network), each figure as SVG, metrics.json (the keys of " +
            "'evaluate --json' plus the split, including the test row numbers) and model.json (the fitted model, for 'predict'). " +
            "Figures by kind: loss curve, confusion matrix, ROC and precision-recall, predicted against actual and residuals, " +
            "decision boundary (two features), tree diagram and feature importances, learning curve. MODEL is one of: " +
            string.Join(", ", ModelCatalog.All.Select(e => e.Name)) + ".\n\nExamples:\n" +
            "  descent report logistic --data breast_cancer --target malignant --standardize --out cancer-report\n" +
            "  descent report ridge --data diabetes --target progression --alpha 0.5 --out diabetes-report\n" +
            "  descent report tree-classifier --data iris --target species --max-depth 3 --test-size 0.3 --seed 7 --out iris-report");
        foreach (ModelEntry entry in ModelCatalog.All)
            report.Add(BuildModel(context, entry));
        return report;
    }

    private static Command BuildModel(CliContext context, ModelEntry entry)
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target(entry.IsClassifier ? "Its values are the class labels, kept as written." : "Its values must be numbers.");
        target.Required = true;
        var output = CommonOptions.Out("The folder to write index.html, the figures, metrics.json and model.json into; created when missing.");
        output.HelpName = "DIR";
        var features = CommonOptions.Features();
        var testSize = CommonOptions.Double("--test-size", "The fraction of rows held out for testing.", 0.25, 0, 1, minExclusive: true, maxExclusive: true);
        var preprocessing = new PreprocessingOptions();
        var tableOptions = TableOptions.All();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        ModelBinding binding = entry.Bind();
        string dataset = entry.IsClassifier ? "iris --target species" : "diabetes --target progression";
        var command = new Command(entry.Name, $"Report on {entry.Name}: {entry.Description}\n\nExamples:\n" +
            $"  descent report {entry.Name} --data {dataset} --out report\n" +
            $"  descent report {entry.Name} --data my.csv --target y --features a,b{(entry.IsTree ? "" : " --standardize")} --test-size 0.3 --seed 1 --out report")
        {
            data, target, output, features, testSize,
        };
        foreach (Option option in tableOptions.Options.Concat(preprocessing.Options).Concat(binding.Options).Append(seed).Append(threads))
            command.Add(option);
        command.SetAction(parse =>
        {
            string folder = ReportFolder.Check(parse.GetValue(output)!, "report");
            int seedValue = parse.GetValue(seed);
            Estimator estimator = binding.Create(parse, seedValue);
            var (loaded, pipeline, dropped) = TrainingTable.Load(parse, tableOptions, preprocessing, parse.GetValue(data)!,
                parse.GetValue(target), parse.GetValue(features));
            if (!entry.IsClassifier)
                loaded.RequireNumericTarget();
            double size = parse.GetValue(testSize);
            var indices = DatasetRows.SplitIndices(loaded, size, entry.IsClassifier, seedValue);
            Table train = loaded.Take(indices.Train), test = loaded.Take(indices.Test);
            var fitted = ModelTraining.Fit(context, !context.IsQuiet(parse), entry, estimator, ModelTraining.Prepare(pipeline, train));
            var request = new ModelReport.Request(entry, estimator, pipeline, loaded, size, seedValue);
            var result = ModelReport.Build(request, fitted, train, test, indices.Test);
            string index = ReportFolder.Write(folder, result.Figures, result.MetricsJson, result.Html, [("model.json", result.ModelJson)]);
            if (fitted.Warning is not null && !context.IsQuiet(parse))
                context.Error.WriteLine("warning: " + fitted.Warning);
            context.Status(parse, $"{entry.Name} on {loaded}{TrainingTable.DroppedNote(dropped)}: {result.Summary}; wrote {index} ({result.Figures.Count} figures, metrics.json, model.json)");
            return 0;
        });
        return command;
    }
}
