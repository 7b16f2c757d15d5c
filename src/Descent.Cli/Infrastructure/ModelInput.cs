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

    /// <summary>The kind name of the model ("ridge" models are "linear"), for messages.</summary>
    public static string Kind(SavedModel model) => ModelFormats.ForModel(model.Model).Kind;
}
