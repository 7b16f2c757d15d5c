using System.Reflection;

namespace Descent.Cli.Tour;

/// <summary>
/// The code blocks of the tour, cut from the chapters' own source files (compiled into the tool as resources): the
/// lines between <c>// &lt;code NAME&gt;</c> and <c>// &lt;/code&gt;</c> in the chapter's file, their common
/// indentation removed. So the code a reader sees is the code the tour ran to make the chapter's numbers and figures.
/// </summary>
internal static class TourSource
{
    /// <summary>The block <paramref name="name"/> of <paramref name="chapter"/>'s source file.</summary>
    /// <exception cref="InvalidOperationException">The file or the block is missing (a bug of the tour).</exception>
    public static string Code(TourChapter chapter, string name)
    {
        string file = chapter.GetType().Name + ".cs";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Descent.Cli.Tour." + file)
            ?? throw new InvalidOperationException($"tour: the source of {file} is not embedded in the tool.");
        using var reader = new StreamReader(stream);
        string[] lines = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == $"// <code {name}>");
        int end = start < 0 ? -1 : Array.FindIndex(lines, start + 1, l => l.Trim() == "// </code>");
        if (start < 0 || end < 0)
            throw new InvalidOperationException($"tour: {file} has no block '// <code {name}>' ... '// </code>'.");
        var block = lines[(start + 1)..end];
        int indent = block.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', block.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).Trim('\n');
    }
}
