using Descent.Numerics;

namespace Descent.Tests.ModelSelection;

/// <summary>
/// Test-only 1-D ridge line on column 0: slope = Sxy / (Sxx + Alpha), intercept = ȳ − slope·x̄ (Alpha = 0: least squares).
/// </summary>
internal sealed record ShrunkLine(double Alpha = 0) : IRegressor<LineModel>
{
    public LineModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (x.Rows != y.Length || x.Rows == 0)
            throw new ArgumentException($"ShrunkLine.Fit: X has {x.Rows} rows but y has {y.Length} values.");
        double mx = 0, my = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            mx += x[i, 0];
            my += y[i];
        }
        mx /= x.Rows;
        my /= x.Rows;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            sxy += (x[i, 0] - mx) * (y[i] - my);
            sxx += (x[i, 0] - mx) * (x[i, 0] - mx);
        }
        double slope = sxx + Alpha == 0 ? 0 : sxy / (sxx + Alpha);
        return new LineModel(slope, my - slope * mx, x.Columns);
    }
}

internal sealed record LineModel(double Slope, double Intercept, int FeatureCount) : IRegressionModel
{
    public double[] Predict(Matrix<double> x) => Enumerable.Range(0, x.Rows).Select(i => Intercept + Slope * x[i, 0]).ToArray();
}

/// <summary>Test-only nearest-centroid classifier; probabilities ∝ exp(−squared distance). Needs two classes.</summary>
internal sealed record NearestCentroid : IClassifier<CentroidModel>
{
    public CentroidModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (y.Classes.Count < 2)
            throw new DescentDataException($"NearestCentroid.Fit: y holds one class ({y.Classes[0]}); a classifier needs at least two.");
        var centroids = new double[y.Classes.Count, x.Columns];
        var counts = new int[y.Classes.Count];
        for (int i = 0; i < x.Rows; i++)
        {
            counts[y.Indices[i]]++;
            for (int j = 0; j < x.Columns; j++)
                centroids[y.Indices[i], j] += x[i, j];
        }
        for (int k = 0; k < counts.Length; k++)
            for (int j = 0; j < x.Columns; j++)
                centroids[k, j] /= counts[k];
        return new CentroidModel(y.Classes, centroids);
    }
}

internal sealed class CentroidModel(IReadOnlyList<Label> classes, double[,] centroids) : IClassificationModel
{
    public int FeatureCount => centroids.GetLength(1);

    public IReadOnlyList<Label> Classes => classes;

    public int[] PredictClassIndices(Matrix<double> x)
    {
        var p = PredictProbabilities(x);
        return Enumerable.Range(0, x.Rows).Select(i => Enumerable.Range(0, classes.Count).MaxBy(k => p[i, k])).ToArray();
    }

    public Matrix<double> PredictProbabilities(Matrix<double> x)
    {
        var p = new Matrix<double>(x.Rows, classes.Count);
        for (int i = 0; i < x.Rows; i++)
        {
            var d = new double[classes.Count];
            for (int k = 0; k < d.Length; k++)
                for (int j = 0; j < FeatureCount; j++)
                    d[k] += (x[i, j] - centroids[k, j]) * (x[i, j] - centroids[k, j]);
            double nearest = d.Min(), sum = 0;
            for (int k = 0; k < d.Length; k++)
            {
                p[i, k] = Math.Exp(nearest - d[k]);
                sum += p[i, k];
            }
            for (int k = 0; k < classes.Count; k++)
                p[i, k] /= sum;
        }
        return p;
    }
}
