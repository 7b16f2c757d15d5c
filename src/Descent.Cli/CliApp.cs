using System.CommandLine;
using System.CommandLine.Invocation;
using Descent.Cli.Commands;
using Descent.Cli.Infrastructure;
using Descent.Numerics;

namespace Descent.Cli;

/// <summary>
/// Builds the <c>descent</c> command tree from the commands of <see cref="CommandCatalog"/>, parses the
/// arguments and runs the chosen command under the error policy of the CLI contract: exit 0 on success; exit 2 with
/// exactly one stderr line <c>error: …</c> (no stack trace) for bad usage or bad input, parse errors included;
/// exit 1 with <c>error: internal error …</c> for a bug (the stack trace follows only with <c>--verbose</c>).
/// </summary>
internal static class CliApp
{
    /// <summary>Runs one command line; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool outputIsTerminal = false, bool errorIsTerminal = false)
    {
        var context = new CliContext(output, error, outputIsTerminal, errorIsTerminal);
        try
        {
            RootCommand root = BuildRoot(context);
            if (args.Length == 0 || (args.Length == 1 && args[0] is "--help" or "-h" or "-?"))
            {
                RootHelp.Write(root, output);
                return 0;
            }
            // No response files: an argument starting with '@' is an argument, never a file to read (descent @/etc/passwd).
            ParseResult parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
            {
                context.WriteError(CliErrors.ParseErrorLine(parse));
                return CliErrors.BadInputExitCode;
            }
            if (parse.Action is System.CommandLine.Help.HelpAction && parse.CommandResult.Command is { Action: null, Subcommands.Count: > 0 } group)
            {
                RootHelp.Write(root, group, $"descent {group.Name} <command> [options]", output);   // fit, report: one line a model
                return 0;
            }
            ApplyThreads(parse);
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e) when (CliErrors.IsBadInput(e))
        {
            context.WriteError(CliErrors.OneLine(e));
            if (args.Contains("--verbose") && e.InnerException is not null)
                error.WriteLine($"  caused by: {e.InnerException.GetType().Name}: {CliErrors.OneLine(e.InnerException)}");
            return CliErrors.BadInputExitCode;
        }
        catch (Exception e)
        {
            context.WriteError($"internal error: {e.GetType().Name}: {CliErrors.OneLine(e)} " +
                "(this is a bug in descent; run again with --verbose for the stack trace and please report it)");
            if (args.Contains("--verbose"))
                error.WriteLine(e.ToString());
            return CliErrors.BugExitCode;
        }
        finally
        {
            output.Flush();
            error.Flush();
        }
    }

    /// <summary>The root command with the global options and one subcommand per <see cref="ICliCommand"/>.</summary>
    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "descent: machine learning from first principles — fit, predict, evaluate and draw models on CSV files " +
            "or the embedded datasets.\n\nExamples:\n  descent datasets\n  descent datasets export iris --out iris.csv\n" +
            "  descent describe --data iris\n  descent <command> --help");
        root.Add(context.VerboseOption);
        root.Add(context.QuietOption);
        foreach (ICliCommand command in CommandCatalog.Discover())
            root.Add(command.Build(context));
        return root;
    }

    private static void ApplyThreads(ParseResult parse)
    {
        Option? threads = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == CommonOptions.ThreadsName);
        if (threads is Option<int?> typed && parse.GetValue(typed) is int count)
            Parallelism.MaxThreads = count;
    }
}
