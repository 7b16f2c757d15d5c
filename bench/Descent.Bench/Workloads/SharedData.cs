using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Descent.Numerics;

namespace Descent.Bench.Workloads;

/// <summary>
/// Equal data on both sides: a workload generates its problem once in C# and writes it here as raw little-endian
/// float64 (X row-major, then y); the Python snippet loads the same bytes with <c>numpy.fromfile</c>, so both sides
/// fit the same problem. Files live in a temp folder, <c>descent-bench</c>, and are rewritten at each Setup.
/// </summary>
public static class SharedData
{
    /// <summary>The temp folder that holds the shared files.</summary>
    public static string Folder
    {
        get
        {
            string folder = Path.Combine(Path.GetTempPath(), "descent-bench");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Writes X (rows × columns, row-major) and then y to <c>&lt;name&gt;.f64</c>; returns the path.</summary>
    public static string Write(string name, Matrix<double> x, ReadOnlySpan<double> y)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The shared data files are little-endian float64.");
        string path = Path.Combine(Folder, name + ".f64");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        file.Write(MemoryMarshal.AsBytes(x.ToContiguous().AsSpan()));
        file.Write(MemoryMarshal.AsBytes(y));
        return path;
    }

    /// <summary>Python lines that load the file of <see cref="Write"/> as <c>X</c> (rows × columns) and <c>y</c>.</summary>
    public static string PythonLoad(string path, int rows, int columns) => string.Create(CultureInfo.InvariantCulture, $"""
        X = np.fromfile(r"{path}", dtype="<f8", count={(long)rows * columns}).reshape({rows}, {columns})
        y = np.fromfile(r"{path}", dtype="<f8", offset={(long)rows * columns * 8})
        """);

    /// <summary>True when the agreement checks are on (the environment variable <c>DESCENT_BENCH_CHECK=1</c>).</summary>
    public static bool Checking => Environment.GetEnvironmentVariable("DESCENT_BENCH_CHECK") == "1";

    /// <summary>
    /// One-off agreement check, on when the environment variable <c>DESCENT_BENCH_CHECK=1</c>: runs the workload's Python
    /// setup and then <paramref name="pythonValues"/> (an expression giving a sequence of numbers) once, and prints the
    /// largest difference to <paramref name="descentValues"/>, relative to the largest magnitude, with WARNING when
    /// it exceeds <paramref name="tolerance"/>. Only the first <paramref name="compared"/> values are compared; the rest
    /// (iteration counts, say) are shown.
    /// </summary>
    public static void Check(Workload workload, string what, Func<double[]> descentValues, string pythonValues, double tolerance,
        int compared = int.MaxValue)
    {
        if (!Checking || !PythonReference.IsAvailable || workload.PythonSetup is null)
            return;
        double[] descent = descentValues();
        var (exitCode, last, error) = PythonReference.Run($"import json\nREFERENCE = None\n{workload.PythonSetup}\n" +
                                                           $"print(json.dumps([float(v) for v in ({pythonValues})]))\n", threads: 2, loadOpenBlas: false);
        if (exitCode != 0 || last is null || !last.StartsWith('['))
        {
            Console.Error.WriteLine($"  check {workload.Name}: the Python side failed: {error.Trim()}");
            return;
        }
        double[] reference = JsonSerializer.Deserialize<double[]>(last)!;
        if (reference.Length != descent.Length)
        {
            Console.WriteLine($"  check {workload.Name}: WARNING {what}: {descent.Length} values here, {reference.Length} in the reference");
            return;
        }
        double scale = 0, difference = 0;
        for (int i = 0; i < Math.Min(compared, descent.Length); i++)
        {
            scale = Math.Max(scale, Math.Max(Math.Abs(descent[i]), Math.Abs(reference[i])));
            difference = Math.Max(difference, Math.Abs(descent[i] - reference[i]));
        }
        double relative = scale > 0 ? difference / scale : difference;
        string shown = descent.Length <= 4
            ? $" (descent {string.Join(", ", descent.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}; " +
              $"reference {string.Join(", ", reference.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))})"
            : "";
        Console.WriteLine($"  check {workload.Name}: {what}: max difference {relative:G3} of the largest magnitude{shown} " +
                          (relative <= tolerance ? "OK" : $"WARNING (> {tolerance:G2})"));
    }
}
