using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.Numerics;
using Descent.Persistence;


namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent predict --model MODEL.json --data X [--proba] [--out FILE.csv]</c>: a CSV with the column
/// <c>prediction</c> (class labels as written in the training data, or numbers in shortest round-trip form) and,
/// with <c>--proba</c>, one <c>p_&lt;label&gt;</c> column per class in the model's class order.
/// </summary>
internal sealed class PredictCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var model = ModelFile();
        var data = CommonOptions.Data();
        var proba = new Option<bool>("--proba") { Description = "Add one probability column p_<label> per class (classifiers)." };
        var output = CommonOptions.Out("Write the CSV to this file (atomically) instead of stdout.", required: false);
        var threads = CommonOptions.Threads();
        var keep = new Option<string[]?>("--keep")
        {
            Description = "Comma-separated input columns (an ID, say) copied first into the output, as written.",
            HelpName = "a,b",
            CustomParser = r => CommonOptions.ParseNames(r, "--keep"),
        };
        var tableOptions = TableOptions.Separators();
        var command = new Command("predict",
            "Predict with a saved model: writes CSV with a 'prediction' column (class labels as written in the training " +
            "data), and with --proba one 'p_<label>' column per class. Feature columns are matched by name in any order; " +
            "other columns, such as the target, are ignored; --keep copies columns of the input (an ID) first.\n\nExamples:\n" +
            "  descent predict --model iris.json --data iris\n" +
            "  descent predict --model iris.json --data new_flowers.csv --proba --out predictions.csv\n" +
            "  descent predict --model churn.json --data customers.csv --keep id --out predictions.csv")
        {
            model, data, proba, keep, output, threads,
        };
        foreach (Option option in tableOptions.Options)
            command.Add(option);
        command.SetAction(parse =>
        {
            string? path = parse.GetValue(output);
            if (path is not null)
                OutputPath.Check(path, parse);
            SavedModel saved = ModelInput.LoadModel(parse.GetValue(model)!);
            bool withProbabilities = parse.GetValue(proba);
            if (withProbabilities && saved.Classifier is null)
                throw new CliUsageException($"--proba needs a classifier, but '{parse.GetValue(model)}' holds a regression model ({ModelInput.Kind(saved)}).");
            if (withProbabilities && saved.Model is Linear.PerceptronModel)
                throw new CliUsageException("--proba: a perceptron gives scores, not probabilities; fit 'logistic' when you need probabilities.");
            var (rows, x, warnings) = ModelInput.LoadTable(parse, tableOptions, parse.GetValue(data)!, saved, null);
            var kept = parse.GetValue(keep) is { Length: > 0 } names ? KeptColumns(parse, tableOptions, parse.GetValue(data)!, names) : null;
            if (!context.IsQuiet(parse))
                foreach (string warning in warnings)
                    context.Error.WriteLine("warning: " + warning);
            if (path is null)
                Write(context.Out, saved, x, withProbabilities, kept);
            else
            {
                AtomicFile.WriteText(path, writer => Write(writer, saved, x, withProbabilities, kept));
                context.Status(parse, string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {rows.Rows} predictions"));
            }
            return 0;
        });
        return command;
    }

    /// <summary><c>--model FILE</c>, required.</summary>
    internal static Option<string> ModelFile() => new("--model", "-m")
    {
        Description = "A model file written by 'descent fit'.",
        HelpName = "MODEL.json",
        Required = true,
    };

    /// <summary>The <c>--keep</c> columns of the input as written (read again as text; a missing cell is empty).</summary>
    private static Table KeptColumns(ParseResult parse, TableOptions options, string data, string[] names) =>
        TableSource.Load(data, options.ReadOptions(parse, null, names, names), datasetTarget: false);

    private static void Write(TextWriter writer, SavedModel model, Matrix<double> x, bool probabilities, Table? kept)
    {
        var line = new System.Text.StringBuilder();
        string Kept(int row) => kept is null ? ""
            : string.Concat(kept.Columns.Select(c => CsvWriter.Quote(c.Text(row) ?? "") + ","));
        string keptHeader = kept is null ? "" : string.Concat(kept.ColumnNames.Select(n => CsvWriter.Quote(n) + ","));
        if (model.Regressor is { } regressor)
        {
            double[] predictions = regressor.Predict(x);
            writer.Write(keptHeader + "prediction\n");
            for (int i = 0; i < predictions.Length; i++)
                writer.Write(Kept(i) + Number(predictions[i]) + "\n");
            return;
        }
        var classifier = model.Classifier!;
        int[] classes = classifier.PredictClassIndices(x);
        Matrix<double>? p = probabilities ? classifier.PredictProbabilities(x) : null;
        line.Append(keptHeader).Append("prediction");
        if (p is not null)
            foreach (Label label in classifier.Classes)
                line.Append(',').Append(CsvWriter.Quote("p_" + label.Text));
        writer.Write(line.Append('\n').ToString());
        var quoted = classifier.Classes.Select(l => CsvWriter.Quote(l.Text)).ToArray();
        for (int i = 0; i < classes.Length; i++)
        {
            line.Clear().Append(Kept(i)).Append(quoted[classes[i]]);
            if (p is not null)
                for (int k = 0; k < p.Columns; k++)
                    line.Append(',').Append(Number(p[i, k]));
            writer.Write(line.Append('\n').ToString());
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
