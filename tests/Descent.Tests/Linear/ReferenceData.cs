using System.Globalization;
using System.Text.Json;
using Descent.Numerics;

namespace Descent.Tests.Linear;

/// <summary>
/// Test-only access to the golden files of tests/reference/linear_regression.py and to the dataset CSVs it read
/// (tests/reference/datasets: header row, target last), both copied to the test output directory.
/// </summary>
internal static class ReferenceData
{
    public static JsonElement Golden(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", "linear", file);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static JsonElement Case(string file, int index) => Golden(file).GetProperty("cases")[index];

    public static int CaseCount(string file) => Golden(file).GetProperty("cases").GetArrayLength();

    public static TheoryData<int> CaseIndices(string file)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < CaseCount(file); i++)
            data.Add(i);
        return data;
    }

    /// <summary>A dataset CSV as (features, target): every column but the last, and the last.</summary>
    public static (Matrix<double> X, double[] Y) Dataset(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", file))
            .Skip(1).Where(l => l.Length > 0).ToArray();
        var rows = lines.Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        int n = rows[0].Length - 1;
        return (Descent.Numerics.Matrix.FromRows(rows.Select(r => r[..n]).ToArray()), rows.Select(r => r[n]).ToArray());
    }

    /// <summary>The X and y of a golden case: from its "dataset" CSV or its inline "X"/"y" (directly or via "input").</summary>
    public static (Matrix<double> X, double[] Y) Input(JsonElement document, JsonElement testCase)
    {
        var source = testCase.TryGetProperty("input", out var name)
            ? document.GetProperty("inputs").GetProperty(name.GetString()!)
            : testCase;
        if (source.TryGetProperty("dataset", out var dataset))
            return Dataset(dataset.GetString()!);
        var x = ToMatrix(source.GetProperty("X"));
        var y = source.TryGetProperty("y", out var yElement) ? Vector(yElement) : [];
        return (x, y);
    }

    public static double[] Vector(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static Matrix<double> ToMatrix(JsonElement element) =>
        Descent.Numerics.Matrix.FromRows(element.EnumerateArray().Select(Vector).ToArray());

    /// <summary>|actual − expected| ≤ relative·max(|expected|, scale) element by element, with scale = max|expected|·floor.</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, string what,
        double floor = 1e-3)
    {
        Assert.Equal(expected.Count, actual.Count);
        double scale = expected.Count == 0 ? 0 : expected.Max(Math.Abs) * floor;
        for (int i = 0; i < expected.Count; i++)
        {
            double tolerance = relative * Math.Max(Math.Abs(expected[i]), scale) + 1e-300;
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (difference {actual[i] - expected[i]:G3}, tolerance {tolerance:G3})");
        }
    }

    public static void AssertClose(Matrix<double> expected, Matrix<double> actual, double relative, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Rows; i++)
            AssertClose(expected.Row(i).ToArray(), actual.Row(i).ToArray(), relative, $"{what} row {i}", floor: 1e-9);
    }
}
