using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.ModelSelection;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent cv MODEL --data X --target COL [--folds K] [--shuffle] [--seed N] [--scoring NAME] [model options] [--json]</c>:
/// the cross-validated score of MODEL as scikit-learn's <c>cross_val_score(cv=K)</c>: KFold (regressors) or
/// StratifiedKFold (classifiers), without shuffling unless asked, the preprocessing fitted inside each fold.
/// </summary>
internal sealed class CvCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var cv = new Command("cv",
            "Cross-validate MODEL on a CSV file or dataset, as scikit-learn's cross_val_score: K folds (--folds, default 5), " +
            "StratifiedKFold for classifiers and KFold for regressors, not shuffled unless --shuffle (then seeded by --seed); " +
            "the preprocessing (imputing, encoding, --degree, --standardize) is fitted on each fold's training rows only. Scoring: " +
            "accuracy (default), f1-macro or roc-auc for classifiers; r2 (default) or neg-mse for regressors. Prints each fold's " +
            "score, their mean and standard deviation. MODEL is one of: " + string.Join(", ", ModelCatalog.All.Select(e => e.Name)) +
            ".\n\nExamples:\n" +
            "  descent cv logistic --data iris --target species --standardize\n" +
            "  descent cv ridge --data customers.csv --target spend --impute median --thousands , --folds 10 --json");
        foreach (ModelEntry entry in ModelCatalog.All)
            cv.Add(BuildModel(context, entry));
        return cv;
    }

    private static Command BuildModel(CliContext context, ModelEntry entry)
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target();
        target.Required = true;
        var features = CommonOptions.Features();
        var folds = CommonOptions.Int("--folds", "Number of folds K.", 5, min: 2, max: 1000);
        var shuffle = new Option<bool>("--shuffle") { Description = "Shuffle the rows (seeded by --seed) before cutting folds." };
        var scorings = Estimator.Scorings(entry.IsClassifier);
        var scoring = ModelOptions.Choice("--scoring", "The score of each fold", [.. scorings]);
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON object: {\"scores\", \"mean\", \"std\", \"scoring\"}." };
        var tableOptions = TableOptions.All();
        var preprocessing = new PreprocessingOptions();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        ModelBinding binding = entry.Bind();
        string dataset = entry.IsClassifier ? "iris --target species" : "diabetes --target progression";
        var command = new Command(entry.Name, $"Cross-validate {entry.Name}: {entry.Description}\n\nExamples:\n" +
            $"  descent cv {entry.Name} --data {dataset}\n" +
            $"  descent cv {entry.Name} --data my.csv --target y --exclude id --impute median --standardize --folds 10 --json")
        {
            data, target, features, folds, shuffle, scoring, json,
        };
        foreach (Option option in tableOptions.Options.Concat(preprocessing.Options).Concat(binding.Options).Append(seed).Append(threads))
            command.Add(option);
        command.SetAction(parse =>
        {
            int seedValue = parse.GetValue(seed);
            Estimator estimator = binding.Create(parse, seedValue);
            var (table, pipeline, dropped) = TrainingTable.Load(parse, tableOptions, preprocessing, parse.GetValue(data)!,
                parse.GetValue(target), parse.GetValue(features));
            int k = parse.GetValue(folds);
            bool shuffled = parse.GetValue(shuffle);
            ICrossValidator splitter = entry.IsClassifier
                ? new StratifiedKFold(k) { Shuffle = shuffled, Seed = seedValue }
                : new KFold(k) { Shuffle = shuffled, Seed = seedValue };
            string name = parse.GetValue(scoring)!;
            var result = estimator.Score(pipeline, table, splitter, name);
            if (!context.IsQuiet(parse))
                foreach (string warning in result.Warnings)
                    context.Error.WriteLine("warning: " + warning);
            double mean = result.MeanTestScore, std = result.StandardDeviationTestScore;
            if (parse.GetValue(json))
            {
                var scores = new JsonArray();
                foreach (double s in result.TestScores)
                    scores.Add(double.IsFinite(s) ? JsonValue.Create(s) : null);
                context.Out.WriteLine(new JsonObject
                {
                    ["scores"] = scores,
                    ["mean"] = double.IsFinite(mean) ? mean : null,
                    ["std"] = double.IsFinite(std) ? std : null,
                    ["scoring"] = name,
                }.ToJsonString());
                return 0;
            }
            context.Status(parse, $"{entry.Name} on {table}{TrainingTable.DroppedNote(dropped)}: {k}-fold {name}" +
                (shuffled ? $" (shuffled, seed {seedValue})" : ""));
            TableWriter.Write(context, ["fold", name],
                [.. result.TestScores.Select((s, f) => (IReadOnlyList<string>)[(f + 1).ToString(CultureInfo.InvariantCulture), Format(s)]),
                    ["mean", Format(mean)], ["std", Format(std)]], new HashSet<int> { 1 });
            return 0;
        });
        return command;
    }

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : "n/a";
}
