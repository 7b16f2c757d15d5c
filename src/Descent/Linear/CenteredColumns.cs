using Descent.Numerics;

namespace Descent.Linear;

/// <summary>
/// X and y prepared for coordinate descent as scikit-learn's <c>_preprocess_data</c> prepares them: with an intercept,
/// every column and y are centred (the intercept is then b = ȳ − x̄·w); X is copied column by column (Fortran order)
/// so that each coordinate reads one contiguous column.
/// </summary>
internal sealed class CenteredColumns
{
    private CenteredColumns(double[] columns, double[] y, double[] xMeans, double yMean)
    {
        Columns = columns;
        Y = y;
        XMeans = xMeans;
        YMean = yMean;
    }

    /// <summary>Column-major (centred) X: column j is <c>Columns[j·n .. (j+1)·n)</c>.</summary>
    public double[] Columns { get; }

    /// <summary>The (centred) targets.</summary>
    public double[] Y { get; }

    /// <summary>x̄, the column means (zeros without an intercept).</summary>
    public double[] XMeans { get; }

    /// <summary>ȳ (0 without an intercept).</summary>
    public double YMean { get; }

    public int Rows => Y.Length;

    public int FeatureCount => XMeans.Length;

    public static CenteredColumns Create(Matrix<double> x, ReadOnlySpan<double> y, bool center)
    {
        int n = x.Rows, p = x.Columns;
        var means = new double[p];
        double yMean = 0;
        if (center && n > 0)
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < p; j++)
                    means[j] += x[i, j];
            for (int j = 0; j < p; j++)
                means[j] /= n;
            for (int i = 0; i < n; i++)
                yMean += y[i];
            yMean /= n;
        }
        var columns = new double[(long)n * p <= Array.MaxLength ? n * p : throw new ArgumentException("X is too large.")];
        const int block = 64;
        for (int i0 = 0; i0 < n; i0 += block)
        {
            int i1 = Math.Min(n, i0 + block);
            for (int j = 0; j < p; j++)
            {
                int target = j * n;
                double mean = means[j];
                for (int i = i0; i < i1; i++)
                    columns[target + i] = x[i, j] - mean;
            }
        }
        var centredY = new double[n];
        for (int i = 0; i < n; i++)
            centredY[i] = y[i] - yMean;
        return new CenteredColumns(columns, centredY, means, yMean);
    }

    /// <summary>b = ȳ − x̄·w.</summary>
    public double Intercept(ReadOnlySpan<double> w)
    {
        double b = YMean;
        for (int j = 0; j < w.Length; j++)
            b -= XMeans[j] * w[j];
        return b;
    }
}
