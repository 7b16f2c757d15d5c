using System.CommandLine;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Checks an output path before any work is done, so a mistake in <c>--out</c> is reported at once and nothing is
/// written; the write itself goes through <see cref="AtomicFile"/> (a temporary file moved into place; devices, FIFOs
/// and /dev/stdout written in place; symbolic links followed).
/// </summary>
internal static class OutputPath
{
    /// <summary>The input options an output must not overwrite.</summary>
    private static readonly string[] InputOptions = ["--data", "--model"];

    /// <summary>
    /// The full path of <paramref name="path"/>, after checking that it names a file in an existing directory and,
    /// given the command's <paramref name="parse"/> result, that it is not the file of <c>--data</c> or <c>--model</c>.
    /// </summary>
    /// <exception cref="CliUsageException">The path is empty, a directory, in a directory that does not exist, or an input.</exception>
    public static string Check(string path, ParseResult? parse = null)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CliUsageException("the output path is empty; give a file name (e.g. --out result.csv).");
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new CliUsageException($"cannot write '{path}': it is a directory; give a file name.");
        string? directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
            throw new CliUsageException($"cannot write '{path}': the directory '{directory}' does not exist; create it first.");
        foreach (Option option in parse?.CommandResult.Command.Options.Where(o => InputOptions.Contains(o.Name)) ?? [])
            if (parse!.GetValue<string>(option.Name) is { Length: > 0 } input && FileStatus.SameFile(full, input))
                throw new CliUsageException($"--out '{path}' is the file of {option.Name} '{input}': writing it would destroy the input; give another --out.");
        return full;
    }
}
