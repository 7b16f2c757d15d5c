using System.CommandLine;

namespace Descent.Cli;

/// <summary>The <c>descent</c> command: parses arguments and dispatches to one command class per verb.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("descent: machine learning from first principles (fit, predict, evaluate, plot, tour).");
        return root.Parse(args).Invoke();
    }
}
