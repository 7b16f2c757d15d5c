using System.Collections.Concurrent;
using System.Text.Json;
using Descent.Numerics;

namespace Descent.Tests;

/// <summary>
/// The one reader of the golden files that the scripts in tests/reference/ write into tests/reference/golden/FOLDER/
/// (copied to the test output's golden/ folder): loading (each file parsed once), reading values (NaN is stored as
/// null), and the three ways a test compares numbers with them.
/// </summary>
internal static class Golden
{
    /// <summary>The default tolerance of <see cref="Close(double, double, string, double)"/>.</summary>
    public const double Tolerance = 1e-12;

    private static readonly ConcurrentDictionary<string, JsonElement> Files = new();

    /// <summary>The root of golden/<paramref name="folder"/>/<paramref name="name"/> (".json" may be left out).</summary>
    public static JsonElement Load(string folder, string name) =>
        Files.GetOrAdd(Path.Combine(folder, name.EndsWith(".json", StringComparison.Ordinal) ? name : name + ".json"), file =>
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "golden", file)));
            return document.RootElement.Clone();
        });

    public static double Double(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    public static double[] Doubles(JsonElement e) => e.ValueKind == JsonValueKind.Null ? [] : e.EnumerateArray().Select(Double).ToArray();

    public static double[][] Rows(JsonElement e) => e.EnumerateArray().Select(Doubles).ToArray();

    /// <summary>A matrix from a JSON array of rows.</summary>
    public static Matrix<double> Matrix(JsonElement rows) => Descent.Numerics.Matrix.FromRows(Rows(rows));

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static bool AllNumbers(JsonElement e) => e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number);

    public static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToArray();

    /// <summary>For each case of a file's "cases" array, its index (a theory's data).</summary>
    public static TheoryData<int> CaseIndices(string folder, string name)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Load(folder, name).GetProperty("cases").GetArrayLength(); i++)
            data.Add(i);
        return data;
    }

    /// <summary>|actual − expected| ≤ tol·max(1, |expected|), NaN equal to NaN.</summary>
    public static void Close(double expected, double actual, string what, double tolerance = Tolerance)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
            return;
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"{what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary><see cref="Close(double, double, string, double)"/> element by element.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double tolerance = Tolerance)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (int i = 0; i < expected.Count; i++)
            Close(expected[i], actual[i], $"{what}[{i}]", tolerance);
    }

    /// <summary>Element by element |actual − expected| ≤ relative·max(|expected|, floor·max|expected|): relative to
    /// each value, with small values judged against a fraction <paramref name="floor"/> of the largest.</summary>
    public static void CloseEach(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, string what,
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

    /// <summary><see cref="CloseEach(IReadOnlyList{double}, IReadOnlyList{double}, double, string, double)"/> row by row.</summary>
    public static void CloseEach(Matrix<double> expected, Matrix<double> actual, double relative, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Rows; i++)
            CloseEach(expected.Row(i).ToArray(), actual.Row(i).ToArray(), relative, $"{what} row {i}", floor: 1e-9);
    }

    /// <summary>max|actual − expected| ≤ relative·max(max|expected|, floor): every error judged against the largest value.</summary>
    public static void CloseToLargest(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative,
        string what, double floor = 1e-12)
    {
        Assert.Equal(expected.Count, actual.Count);
        double scale = Math.Max(expected.Max(Math.Abs), floor), worst = 0;
        int at = -1;
        for (int i = 0; i < expected.Count; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            if (!(error <= worst))
                (worst, at) = (error, i);
        }
        Assert.True(worst <= relative * scale,
            $"{what}: max error {worst:E3} at [{at}] (expected {(at >= 0 ? expected[at] : 0):R}, got {(at >= 0 ? actual[at] : 0):R}) " +
            $"exceeds {relative:E1} × {scale:E3}.");
    }

    /// <summary>The warnings scikit-learn gave for a case (its "warnings" array), if any.</summary>
    /// <summary>scikit-learn's warnings, with the one deliberate difference: where it names its <c>zero_division</c>
    /// parameter, Descent names its own argument.</summary>
    public static string[] Warnings(JsonElement result) =>
        result.TryGetProperty("warnings", out var w)
            ? w.EnumerateArray().Select(x => x.GetString()!.Replace(
                "Use `zero_division` parameter to control this behavior.",
                "Use the zeroDivision argument (ZeroDivision.Zero or ZeroDivision.One) to control this behavior.", StringComparison.Ordinal)).ToArray()
            : [];

    /// <summary>True when scikit-learn refused the case (it has an "error").</summary>
    public static bool IsError(JsonElement result) => result.TryGetProperty("error", out _);

    public static string Error(JsonElement result) => result.GetProperty("error").GetString()!;

    /// <summary>The exception message contains scikit-learn's message.</summary>
    public static void Raises(JsonElement result, Action action)
    {
        var e = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Contains(Error(result), e.Message);
    }
}
