using System.Diagnostics;

namespace Descent.Tests.Cli;

/// <summary>
/// Runs the real <c>descent</c> program as a separate process (<c>dotnet Descent.Cli.dll</c>, copied next to the test
/// assembly because the test project references the CLI project), with a timeout, capturing stdout, stderr and the
/// exit code. Each start costs about 100 ms, so process tests are kept few.
/// </summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The non-empty lines of stderr.</summary>
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(null, workingDirectory, args);

    /// <summary>Runs the program with <paramref name="environment"/> added to its environment variables.</summary>
    public static Result Run(IReadOnlyDictionary<string, string>? environment, string workingDirectory, params string[] args)
    {
        using var process = Start(environment, workingDirectory, args);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"descent {string.Join(' ', args)} did not finish within 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the program with stdout and stderr redirected; the caller reads them and waits.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(null, workingDirectory, args);

    private static Process Start(IReadOnlyDictionary<string, string>? environment, string workingDirectory, string[] args)
    {
        string host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Descent.Cli.dll"));
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Exit code 2, exactly one non-empty stderr line starting "error: ", no stack trace, nothing on stdout.</summary>
    public static void AssertBadInput(Result result)
    {
        Assert.True(result.ExitCode == 2, $"expected exit code 2\n{result}");
        Assert.True(result.ErrorLines.Length == 1, $"expected exactly one line on stderr\n{result}");
        Assert.StartsWith("error: ", result.ErrorLines[0]);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
