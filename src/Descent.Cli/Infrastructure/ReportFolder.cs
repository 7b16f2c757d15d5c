using Descent.Plotting;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Writes a report folder (what <c>tour</c> and <c>report</c> produce) with <see cref="AtomicFolder"/>: each figure as
/// its own SVG file (<c>NN-name.svg</c>), metrics.json, other files and index.html are written into a temporary sibling
/// folder that then replaces the folder whole. A folder holding files Descent did not write is refused, never cleared.
/// </summary>
internal static class ReportFolder
{
    /// <summary>The full path of <paramref name="folder"/>, after checking that the report may be written there.</summary>
    /// <exception cref="CliUsageException">The path is empty or names a file.</exception>
    /// <exception cref="IOException">The folder holds files Descent did not write.</exception>
    public static string Check(string folder, string what)
    {
        if (string.IsNullOrWhiteSpace(folder))
            throw new CliUsageException($"--out is empty; give a folder for the {what} (e.g. --out {what}).");
        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
            throw new CliUsageException($"cannot write the {what} into '{folder}': it is a file; give a folder.");
        AtomicFolder.CheckReplaceable(folder);
        return full;
    }

    /// <summary>Writes the report into <paramref name="folder"/> (created with its parents when missing), replacing
    /// an earlier report there as a whole.</summary>
    /// <returns>The path of index.html.</returns>
    public static string Write(string folder, IEnumerable<(string FileName, Figure Figure)> figures, string metricsJson, string html,
        IEnumerable<(string FileName, string Text)>? otherFiles = null)
    {
        AtomicFolder.Write(folder, temporary =>
        {
            foreach (var (fileName, figure) in figures)
                File.WriteAllText(Path.Combine(temporary, fileName), figure.ToSvg());
            foreach (var (fileName, text) in otherFiles ?? [])
                File.WriteAllText(Path.Combine(temporary, fileName), text);
            File.WriteAllText(Path.Combine(temporary, "metrics.json"), metricsJson);
            File.WriteAllText(Path.Combine(temporary, "index.html"), html);
        });
        return Path.Combine(folder, "index.html");
    }
}
