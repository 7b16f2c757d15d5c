using System.CommandLine;
using Descent.Cli.Infrastructure;

namespace Descent.Cli.Commands;

/// <summary>
/// One top-level command of <c>descent</c> (<c>datasets</c>, <c>fit</c>, …). A class implementing this interface
/// with a parameterless constructor is found by <see cref="CommandCatalog"/> and added to the command line: adding a
/// command is adding one file. Its description should end with examples; its action returns the exit code (0) and
/// reports bad input by throwing (<see cref="DescentDataException"/>, <see cref="CliUsageException"/>, …).
/// </summary>
internal interface ICliCommand
{
    /// <summary>Position in <c>descent --help</c> (lower first).</summary>
    int Order { get; }

    /// <summary>Builds the command with its options, arguments, help text and action.</summary>
    Command Build(CliContext context);
}
