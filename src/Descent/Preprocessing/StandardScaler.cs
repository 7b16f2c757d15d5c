using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>
/// Standardization z = (x − μ) / σ per column, with μ the column mean and σ the population standard deviation
/// (ddof = 0), as scikit-learn's StandardScaler. A column whose variance is indistinguishable from 0 gets σ = 1
/// (it is only centered), so constant columns never produce NaN.
/// </summary>
public sealed record StandardScaler : ITransformer<StandardScalerModel>
{

    /// <summary>Subtract the mean (scikit-learn's with_mean).</summary>
    public bool WithMean { get; init; } = true;

    /// <summary>Divide by the standard deviation (scikit-learn's with_std).</summary>
    public bool WithStd { get; init; } = true;

    /// <summary>
    /// Learns μ and σ² of every column. The variance is the corrected two-pass sum
    /// σ² = (Σ(x − μ)² − (Σ(x − μ))²/m) / m, and a column counts as constant when
    /// σ² ≤ m·ε·σ² + (m·μ·ε)² (scikit-learn's bound from Chan, Golub and LeVeque).
    /// </summary>
    /// <exception cref="DescentDataException">X is empty or not finite.</exception>
    public StandardScalerModel Fit(Matrix<double> x)
    {
        DataCheck.Features(x, "StandardScaler.Fit");
        DataCheck.Squarable(x, "StandardScaler.Fit");
        int m = x.Rows, n = x.Columns;
        var data = x.ToContiguous();
        var mean = new double[n];
        for (int i = 0; i < m; i++)
            TensorPrimitives.Add(data.RowSpan(i), mean, mean);
        TensorPrimitives.Divide(mean, m, mean);

        var deviationSum = new double[n];
        var squareSum = new double[n];
        var deviation = new double[n];
        for (int i = 0; i < m; i++)
        {
            TensorPrimitives.Subtract(data.RowSpan(i), mean, deviation);
            TensorPrimitives.Add(deviationSum, deviation, deviationSum);
            TensorPrimitives.MultiplyAdd(deviation, deviation, squareSum, squareSum);
        }
        var variance = new double[n];
        var scale = new double[n];
        for (int j = 0; j < n; j++)
        {
            variance[j] = (squareSum[j] - deviationSum[j] * deviationSum[j] / m) / m;
            double bound = m * MachineEpsilon.Double * variance[j] + Math.Pow(m * mean[j] * MachineEpsilon.Double, 2);
            scale[j] = variance[j] <= bound ? 1.0 : Math.Sqrt(variance[j]);
        }
        if (!WithMean)
            Array.Clear(mean);
        if (!WithStd)
            Array.Fill(scale, 1.0);
        return new StandardScalerModel(mean, variance, scale);
    }
}

/// <summary>The column means and scales learned by <see cref="StandardScaler"/>; Transform applies z = (x − μ) / σ.</summary>
public sealed class StandardScalerModel : IFittedTransformer
{
    private readonly double[] _mean;
    private readonly double[] _variance;
    private readonly double[] _scale;

    /// <summary>A scaler with the given per-column mean (0 when not centering), variance and scale (1 for constant columns).</summary>
    public StandardScalerModel(IReadOnlyList<double> mean, IReadOnlyList<double> variance, IReadOnlyList<double> scale)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(variance);
        ArgumentNullException.ThrowIfNull(scale);
        if (mean.Count != scale.Count || variance.Count != scale.Count)
            throw new ArgumentException(
                $"StandardScalerModel: mean ({mean.Count}), variance ({variance.Count}) and scale ({scale.Count}) need one value per column.");
        _mean = mean.ToArray();
        _variance = variance.ToArray();
        _scale = scale.ToArray();
    }

    /// <summary>μ per column (scikit-learn's mean_); zeros when fitted with WithMean = false.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Population variance per column (scikit-learn's var_).</summary>
    public IReadOnlyList<double> Variance => _variance;

    /// <summary>σ per column, 1 for constant columns or WithStd = false (scikit-learn's scale_).</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <inheritdoc />
    public int InputFeatureCount => _scale.Length;

    /// <inheritdoc />
    public int OutputFeatureCount => _scale.Length;

    /// <summary>(x − μ) / σ for every row, as a new matrix.</summary>
    /// <exception cref="DescentDataException">X has a different column count than at Fit, or is not finite.</exception>
    public Matrix<double> Transform(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, InputFeatureCount, "StandardScalerModel.Transform");
        var result = x.Copy();
        for (int i = 0; i < result.Rows; i++)
        {
            var row = result.RowSpan(i);
            TensorPrimitives.Subtract(row, _mean, row);
            TensorPrimitives.Divide(row, _scale, row);
        }
        return result;
    }

    /// <summary>z·σ + μ for every row: undoes <see cref="Transform"/>.</summary>
    /// <exception cref="DescentDataException">Z has a different column count than at Fit, or is not finite.</exception>
    public Matrix<double> InverseTransform(Matrix<double> z)
    {
        DataCheck.PredictionFeatures(z, InputFeatureCount, "StandardScalerModel.InverseTransform");
        var result = z.Copy();
        for (int i = 0; i < result.Rows; i++)
        {
            var row = result.RowSpan(i);
            TensorPrimitives.MultiplyAdd(row, _scale, _mean, row);
        }
        return result;
    }
}
