using System.Diagnostics;
using System.Globalization;

namespace Descent.Bench.Workloads;

/// <summary>
/// Cold start of the <c>descent</c> tool as a process: <c>dotnet Descent.Cli.dll --help</c> (Release build, made in
/// Setup), against the Python analogue, a fresh <c>/usr/bin/python3 -c "import sklearn.linear_model"</c>. Setup also
/// times a small <c>fit linear</c> on the embedded food_truck data as a new process, and the note records it.
/// </summary>
public sealed class CliColdStartWorkload : Workload
{
    private string? _cli;
    private double? _fitSeconds;

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
        string model = Path.Combine(Path.GetTempPath(), $"descent-bench-cold-start-{Environment.ProcessId}.json");
        string[] fit = ["fit", "linear", "--data", "food_truck", "--target", "profit_10k_usd", "--out", model];
        Start(fit);
        var times = new double[5];
        for (int i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            Start(fit);
            times[i] = clock.Elapsed.TotalSeconds;
        }
        File.Delete(model);
        _fitSeconds = Measure.Median(times);
        Console.WriteLine($"  cli-cold-start: `descent fit linear --data food_truck` {_fitSeconds:F3} s (median of 5)");
    }

    private void Start(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [_cli!, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"descent {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
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
        "`/usr/bin/python3 -c \"import sklearn.linear_model\"`" +
        (_fitSeconds is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"; a small `descent fit linear --data food_truck` took {d:F3} s in the same run.")
            : ".");
}
