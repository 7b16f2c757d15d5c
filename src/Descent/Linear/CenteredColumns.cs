using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Linear;

/// <summary>
/// X and y prepared for coordinate descent as scikit-learn's <c>_preprocess_data</c> prepares them: with an intercept,
/// every column and y are centred (the intercept is then b = ȳ − x̄·w); X is copied column by column (Fortran order)
/// so that each coordinate reads one contiguous column.
/// </summary>
internal sealed class CenteredColumns
{
    private CenteredColumns(double[] columns, double[] y, double[] xMeans, double yMean, double[] columnSquaredNorms)
    {
        ColumnSquaredNorms = columnSquaredNorms;
        Columns = columns;
        Y = y;
        XMeans = xMeans;
        YMean = yMean;
    }

    /// <summary>Column-major (centred) X: column j is <c>Columns[j·n .. (j+1)·n)</c>.</summary>
    public double[] Columns { get; }

    /// <summary>‖Xⱼ‖² of each (centred) column.</summary>
    public double[] ColumnSquaredNorms { get; }

    /// <summary>The (centred) targets.</summary>
    public double[] Y { get; }

    /// <summary>x̄, the column means (zeros without an intercept).</summary>
    public double[] XMeans { get; }

    /// <summary>ȳ (0 without an intercept).</summary>
    public double YMean { get; }

    public int Rows => Y.Length;

    public int FeatureCount => XMeans.Length;

    /// <summary>
    /// Prepares X and y in two passes over X: one sums the columns and finds each column's largest magnitude (the means,
    /// and the checks of X: <see cref="DataCheck.RegressionData(Matrix{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, string)"/>),
    /// one writes the centred columns and accumulates their squared norms ‖Xⱼ − x̄ⱼ‖².
    /// </summary>
    /// <exception cref="DescentDataException">X or y holds NaN or ±∞, or a column of X cannot be squared (the message
    /// starts with <paramref name="operation"/>).</exception>
    public static CenteredColumns Create(Matrix<double> x, ReadOnlySpan<double> y, bool center, string operation)
    {
        var rows = x.HasContiguousRows ? x : x.Copy();
        int n = rows.Rows, p = rows.Columns;
        var means = new double[p];
        var magnitudes = new double[p];
        for (int i = 0; i < n; i++)
        {
            TensorPrimitives.Add(means, rows.RowSpan(i), means);
            TensorPrimitives.MaxMagnitude(rows.RowSpan(i), magnitudes, magnitudes);
        }
        DataCheck.RegressionData(x, y, magnitudes, operation);
        double yMean = 0;
        if (center && n > 0)
        {
            TensorPrimitives.Divide(means, n, means);
            yMean = TensorPrimitives.Sum(y) / n;
        }
        else
            Array.Clear(means);
        var columns = GC.AllocateUninitializedArray<double>(
            (long)n * p <= Array.MaxLength ? n * p : throw new ArgumentException("X is too large."));
        var squaredNorms = new double[p];
        // Transpose in blocks of rows so that both the rows read and the column runs written stay in cache.
        const int block = 32;
        var centred = new double[block * p];
        for (int i0 = 0; i0 < n; i0 += block)
        {
            int count = Math.Min(block, n - i0);
            for (int r = 0; r < count; r++)
                TensorPrimitives.Subtract(rows.RowSpan(i0 + r), means, centred.AsSpan(r * p, p));
            for (int j = 0; j < p; j++)
            {
                var target = columns.AsSpan(j * n + i0, count);
                double squares = squaredNorms[j];
                for (int r = 0; r < count; r++)
                {
                    double v = centred[r * p + j];
                    target[r] = v;
                    squares += v * v;
                }
                squaredNorms[j] = squares;
            }
        }
        var centredY = new double[n];
        TensorPrimitives.Subtract(y, yMean, centredY);
        return new CenteredColumns(columns, centredY, means, yMean, squaredNorms);
    }
}
