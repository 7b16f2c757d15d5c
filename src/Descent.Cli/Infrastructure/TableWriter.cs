using Spectre.Console;
using Spectre.Console.Rendering;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Prints a table: drawn with Spectre.Console when stdout is a terminal, and as plain columns separated by two
/// spaces (header first, nothing decorative) when it is a pipe or a file, so scripts can read it.
/// </summary>
internal static class TableWriter
{
    /// <summary>Writes <paramref name="rows"/> under <paramref name="headers"/>; columns listed in <paramref name="numeric"/> are
    /// right-aligned, control characters in any cell are written as \xNN.</summary>
    public static void Write(CliContext context, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlySet<int>? numeric = null)
    {
        numeric ??= new HashSet<int>();
        headers = headers.Select(TerminalText.Printable).ToArray();
        rows = rows.Select(row => (IReadOnlyList<string>)row.Select(TerminalText.Printable).ToArray()).ToArray();
        if (context.OutputIsTerminal)
            WriteSpectre(context.Out, headers, rows, numeric);
        else
            WritePlain(context.Out, headers, rows, numeric);
    }

    private static void WriteSpectre(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlySet<int> numeric)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = TerminalWidth();
        var table = new Table().Border(TableBorder.Rounded);
        for (int j = 0; j < headers.Count; j++)
        {
            var column = new TableColumn(new Text(headers[j], new Style(decoration: Decoration.Bold)));
            table.AddColumn(numeric.Contains(j) ? column.RightAligned() : column);
        }
        foreach (var row in rows)
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        console.Write(table);
    }

    private static int TerminalWidth()
    {
        try
        {
            return Math.Max(80, Console.WindowWidth);
        }
        catch (IOException)
        {
            return 120;
        }
    }

    private static void WritePlain(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlySet<int> numeric)
    {
        var widths = new int[headers.Count];
        for (int j = 0; j < headers.Count; j++)
            widths[j] = Math.Max(headers[j].Length, rows.Count == 0 ? 0 : rows.Max(r => r[j].Length));
        WriteLine(output, headers, widths, numeric);
        foreach (var row in rows)
            WriteLine(output, row, widths, numeric);
    }

    private static void WriteLine(TextWriter output, IReadOnlyList<string> cells, int[] widths, IReadOnlySet<int> numeric)
    {
        var parts = new string[cells.Count];
        for (int j = 0; j < cells.Count; j++)
        {
            bool last = j == cells.Count - 1;
            parts[j] = numeric.Contains(j) ? cells[j].PadLeft(widths[j]) : last ? cells[j] : cells[j].PadRight(widths[j]);
        }
        output.WriteLine(string.Join("  ", parts));
    }
}
