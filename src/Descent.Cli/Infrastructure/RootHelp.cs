using System.CommandLine;
using System.CommandLine.Help;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// <c>descent --help</c> (and <c>descent</c> alone), and the help of a group of commands such as <c>descent fit
/// --help</c>: the purpose, each subcommand with the first sentence of its description (not its examples), the global
/// options and the group's examples. Each subcommand's own <c>--help</c> gives its full text and examples.
/// </summary>
internal static class RootHelp
{
    public static void Write(RootCommand root, TextWriter output) => Write(root, root, "descent <command> [options]", output);

    /// <summary>The help of <paramref name="group"/>, a command whose subcommands do the work (fit, report).</summary>
    public static void Write(RootCommand root, Command group, string usage, TextWriter output)
    {
        string description = group.Description ?? "";
        output.WriteLine(description.Split("\n\n")[0]);
        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine("  " + usage);
        output.WriteLine();
        output.WriteLine("Commands:");
        int width = group.Subcommands.Select(c => c.Name.Length).DefaultIfEmpty(0).Max();
        foreach (Command command in group.Subcommands)
            output.WriteLine($"  {command.Name.PadRight(width)}  {Summary(command.Description)}");
        output.WriteLine();
        output.WriteLine("Options (every command):");
        foreach (Option option in root.Options.Where(o => o.Recursive && o is not HelpOption))
            output.WriteLine($"  {string.Join(", ", option.Aliases.Order().Append(option.Name)),-13}  {option.Description}");
        output.WriteLine($"  {"-h, --help",-13}  Show help for descent or for one command (descent <command> --help).");
        if (group is RootCommand)
            output.WriteLine($"  {"--version",-13}  Show the version.");
        int examples = description.IndexOf("Examples:", StringComparison.Ordinal);
        if (examples >= 0)
        {
            output.WriteLine();
            output.WriteLine(description[examples..].TrimEnd());
        }
    }

    private static string Summary(string? description)
    {
        string text = (description ?? "").Split("\n\n")[0].Replace('\n', ' ');
        int stop = text.IndexOf(". ", StringComparison.Ordinal);
        return stop >= 0 ? text[..(stop + 1)] : text;
    }
}
