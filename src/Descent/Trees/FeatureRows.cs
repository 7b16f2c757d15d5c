using Descent.Numerics;

namespace Descent.Trees;

/// <summary>
/// Features converted to float32, row-major, as scikit-learn's trees see them: every threshold test compares the
/// float32 value (widened to double) with a double threshold. Built once per Predict or Fit call, after checking
/// the column count and that every value is finite and fits in a float32; a forest converts its rows a chunk at a
/// time into a pooled buffer instead (<see cref="Check"/>, then <see cref="Convert"/>).
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
    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count * FeatureCount);

    /// <summary>Row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>
    /// Converts <paramref name="x"/> for prediction, checking that it has <paramref name="featureCount"/> columns
    /// (pass -1 to accept any) and only finite values.
    /// </summary>
    public static FeatureRows From(Matrix<double> x, int featureCount, string operation)
    {
        Check(x, featureCount, operation);
        return Convert(x, 0, x.Rows, new float[(long)x.Rows * x.Columns]);
    }

    /// <summary>
    /// Checks, as <see cref="From"/> does, that <paramref name="x"/> has <paramref name="featureCount"/> columns (-1:
    /// any) and only values that are finite as float32, without converting it.
    /// </summary>
    public static void Check(Matrix<double> x, int featureCount, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (featureCount >= 0)
            DataCheck.FeatureCount(x, featureCount, operation);
        bool bad = false;
        for (int i = 0; i < x.Rows; i++)
        {
            foreach (double v in x.RowSpan(i))
                bad |= !float.IsFinite((float)v);
        }
        if (bad)
            DataCheck.ThrowNotFloat32(x, operation);
    }

    /// <summary>
    /// Rows <paramref name="start"/> .. <paramref name="end"/> of <paramref name="x"/> (checked already) as float32,
    /// written into <paramref name="buffer"/>, which must hold (end − start) × columns values.
    /// </summary>
    public static FeatureRows Convert(Matrix<double> x, int start, int end, float[] buffer)
    {
        int p = x.Columns;
        for (int i = start; i < end; i++)
        {
            Span<float> target = buffer.AsSpan((i - start) * p, p);
            ReadOnlySpan<double> row = x.RowSpan(i);
            for (int j = 0; j < p; j++)
                target[j] = (float)row[j];
        }
        return new FeatureRows(buffer, end - start, p);
    }
}
