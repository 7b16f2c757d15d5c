using System.Text.Json;
using Descent.Numerics;

namespace Descent.Tests.Linear;

/// <summary>The datasets and cases of tests/reference/golden/linear/{sparse_linear,logistic}.json, written by
/// tests/reference/linear_classifiers.py (scikit-learn 1.2.1).</summary>
internal static class LinearGoldens
{
    private static readonly Lazy<JsonElement> SparseLinearRoot = new(() => Golden.Load("linear", "sparse_linear"));
    private static readonly Lazy<JsonElement> LogisticRoot = new(() => Golden.Load("linear", "logistic"));

    public static JsonElement SparseLinear => SparseLinearRoot.Value;

    public static JsonElement Logistic => LogisticRoot.Value;

    public static (Matrix<double> X, double[] Y) Dataset(JsonElement root, string name, bool standardize = false)
    {
        var data = root.GetProperty("datasets").GetProperty(name);
        var x = Golden.Matrix(data.GetProperty("X"));
        return (standardize ? Standardize(x) : x, Golden.Doubles(data.GetProperty("y")));
    }

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
}
