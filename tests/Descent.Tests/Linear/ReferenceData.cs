using System.Text.Json;
using Descent.Data;
using Descent.Numerics;

namespace Descent.Tests.Linear;

/// <summary>
/// Test-only access to the golden files of tests/reference/linear_regression.py (copied to the test output directory)
/// and to the embedded datasets it read.
/// </summary>
internal static class ReferenceData
{
    public static JsonElement Golden(string file) => Tests.Golden.Load("linear", file);

    public static JsonElement Case(string file, int index) => Golden(file).GetProperty("cases")[index];

    public static TheoryData<int> CaseIndices(string file) => Tests.Golden.CaseIndices("linear", file);

    /// <summary>An embedded dataset, named by its CSV file, as (features, target): every column but the last, and the last.</summary>
    public static (Matrix<double> X, double[] Y) Dataset(string file)
    {
        var data = Datasets.Load(Path.GetFileNameWithoutExtension(file));
        return (data.Features, data.RequireNumericTarget());
    }

    /// <summary>The X and y of a golden case: from its "dataset" CSV or its inline "X"/"y" (directly or via "input").</summary>
    public static (Matrix<double> X, double[] Y) Input(JsonElement document, JsonElement testCase)
    {
        var source = testCase.TryGetProperty("input", out var name)
            ? document.GetProperty("inputs").GetProperty(name.GetString()!)
            : testCase;
        if (source.TryGetProperty("dataset", out var dataset))
            return Dataset(dataset.GetString()!);
        var x = Tests.Golden.Matrix(source.GetProperty("X"));
        var y = source.TryGetProperty("y", out var yElement) ? Tests.Golden.Doubles(yElement) : [];
        return (x, y);
    }
}
