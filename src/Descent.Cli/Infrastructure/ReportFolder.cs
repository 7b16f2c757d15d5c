using Descent.Plotting;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Writes a report folder (what <c>tour</c> and <c>report</c> produce): each figure as its own SVG file
/// (<c>NN-name.svg</c>; such files left from an earlier run into the same folder are removed), metrics.json, other
/// files, and index.html last, every file atomically.
/// </summary>
internal static class ReportFolder
{
    private static bool IsFigureName(string name) =>
        name.Length > 7 && char.IsAsciiDigit(name[0]) && char.IsAsciiDigit(name[1]) && name[2] == '-'
        && name[3..^4].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

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
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fileName, figure) in figures)
        {
            AtomicFile.WriteText(Path.Combine(folder, fileName), writer => writer.Write(figure.ToSvg()));
            written.Add(fileName);
        }
        // A folder written before holds figures of that run; remove those this run did not write (only "NN-name.svg").
        foreach (string stale in Directory.EnumerateFiles(folder, "??-*.svg").Where(f => IsFigureName(Path.GetFileName(f)) && !written.Contains(Path.GetFileName(f))))
            File.Delete(stale);
        foreach (var (fileName, text) in otherFiles ?? [])
            AtomicFile.WriteText(Path.Combine(folder, fileName), writer => writer.Write(text));
        AtomicFile.WriteText(Path.Combine(folder, "metrics.json"), writer => writer.Write(metricsJson));
        string index = Path.Combine(folder, "index.html");
        AtomicFile.WriteText(index, writer => writer.Write(html));
        return index;
    }
}
