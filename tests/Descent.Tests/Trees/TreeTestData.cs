using System.Globalization;
using System.Text.Json;
using Descent.Numerics;

namespace Descent.Tests.Trees;

/// <summary>
/// Test-only access to the datasets of /work/shared/datasets (found by walking up from the test directory, or at
/// $DESCENT_DATASETS) and to the golden files written by tests/reference/trees.py.
/// </summary>
internal static class TreeTestData
{
    private static readonly Dictionary<string, (Matrix<double> X, double[] Y)> Cache = new();

    public static JsonElement Golden(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", "trees", file);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    /// <summary>A dataset by name: a CSV of the shared datasets (target last) or "synthetic:KEY" from synthetic.json.</summary>
    public static (Matrix<double> X, double[] Y) Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached))
                return cached;
            var loaded = name.StartsWith("synthetic:", StringComparison.Ordinal) ? Synthetic(name["synthetic:".Length..]) : Csv(name);
            Cache[name] = loaded;
            return loaded;
        }
    }

    public static ClassLabels Classes(double[] y) => ClassLabels.FromIntegers(y.Select(v => (int)v).ToArray());

    public static (Matrix<double> X, double[] Y) Rows((Matrix<double> X, double[] Y) data, int[] rows)
    {
        var x = new Matrix<double>(rows.Length, data.X.Columns);
        var y = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < x.Columns; j++)
                x[i, j] = data.X[rows[i], j];
            y[i] = data.Y[rows[i]];
        }
        return (x, y);
    }

    private static (Matrix<double>, double[]) Synthetic(string key)
    {
        JsonElement set = Golden("synthetic.json").GetProperty(key);
        double[][] rows = set.GetProperty("x").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        double[] y = set.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return (Matrix.FromRows(rows), y);
    }

    private static (Matrix<double>, double[]) Csv(string name)
    {
        string[] lines = File.ReadAllLines(Path.Combine(DatasetDirectory(), name + ".csv"));
        var rows = new List<double[]>();
        var y = new List<double>();
        foreach (string line in lines.Skip(1))
        {
            if (line.Length == 0)
                continue;
            double[] values = line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            rows.Add(values[..^1]);
            y.Add(values[^1]);
        }
        return (Matrix.FromRows(rows), y.ToArray());
    }

    private static string DatasetDirectory()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("DESCENT_DATASETS");
        if (fromEnvironment is not null && File.Exists(Path.Combine(fromEnvironment, "iris.csv")))
            return fromEnvironment;
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "shared", "datasets");
            if (File.Exists(Path.Combine(candidate, "iris.csv")))
                return candidate;
        }
        throw new InvalidOperationException("The shared datasets (iris.csv, ...) were not found; set DESCENT_DATASETS to their directory.");
    }
}
