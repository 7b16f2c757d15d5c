using Descent.Numerics;

namespace Descent.Trees;

/// <summary>
/// Features converted to float32, row-major, as scikit-learn's trees see them: every threshold test compares the
/// float32 value (widened to double) with a double threshold. Built once per Predict or Fit call, after checking
/// the column count and that every value is finite and fits in a float32.
/// </summary>
internal sealed class FeatureRows
{
    private readonly float[] _values;

    private FeatureRows(float[] values, int count, int featureCount)
    {
        _values = values;
        Count = count;
        FeatureCount = featureCount;
    }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary>Number of features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>All rows, one after another (row i is at i·FeatureCount).</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>
    /// Converts <paramref name="x"/> for prediction, checking that it has <paramref name="featureCount"/> columns
    /// (pass -1 to accept any) and only finite values.
    /// </summary>
    public static FeatureRows From(Matrix<double> x, int featureCount, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (featureCount >= 0)
            DataCheck.FeatureCount(x, featureCount, operation);
        int n = x.Rows, p = x.Columns;
        var values = new float[(long)n * p];
        bool bad = false;
        for (int i = 0; i < n; i++)
        {
            Span<float> target = values.AsSpan(i * p, p);
            for (int j = 0; j < p; j++)
            {
                double v = x[i, j];
                float f = (float)v;
                bad |= !float.IsFinite(f);
                target[j] = f;
            }
        }
        if (bad)
            DataCheck.ThrowNotFloat32(x, operation);
        return new FeatureRows(values, n, p);
    }
}
