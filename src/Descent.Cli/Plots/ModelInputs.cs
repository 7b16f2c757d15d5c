using System.CommandLine;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.Data;
using Descent.Numerics;
using Descent.Persistence;

namespace Descent.Cli.Plots;

/// <summary>
/// What the model-drawing plot kinds read: the saved model (<c>--model</c>), the data to draw or evaluate it on
/// (<c>--data</c>, feature columns matched by name, <c>--target</c> defaulting to the model's), and the model's
/// preprocessing applied to that data.
/// </summary>
internal sealed class ModelInputs
{
    private ModelInputs(SavedModel model, string modelPath, Dataset? data, Matrix<double>? prepared)
    {
        Model = model;
        ModelPath = modelPath;
        Data = data;
        Prepared = prepared;
    }

    /// <summary>The saved model.</summary>
    public SavedModel Model { get; }

    /// <summary>The model file's path, for messages.</summary>
    public string ModelPath { get; }

    /// <summary>The data, when <c>--data</c> was given.</summary>
    public Dataset? Data { get; }

    /// <summary>The data's features after the model's preprocessing.</summary>
    public Matrix<double>? Prepared { get; }

    /// <summary>A model already in memory (named <paramref name="name"/> in messages) and the data to draw it over.</summary>
    public static ModelInputs Of(SavedModel model, string name, Dataset data) => new(model, name, data, model.Prepare(data.Features));

    /// <summary>A model in memory and the rows of a table to draw it over: the data's features are the model's prepared
    /// input when it reads table columns (<see cref="SavedModel.Columns"/>), its numeric columns otherwise.</summary>
    public static ModelInputs Of(SavedModel model, string name, Table table)
    {
        var prepared = model.Prepare(table);
        var raw = model.Columns is null ? table.Select(model.FeatureNames).ToMatrix() : prepared;
        return new(model, name, table.ToDataset(raw, model.Columns is null ? model.FeatureNames : model.Columns.FeatureNames), prepared);
    }

    /// <summary><c>--model MODEL.json</c>, required.</summary>
    public static Option<string> ModelOption() => new("--model", "-m")
    {
        Description = "The model file written by 'descent fit'.",
        HelpName = "MODEL.json",
        Required = true,
    };

    /// <summary><c>--data</c> (optional at parse time, so that a missing one gets a message saying what it is for).</summary>
    public static Option<string> DataOption() => CommonOptions.Data(required: false);

    /// <summary>
    /// Loads the model and, when <paramref name="dataNeededFor"/> is given, the data (an error saying what it is
    /// needed for when <c>--data</c> is missing); the target is read when the data holds it.
    /// </summary>
    public static ModelInputs Load(ParseResult parse, IReadOnlyList<Option> options, string kind, string? dataNeededFor)
    {
        string path = parse.GetValue((Option<string>)options[0])!;
        SavedModel model = ModelInput.LoadModel(path);
        if (dataNeededFor is null)
            return new ModelInputs(model, path, null, null);
        string? data = parse.GetValue((Option<string>)options[1]);
        if (data is null)
            throw new CliUsageException($"plot {kind} needs --data X ({dataNeededFor}); give the CSV file or dataset name.");
        string? target = parse.GetValue((Option<string?>)options[2]) ?? model.TargetName
            ?? throw new CliUsageException($"'{path}' does not name its target; give --target COL.");
        if (model.Columns is not null)
        {
            // A model that reads table columns (categories, dates, imputed cells): the rows are read as predict reads them.
            var table = TableSource.Load(data, new TableReadOptions
            {
                Target = target, Features = model.FeatureNames, CategoricalColumns = TablePlan.CategoricalInputs(model), CollectIssues = true,
            });
            TablePlan.ForPredict(table, model);
            return Of(model, path, table);
        }
        Dataset rows = ModelInput.LoadData(data, model, target);
        return new ModelInputs(model, path, rows, model.Prepare(rows.Features));
    }

    /// <summary>The model's kind name (linear, logistic, tree-classifier, …) for messages.</summary>
    public string Kind => ModelInput.Kind(Model);

    /// <summary>The target values as numbers.</summary>
    public double[] NumericTarget => Data!.RequireNumericTarget();

    /// <summary>The class index (in the model's class order) of each row's label.</summary>
    /// <exception cref="CliUsageException">A label the model does not know.</exception>
    public int[] ClassIndices()
    {
        var classifier = Model.Classifier!;
        Label[] labels = Targets.Labels(Data!);
        var indices = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            indices[i] = ClassLabels.IndexOf(classifier.Classes, labels[i]);
            if (indices[i] < 0)
                throw new CliUsageException(
                    $"{Data!.Source ?? "data"}: row {i + 1} has class '{labels[i].Text}' in '{Data.TargetName}', which the model " +
                    $"'{ModelPath}' was not fitted on (its classes: {string.Join(", ", classifier.Classes.Select(c => c.Text))}).");
        }
        return indices;
    }

    /// <summary>The classifier, or an error saying this plot needs one.</summary>
    public IClassificationModel RequireClassifier(string kind) => Model.Classifier
        ?? throw new CliUsageException(
            $"plot {kind} draws a classifier, but '{ModelPath}' holds a {Kind} regressor; fit one with e.g. 'descent fit logistic ...'.");

    /// <summary>The regressor, or an error saying this plot needs one.</summary>
    public IRegressionModel RequireRegressor(string kind) => Model.Regressor
        ?? throw new CliUsageException(
            $"plot {kind} draws a regressor, but '{ModelPath}' holds a {Kind} classifier; fit one with e.g. 'descent fit linear ...'.");

    /// <summary>One row of raw feature values after the model's preprocessing, ready for the model.</summary>
    public Matrix<double> Prepare(double[] raw) => Model.Prepare(Matrix.Wrap(raw, 1, raw.Length));
}
