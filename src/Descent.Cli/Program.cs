namespace Descent.Cli;

/// <summary>The <c>descent</c> command: runs <see cref="CliApp"/> on the process's arguments and console; a
/// temporary file being written when SIGTERM, SIGINT or SIGHUP ends the process is removed first.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        using IDisposable signals = TemporaryFiles.RemoveOnSignals();
        return CliApp.Run(args, Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected,
            errorIsTerminal: !Console.IsErrorRedirected);
    }
}
