using Descent.Data;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Resolves <c>--data X</c> as the CLI contract says: X is a CSV file when such a file exists, otherwise the name of
/// an embedded dataset (whose target defaults to its last column), otherwise an error naming both possibilities.
/// </summary>
internal static class DataSource
{
    /// <summary>Loads X with the given target and feature columns.</summary>
    /// <exception cref="CliUsageException">X is neither a file nor a dataset name, or is a directory.</exception>
    /// <exception cref="DescentDataException">The data is invalid (the message names file, line and column).</exception>
    public static Dataset Load(string data, string? target, IReadOnlyList<string>? features)
    {
        var options = new CsvReadOptions { Target = target, Features = features is { Count: > 0 } ? features : null };
        if (File.Exists(data))
            return CsvReader.Read(data, options);
        CheckName(data);
        return Datasets.Load(data, options);
    }

    /// <summary>Checks that <paramref name="data"/>, which is not a file, names a dataset.</summary>
    /// <exception cref="CliUsageException">It is a directory, or neither a file nor a dataset.</exception>
    public static void CheckName(string data)
    {
        if (Directory.Exists(data))
            throw new CliUsageException($"--data '{data}' is a directory; give a CSV file or a dataset name.");
        if (Datasets.Exists(data))
            return;
        string names = string.Join(", ", Datasets.List().Select(d => d.Name));
        throw new CliUsageException(LooksLikePath(data)
            ? $"--data '{data}': no such file (the datasets built in are {names})."
            : $"--data '{data}' is neither a file nor a dataset; the datasets are {names}.");
    }

    private static bool LooksLikePath(string data) =>
        data.Contains('/') || data.Contains('\\') || Path.HasExtension(data);
}
