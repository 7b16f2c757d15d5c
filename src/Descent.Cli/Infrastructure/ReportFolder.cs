using Descent.Plotting;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Writes a report folder (what <c>tour</c> and <c>report</c> produce): each figure as its own SVG file,
/// metrics.json, other files, and index.html last, every file atomically.
/// </summary>
internal static class ReportFolder
{
    /// <summary>The full path of <paramref name="folder"/>, after checking it is not a file.</summary>
    /// <exception cref="CliUsageException">The path is empty or names a file.</exception>
    public static string Check(string folder, string what)
    {
        if (string.IsNullOrWhiteSpace(folder))
            throw new CliUsageException($"--out is empty; give a folder for the {what} (e.g. --out {what}).");
        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
            throw new CliUsageException($"cannot write the {what} into '{folder}': it is a file; give a folder.");
        return full;
    }

    /// <summary>Creates <paramref name="folder"/> when missing and writes the files into it, index.html last.</summary>
    /// <returns>The path of index.html.</returns>
    public static string Write(string folder, IEnumerable<(string FileName, Figure Figure)> figures, string metricsJson, string html,
        IEnumerable<(string FileName, string Text)>? otherFiles = null)
    {
        Directory.CreateDirectory(folder);
        foreach (var (fileName, figure) in figures)
            AtomicFile.WriteText(Path.Combine(folder, fileName), writer => writer.Write(figure.ToSvg()));
        foreach (var (fileName, text) in otherFiles ?? [])
            AtomicFile.WriteText(Path.Combine(folder, fileName), writer => writer.Write(text));
        AtomicFile.WriteText(Path.Combine(folder, "metrics.json"), writer => writer.Write(metricsJson));
        string index = Path.Combine(folder, "index.html");
        AtomicFile.WriteText(index, writer => writer.Write(html));
        return index;
    }
}
