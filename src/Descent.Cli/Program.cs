namespace Descent.Cli;

/// <summary>The <c>descent</c> command: runs <see cref="CliApp"/> on the process's arguments and console.</summary>
internal static class Program
{
    private static int Main(string[] args) =>
        CliApp.Run(args, Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected,
            errorIsTerminal: !Console.IsErrorRedirected);
}
