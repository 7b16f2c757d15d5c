using System.Globalization;
using Descent.Bench;
using Descent.Bench.Workloads;
using Descent.Numerics;

// dotnet run -c Release --project bench/Descent.Bench -- [group|workload ...] [--rounds N] [--seconds S] [--no-reference]
var selectors = new List<string>();
int rounds = 1;
double targetSeconds = 1.5;
bool withReference = true;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out int r) && r > 0:
            rounds = r;
            i++;
            break;
        case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out double s) && s > 0:
            targetSeconds = s;
            i++;
            break;
        case "--no-reference":
            withReference = false;
            break;
        default:
            if (args[i].StartsWith("--", StringComparison.Ordinal))
                return Fail($"unknown option '{args[i]}'; options are --rounds N, --seconds S, --no-reference.");
            selectors.Add(args[i]);
            break;
    }
}

var all = WorkloadRegistry.All();
var selected = WorkloadRegistry.Select(all, selectors, out var unknown);
if (unknown.Count > 0)
    return Fail($"unknown workload or group '{string.Join("', '", unknown)}'. Groups: {string.Join(", ", all.Select(w => w.Group).Distinct())}; " +
                $"workloads: {string.Join(", ", all.Select(w => w.Name))}.");

string machine = MachineInfo.Describe();
string date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
bool reference = withReference && PythonReference.IsAvailable;
Console.WriteLine($"Machine: {machine}");
Console.WriteLine(reference ? "Reference: /usr/bin/python3" : "Reference: none (no /usr/bin/python3, or --no-reference)");
Console.WriteLine();
Console.WriteLine($"{"workload",-24} {"threads",7} {"descent s",11} {"reference s",12} {"ratio",6} {"descent GF/s",13} {"ref GF/s",9} " +
                  $"{"peer s",9} {"peer ratio",10}  reference; peer");

var fresh = new List<ResultRow>();
int savedThreads = Parallelism.MaxThreads;
foreach (var workload in selected)
{
    if (workload.Unavailable is { } reason)
    {
        Console.WriteLine($"{workload.Name,-24} skipped: {reason}");
        continue;
    }
    workload.Setup();
    DotNetPeer? peer = workload.Peer;
    peer?.Setup();
    if (SharedData.Checking && peer?.Check() is { } peerCheck)
        Console.WriteLine($"  check {workload.Name}: {peer.Label}: {peerCheck}");
    foreach (int threads in workload.Threads)
    {
        var descentTimes = new double[rounds];
        var referenceTimes = new List<double>();
        var peerTimes = new List<double>();
        string? label = null;
        for (int round = 0; round < rounds; round++)
        {
            // Interleave the sides so that load from elsewhere on a shared machine hits them alike.
            Parallelism.MaxThreads = threads;
            GC.Collect();
            descentTimes[round] = Measure.Median(workload, workload.Run, targetSeconds);
            Parallelism.MaxThreads = savedThreads;
            var timing = reference ? PythonReference.Measure(workload, threads, targetSeconds) : null;
            if (timing is not null)
            {
                referenceTimes.Add(timing.Seconds);
                label = timing.Label;
            }
            if (peer is not null)
            {
                GC.Collect();
                peerTimes.Add(Measure.Median(workload, () => peer.Run(threads), targetSeconds));
            }
        }
        double descent = Measure.Median(descentTimes);
        double? referenceSeconds = referenceTimes.Count > 0 ? Measure.Median(referenceTimes.ToArray()) : null;
        double? ratio = referenceSeconds is { } rs ? Math.Round(descent / rs, 3) : null;
        double? peerSeconds = peerTimes.Count > 0 ? Measure.Median(peerTimes.ToArray()) : null;
        double? peerRatio = peerSeconds is { } ps ? Math.Round(descent / ps, 3) : null;
        var row = new ResultRow(workload.Name, threads, Math.Round(descent, 6), label,
            referenceSeconds is { } x ? Math.Round(x, 6) : null, ratio, machine, date,
            peer?.Label, peerSeconds is { } z ? Math.Round(z, 6) : null, peerRatio);
        row = row with { Note = workload.Note(row) };   // while the workload's data is at hand; kept in results.json
        fresh.Add(row);
        Console.WriteLine($"{row.Workload,-24} {threads,7} {Results.Seconds(descent),11} " +
                          $"{(referenceSeconds is { } y ? Results.Seconds(y) : "-"),12} {Ratio(ratio),6} " +
                          $"{Results.Rate(workload.Flops, descent),13} {Results.Rate(workload.Flops, referenceSeconds),9} " +
                          $"{(peerSeconds is { } w ? Results.Seconds(w) : "-"),9} {Ratio(peerRatio),10}  {label ?? "-"}; {peer?.Label ?? "-"}");
    }
}

string benchDirectory = FindBenchDirectory();
string jsonPath = Path.Combine(benchDirectory, "results.json");
var merged = Results.Merge(jsonPath, fresh);
Results.WriteJson(jsonPath, merged);
string command = "dotnet run -c Release --project bench/Descent.Bench --" + (args.Length > 0 ? " " + string.Join(' ', args) : "");
// A shared machine: say how loaded it was, since timings taken under load are noisier (ratios hold better than seconds).
string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
string loaded = double.TryParse(load, CultureInfo.InvariantCulture, out double average) && average > Environment.ProcessorCount
    ? "a loaded machine (other work was running: timings are noisy, compare ratios)" : "a machine that was not overloaded";
Results.WriteMarkdown(Path.Combine(benchDirectory, "RESULTS.md"), merged, all, command,
    $"{machine}; {loaded}: 1-minute load average {load} on {Environment.ProcessorCount} cores at the end of the last run", date);
Console.WriteLine();
Console.WriteLine($"Wrote {jsonPath} and RESULTS.md ({fresh.Count} new rows, {merged.Count} in all).");
return 0;

static string Ratio(double? ratio) => ratio is { } q ? q.ToString("F2", CultureInfo.InvariantCulture) : "-";

static int Fail(string message)
{
    Console.Error.WriteLine("error: " + message);
    return 2;
}

// bench/ of the repository: found from the working directory, or else from the build output's location.
static string FindBenchDirectory()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench");
            if (Directory.Exists(Path.Combine(candidate, "Descent.Bench")))
                return candidate;
        }
    }
    throw new DirectoryNotFoundException("Cannot find the repository's bench/ directory; run from inside the repository.");
}
