using System.CommandLine;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// What every command shares for one run: where output and errors go, whether they are terminals (progress and
/// decoration only then), and the global <c>--verbose</c> / <c>--quiet</c> options.
/// </summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool outputIsTerminal, bool errorIsTerminal)
    {
        Out = output;
        Error = error;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Results (tables, CSV, JSON).</summary>
    public TextWriter Out { get; }

    /// <summary>The one <c>error:</c> line, and progress when <see cref="ErrorIsTerminal"/>.</summary>
    public TextWriter Error { get; }

    /// <summary>True when stdout is a terminal (tables may be drawn with box characters).</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>True when stderr is a terminal (progress bars may be shown).</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary><c>--verbose</c>: more detail (on errors: the cause; on success: extra lines).</summary>
    public Option<bool> VerboseOption { get; } = new("--verbose", "-v")
    {
        Description = "Print more detail (and, for an internal error, the stack trace).",
        Recursive = true,
    };

    /// <summary><c>--quiet</c>: print only results and errors.</summary>
    public Option<bool> QuietOption { get; } = new("--quiet", "-q")
    {
        Description = "Print only results and errors: no progress, no summaries.",
        Recursive = true,
    };

    /// <summary>True when <c>--verbose</c> was given.</summary>
    public bool IsVerbose(ParseResult parse) => parse.GetValue(VerboseOption);

    /// <summary>True when <c>--quiet</c> was given.</summary>
    public bool IsQuiet(ParseResult parse) => parse.GetValue(QuietOption);

    /// <summary>Writes a status line to stdout unless <c>--quiet</c>.</summary>
    public void Status(ParseResult parse, string line)
    {
        if (!IsQuiet(parse))
            Out.WriteLine(TerminalText.Printable(line));
    }

    /// <summary>Writes the one <c>error: …</c> line.</summary>
    public void WriteError(string message) => Error.WriteLine("error: " + message);
}
