using System.Diagnostics;
using System.Globalization;

namespace Descent.Bench.Workloads;

/// <summary>
/// Cold start of the <c>descent</c> tool as a process: <c>dotnet Descent.Cli.dll --help</c> (Release build, made in
/// Setup), against the Python analogue, a fresh <c>/usr/bin/python3 -c "import sklearn.linear_model"</c>. The tool has
/// no <c>fit</c> command yet, so Setup also times <c>datasets</c> and prints it (and the note records it).
/// </summary>
public sealed class CliColdStartWorkload : Workload
{
    private string? _cli;
    private double? _datasetsSeconds;

    public override string Name => "cli-cold-start";
    public override string Group => "cli";
    public override IReadOnlyList<int> Threads => [1];
    public override int Warmups => 1;
    public override int MinRuns => 5;

    public override void Setup()
    {
        string project = FindCliProject();
        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", project])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        string log = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new InvalidOperationException("Building Descent.Cli failed:\n" + log);
        _cli = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release"), "Descent.Cli.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        Start("datasets");
        var times = new double[5];
        for (int i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            Start("datasets");
            times[i] = clock.Elapsed.TotalSeconds;
        }
        _datasetsSeconds = Measure.Median(times);
        Console.WriteLine($"  cli-cold-start: `descent datasets` {_datasetsSeconds:F3} s (median of 5)");
    }

    private void Start(string argument)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [_cli!, argument])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"descent {argument} exited with {process.ExitCode}: {error.Result}");
    }

    private static string FindCliProject()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "Descent.Cli", "Descent.Cli.csproj");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("Cannot find src/Descent.Cli/Descent.Cli.csproj; run from inside the repository.");
    }

    public override void Run() => Start("--help");

    public override string PythonSetup => """
        import subprocess
        REFERENCE = "python3 -c 'import sklearn.linear_model' (process start)"
        """;

    public override string PythonRun => """subprocess.run(["/usr/bin/python3", "-c", "import sklearn.linear_model"], check=True)""";

    public override string Note(ResultRow row) =>
        "cli-cold-start: `dotnet Descent.Cli.dll --help` as a new process (framework-dependent Release build) against a new " +
        "`/usr/bin/python3 -c \"import sklearn.linear_model\"`; the CLI has no `fit` yet" +
        (_datasetsSeconds is { } d ? string.Create(CultureInfo.InvariantCulture, $"; `descent datasets` took {d:F3} s in the same run.") : ".");
}
