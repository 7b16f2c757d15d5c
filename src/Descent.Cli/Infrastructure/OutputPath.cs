namespace Descent.Cli.Infrastructure;

/// <summary>
/// Checks an output path before any work is done, so a mistake in <c>--out</c> is reported at once and nothing is
/// written; the write itself goes through <see cref="AtomicFile"/> (a temporary file moved into place).
/// </summary>
internal static class OutputPath
{
    /// <summary>The full path of <paramref name="path"/>, after checking that it names a file in an existing directory.</summary>
    /// <exception cref="CliUsageException">The path is empty, a directory, or in a directory that does not exist.</exception>
    public static string Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CliUsageException("the output path is empty; give a file name (e.g. --out result.csv).");
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new CliUsageException($"cannot write '{path}': it is a directory; give a file name.");
        string? directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
            throw new CliUsageException($"cannot write '{path}': the directory '{directory}' does not exist; create it first.");
        return full;
    }
}
