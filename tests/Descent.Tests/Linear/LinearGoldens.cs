using System.Text.Json;
using Descent.Numerics;

namespace Descent.Tests.Linear;

/// <summary>Reads tests/reference/golden/linear/*.json, written by tests/reference/linear_classifiers.py (scikit-learn 1.2.1).</summary>
internal static class LinearGoldens
{
    private static readonly Lazy<JsonElement> SparseLinearRoot = new(() => Load("sparse_linear.json"));
    private static readonly Lazy<JsonElement> LogisticRoot = new(() => Load("logistic.json"));

    public static JsonElement SparseLinear => SparseLinearRoot.Value;

    public static JsonElement Logistic => LogisticRoot.Value;

    private static JsonElement Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", "linear", name);
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    public static (Matrix<double> X, double[] Y) Dataset(JsonElement root, string name, bool standardize = false)
    {
        var data = root.GetProperty("datasets").GetProperty(name);
        var rows = data.GetProperty("X").EnumerateArray().Select(Doubles).ToArray();
        var x = Matrix.FromRows<double>(rows);
        return (standardize ? Standardize(x) : x, Doubles(data.GetProperty("y")));
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static Matrix<double> MatrixOf(JsonElement rows) =>
        Matrix.FromRows<double>(rows.EnumerateArray().Select(Doubles).ToArray());

    /// <summary>(x − mean) / population std per column, as the script does (numpy's x.std(axis=0)).</summary>
    public static Matrix<double> Standardize(Matrix<double> x)
    {
        var result = x.Copy();
        for (int j = 0; j < x.Columns; j++)
        {
            double mean = 0, variance = 0;
            for (int i = 0; i < x.Rows; i++)
                mean += x[i, j];
            mean /= x.Rows;
            for (int i = 0; i < x.Rows; i++)
                variance += (x[i, j] - mean) * (x[i, j] - mean);
            double std = Math.Sqrt(variance / x.Rows);
            if (std == 0)
                std = 1;
            for (int i = 0; i < x.Rows; i++)
                result[i, j] = (x[i, j] - mean) / std;
        }
        return result;
    }

    /// <summary>Asserts max|actual − expected| ≤ relative·max(max|expected|, floor).</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative,
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
}
