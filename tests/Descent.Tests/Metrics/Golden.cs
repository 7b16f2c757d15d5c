using System.Text.Json;

namespace Descent.Tests.Metrics;

/// <summary>Reads the scikit-learn golden files written by tests/reference/metrics.py (NaN is stored as null).</summary>
internal static class Golden
{
    public const double Tolerance = 1e-12;

    public static JsonElement Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", "metrics", name + ".json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static double Double(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    public static double[] Doubles(JsonElement e) => e.ValueKind == JsonValueKind.Null ? [] : e.EnumerateArray().Select(Double).ToArray();

    public static double[][] Rows(JsonElement e) => e.EnumerateArray().Select(Doubles).ToArray();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static bool AllNumbers(JsonElement e) => e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number);

    public static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToArray();

    public static string[] Warnings(JsonElement result) =>
        result.TryGetProperty("warnings", out var w) ? w.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];

    public static bool IsError(JsonElement result) => result.TryGetProperty("error", out _);

    public static string Error(JsonElement result) => result.GetProperty("error").GetString()!;

    /// <summary>|actual - expected| ≤ tol·max(1, |expected|), NaN equal to NaN.</summary>
    public static void Close(double expected, double actual, string what, double tolerance = Tolerance)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
            return;
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double tolerance = Tolerance)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (int i = 0; i < expected.Count; i++)
            Close(expected[i], actual[i], $"{what}[{i}]", tolerance);
    }

    /// <summary>The exception message contains scikit-learn's message.</summary>
    public static void Raises(JsonElement result, Action action)
    {
        var e = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Contains(Error(result), e.Message);
    }
}
