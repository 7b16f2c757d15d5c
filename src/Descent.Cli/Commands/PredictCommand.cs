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
        var command = new Command("predict",
            "Predict with a saved model: writes CSV with a 'prediction' column (class labels as written in the training " +
            "data), and with --proba one 'p_<label>' column per class. Feature columns are matched by name in any order; " +
            "other columns, such as the target, are ignored.\n\nExamples:\n" +
            "  descent predict --model iris.json --data iris\n" +
            "  descent predict --model iris.json --data new_flowers.csv --proba --out predictions.csv")
        {
            model, data, proba, output, threads,
        };
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
            Dataset rows = ModelInput.LoadData(parse.GetValue(data)!, saved, null);
            Matrix<double> x = saved.Prepare(rows.Features);
            if (path is null)
                Write(context.Out, saved, x, withProbabilities);
            else
            {
                AtomicFile.WriteText(path, writer => Write(writer, saved, x, withProbabilities));
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

    private static void Write(TextWriter writer, SavedModel model, Matrix<double> x, bool probabilities)
    {
        var line = new System.Text.StringBuilder();
        if (model.Regressor is { } regressor)
        {
            double[] predictions = regressor.Predict(x);
            writer.Write("prediction\n");
            foreach (double value in predictions)
                writer.Write(Number(value) + "\n");
            return;
        }
        var classifier = model.Classifier!;
        int[] classes = classifier.PredictClassIndices(x);
        Matrix<double>? p = probabilities ? classifier.PredictProbabilities(x) : null;
        line.Append("prediction");
        if (p is not null)
            foreach (Label label in classifier.Classes)
                line.Append(',').Append(CsvWriter.Quote("p_" + label.Text));
        writer.Write(line.Append('\n').ToString());
        var quoted = classifier.Classes.Select(l => CsvWriter.Quote(l.Text)).ToArray();
        for (int i = 0; i < classes.Length; i++)
        {
            line.Clear().Append(quoted[classes[i]]);
            if (p is not null)
                for (int k = 0; k < p.Columns; k++)
                    line.Append(',').Append(Number(p[i, k]));
            writer.Write(line.Append('\n').ToString());
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
