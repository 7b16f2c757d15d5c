using Descent.Cli.Models;
using Descent.Data;
using Descent.Persistence;

namespace Descent.Cli.Infrastructure;

/// <summary>What <c>predict</c> and <c>evaluate</c> read: a model file, and data whose feature columns are matched by name.</summary>
internal static class ModelInput
{
    /// <summary>The model saved in <paramref name="path"/>.</summary>
    /// <exception cref="CliUsageException">There is no such file.</exception>
    /// <exception cref="DescentDataException">The file is not a Descent model, of an unknown version or kind, or damaged.</exception>
    public static SavedModel LoadModel(string path)
    {
        if (Directory.Exists(path))
            throw new CliUsageException($"--model '{path}' is a directory; give the model file written by 'descent fit'.");
        if (!File.Exists(path))
            throw new CliUsageException($"--model '{path}': no such file; write one with 'descent fit MODEL ... --out {path}'.");
        return ModelFile.Load(path);
    }

    /// <summary>
    /// The model's feature columns of <paramref name="data"/>, by name in any order (other columns are skipped),
    /// and the target column <paramref name="target"/> when given.
    /// </summary>
    public static Dataset LoadData(string data, SavedModel model, string? target) =>
        DataSource.Load(data, target, model.FeatureNames);

    /// <summary>
    /// The rows of <paramref name="data"/> for <paramref name="model"/>: its feature columns by name, in any order (other
    /// columns are skipped; its categorical inputs read as categories again), the target <paramref name="target"/> when
    /// given, checked (<see cref="TablePlan.ForPredict"/>) and prepared; with the warnings for categories unseen in training.
    /// </summary>
    public static (Table Table, Numerics.Matrix<double> X, IReadOnlyList<string> Warnings) LoadTable(System.CommandLine.ParseResult parse,
        TableOptions options, string data, SavedModel model, string? target)
    {
        var table = TableSource.Load(data, options.ReadOptions(parse, target, model.FeatureNames, TablePlan.CategoricalInputs(model)));
        var warnings = TablePlan.ForPredict(table, model);
        return (table, model.Prepare(table), warnings);
    }

    /// <summary>The kind name of the model ("ridge" models are "linear"), for messages.</summary>
    public static string Kind(SavedModel model) => ModelFormats.ForModel(model.Model).Kind;
}
