using System.Text.Json;
using Descent.Data;
using Descent.Numerics;

namespace Descent.Tests.Trees;

/// <summary>
/// Test-only access to the embedded datasets and the synthetic sets and golden files written by tests/reference/trees.py.
/// </summary>
internal static class TreeTestData
{
    private static readonly Dictionary<string, (Matrix<double> X, double[] Y)> Cache = new();

    public static JsonElement Golden(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", "trees", file);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    /// <summary>A dataset by name: an embedded dataset (target last) or "synthetic:KEY" from synthetic.json.</summary>
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
        var data = Datasets.Load(name);
        return (data.Features, data.RequireNumericTarget());
    }
}
