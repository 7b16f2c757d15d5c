using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Descent.Bench;

/// <summary>The reference side of one measurement: seconds per run (median) and what ran it.</summary>
public sealed record ReferenceTiming(double Seconds, string Label);

/// <summary>
/// Times a workload's Python snippet in its own <c>/usr/bin/python3</c> process, with the BLAS/OpenMP thread
/// variables set to the thread count. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which this machine image may set for
/// old OpenBLAS builds and which slow a current one, are removed for that process only. When numpy links a
/// reference BLAS but an OpenBLAS build is on disk (Debian's libopenblas0-pthread, or the directory named by
/// DESCENT_BENCH_BLAS_DIR), that OpenBLAS is loaded instead, as a pip-installed numpy would have it. The label
/// records what actually ran (numpy version, BLAS, kernel), read with threadpoolctl.
/// </summary>
public static class PythonReference
{
    private const string Interpreter = "/usr/bin/python3";
    private static readonly string[] OpenBlasDirectories =
        [Environment.GetEnvironmentVariable("DESCENT_BENCH_BLAS_DIR") ?? "", "/usr/lib/x86_64-linux-gnu/openblas-pthread"];

    /// <summary>True when the interpreter exists (numpy's presence is checked by the snippet itself).</summary>
    public static bool IsAvailable => File.Exists(Interpreter);

    /// <summary>Runs the workload's snippet; null when Python is missing or the snippet fails (the error is printed).</summary>
    public static ReferenceTiming? Measure(Workload workload, int threads, double targetSeconds)
    {
        if (!IsAvailable || workload.PythonSetup is null || workload.PythonRun is null)
            return null;
        var (exitCode, last, error) = Run(Script(workload, targetSeconds), threads, loadOpenBlas: true);
        if (exitCode != 0 || last is null || !last.StartsWith('{'))
        {
            Console.Error.WriteLine($"  reference for {workload.Name} failed (exit {exitCode}): {error.Trim()}");
            return null;
        }
        using var json = JsonDocument.Parse(last);
        return new ReferenceTiming(json.RootElement.GetProperty("seconds").GetDouble(),
            json.RootElement.GetProperty("reference").GetString() ?? "python");
    }

    /// <summary>
    /// Runs <paramref name="script"/> in a new interpreter with the BLAS/OpenMP thread variables set to
    /// <paramref name="threads"/> (and, with <paramref name="loadOpenBlas"/>, the OpenBLAS found on disk); returns its
    /// exit code, the last line it printed (null when none) and its stderr.
    /// </summary>
    public static (int ExitCode, string? LastLine, string Error) Run(string script, int threads, bool loadOpenBlas)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-");
        foreach (string name in new[] { "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS" })
            start.Environment[name] = threads.ToString(CultureInfo.InvariantCulture);
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        string? openBlas = loadOpenBlas
            ? OpenBlasDirectories.FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "libblas.so.3")))
            : null;
        if (openBlas is not null)
        {
            string existing = start.Environment.TryGetValue("LD_LIBRARY_PATH", out var value) ? value ?? "" : "";
            start.Environment["LD_LIBRARY_PATH"] = existing.Length == 0 ? openBlas : openBlas + ":" + existing;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var errorTask = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(), errorTask.Result);
    }

    private static string Script(Workload workload, double targetSeconds)
    {
        var script = new StringBuilder();
        script.AppendLine("import json, time");
        script.AppendLine("REFERENCE = None");
        script.AppendLine(workload.PythonSetup);
        script.AppendLine("def _run():");
        foreach (string line in workload.PythonRun!.Split('\n'))
            script.AppendLine("    " + line);
        script.AppendLine(CultureInfo.InvariantCulture, $"TARGET = {targetSeconds.ToString(CultureInfo.InvariantCulture)}");
        script.AppendLine(CultureInfo.InvariantCulture, $"WARMUPS, MIN_RUNS = {workload.Warmups}, {workload.MinRuns}");
        script.Append("""
            for _ in range(WARMUPS):
                _run()
            _t = time.perf_counter(); _run(); _single = time.perf_counter() - _t
            _times = [_single]
            for _ in range(max(MIN_RUNS, min(15, int(TARGET / max(_single, 1e-9)))) - 1):
                _t = time.perf_counter(); _run(); _times.append(time.perf_counter() - _t)
            _times.sort()
            _median = _times[len(_times) // 2] if len(_times) % 2 else 0.5 * (_times[len(_times) // 2 - 1] + _times[len(_times) // 2])

            def _describe():
                label = REFERENCE
                try:
                    import numpy
                except ImportError:
                    return label or "python"
                label = label or "numpy " + numpy.__version__
                blas = None
                try:
                    import threadpoolctl
                    for info in threadpoolctl.threadpool_info():
                        if info.get("user_api") == "blas":
                            name = {"openblas": "OpenBLAS", "mkl": "MKL", "blis": "BLIS"}.get(info.get("internal_api"), info.get("internal_api"))
                            blas = f"{name} {info.get('version')}"
                            if info.get("architecture"):
                                blas += f", {info.get('architecture')} kernel"
                            break
                    blas = blas or "reference BLAS"  # threadpoolctl sees OpenBLAS, MKL and BLIS, not netlib's libblas
                except ImportError:
                    pass
                if blas is None:
                    import io, contextlib
                    text = io.StringIO()
                    with contextlib.redirect_stdout(text):
                        numpy.show_config()
                    import re
                    linked = re.search(r"blas_opt_info:\s*\n(?:\s+\w+ = .*\n)*?\s+libraries = \[([^\]]*)\]", text.getvalue())
                    blas = "OpenBLAS" if linked and "openblas" in linked.group(1).lower() else "reference BLAS"
                return f"{label} ({blas})"

            print(json.dumps({"seconds": _median, "reference": _describe()}))
            """);
        return script.ToString();
    }
}
