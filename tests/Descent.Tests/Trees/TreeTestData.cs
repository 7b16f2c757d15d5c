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

    public static JsonElement Golden(string file) => Tests.Golden.Load("trees", file);

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

    /// <summary>Each golden case's index, described by its dataset and parameters.</summary>
    public static TheoryData<int, string> CaseIndices(JsonElement cases)
    {
        var data = new TheoryData<int, string>();
        for (int i = 0; i < cases.GetArrayLength(); i++)
            data.Add(i, cases[i].GetProperty("dataset").GetString() + " " + cases[i].GetProperty("params").GetRawText());
        return data;
    }

    public static ClassLabels Classes(double[] y) => ClassLabels.FromIntegers(y.Select(v => (int)v).ToArray());

    public static (Matrix<double> X, double[] Y) Rows((Matrix<double> X, double[] Y) data, int[] rows) =>
        (Descent.ModelSelection.Rows.Take(data.X, rows), Descent.ModelSelection.Rows.Take(data.Y, rows));

    private static (Matrix<double>, double[]) Synthetic(string key)
    {
        JsonElement set = Golden("synthetic.json").GetProperty(key);
        return (Tests.Golden.Matrix(set.GetProperty("x")), Tests.Golden.Doubles(set.GetProperty("y")));
    }

    private static (Matrix<double>, double[]) Csv(string name)
    {
        var data = Datasets.Load(name);
        return (data.Features, data.RequireNumericTarget());
    }
}
