using System.CommandLine;
using System.CommandLine.Help;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// <c>descent --help</c> (and <c>descent</c> alone): the tool's purpose, each command with the first sentence of
/// its description, the global options and examples. Each command's own <c>--help</c> gives its full text and examples.
/// </summary>
internal static class RootHelp
{
    public static void Write(RootCommand root, TextWriter output)
    {
        string description = root.Description ?? "";
        output.WriteLine(description.Split("\n\n")[0]);
        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine("  descent <command> [options]");
        output.WriteLine();
        output.WriteLine("Commands:");
        int width = root.Subcommands.Select(c => c.Name.Length).DefaultIfEmpty(0).Max();
        foreach (Command command in root.Subcommands)
            output.WriteLine($"  {command.Name.PadRight(width)}  {Summary(command.Description)}");
        output.WriteLine();
        output.WriteLine("Options (every command):");
        foreach (Option option in root.Options.Where(o => o.Recursive && o is not HelpOption))
            output.WriteLine($"  {string.Join(", ", option.Aliases.Order().Append(option.Name)),-13}  {option.Description}");
        output.WriteLine($"  {"-h, --help",-13}  Show help for descent or for one command (descent <command> --help).");
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
