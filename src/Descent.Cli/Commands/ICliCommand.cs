using System.CommandLine;
using Descent.Cli.Infrastructure;

namespace Descent.Cli.Commands;

/// <summary>
/// One top-level command of <c>descent</c> (<c>datasets</c>, <c>fit</c>, …), listed in <see cref="CommandCatalog"/>:
/// adding a command is adding its file and one line there. Its description should end with examples; its action
/// returns the exit code (0) and reports bad input by throwing (<see cref="DescentDataException"/>, <see cref="CliUsageException"/>, …).
/// </summary>
internal interface ICliCommand
{
    /// <summary>Builds the command with its options, arguments, help text and action.</summary>
    Command Build(CliContext context);
}
