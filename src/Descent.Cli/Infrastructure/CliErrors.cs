using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Descent.Cli.Infrastructure;

/// <summary>Exit codes and the one-line <c>error:</c> messages of the CLI contract.</summary>
internal static class CliErrors
{
    /// <summary>Bad usage or bad input.</summary>
    public const int BadInputExitCode = 2;

    /// <summary>An internal error (a bug).</summary>
    public const int BugExitCode = 1;

    /// <summary>
    /// True for exceptions that report the user's mistake, not a bug: bad data (<see cref="DescentDataException"/>),
    /// bad options (<see cref="CliUsageException"/>, <see cref="ArgumentException"/> from a library check such as an
    /// out-of-range hyper-parameter), unreadable files, malformed JSON, and a step refused by its memory budget. <see cref="ArgumentNullException"/> is a bug.
    /// </summary>
    public static bool IsBadInput(Exception e) => e switch
    {
        ArgumentNullException => false,
        DescentDataException or CliUsageException or ArgumentException => true,
        IOException or UnauthorizedAccessException or JsonException => true,
        InsufficientMemoryException => true,   // a memory budget refused the step before allocating (MemoryBudget)
        _ => false,
    };

    /// <summary>The message on one line: the runtime's "(Parameter 'x')" and "Actual value was …" suffixes removed, line breaks collapsed.</summary>
    public static string OneLine(Exception e)
    {
        string message = e.Message;
        if (e is ArgumentOutOfRangeException { ActualValue: not null })
        {
            int actual = message.LastIndexOf(Environment.NewLine + "Actual value was ", StringComparison.Ordinal);
            if (actual >= 0)
                message = message[..actual];
        }
        if (e is ArgumentException { ParamName: { Length: > 0 } name })
        {
            string suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
                message = message[..^suffix.Length];
        }
        return Collapse(message);
    }

    /// <summary>The first parse error, with a pointer to the command's help.</summary>
    public static string ParseErrorLine(ParseResult parse)
    {
        // "Required command was not provided" is a consequence of an unknown command word, reported first by the parser.
        var error = parse.Errors.FirstOrDefault(e => e.SymbolResult is null || !e.Message.StartsWith("Required command", StringComparison.Ordinal))
            ?? parse.Errors[0];
        string message = Collapse(error.Message);
        string command = CommandPath(parse.CommandResult.Command);
        return $"{message} (see '{command} --help')";
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Add(c is RootCommand ? "descent" : c.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The text on one line: runs of white space as one space, other control characters as \xNN.</summary>
    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            builder.Append(TerminalText.Printable(ch.ToString()));
            space = false;
        }
        return builder.ToString();
    }
}
