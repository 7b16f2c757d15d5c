using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>
/// Rescales every column linearly onto <see cref="FeatureRange"/>: x' = (x − min)/(max − min)·(hi − lo) + lo, as
/// scikit-learn's MinMaxScaler. A constant column (max = min) is mapped to lo, never NaN.
/// </summary>
public sealed record MinMaxScaler : ITransformer<MinMaxScalerModel>
{
    /// <summary>The target interval (lo, hi), lo &lt; hi; (0, 1) by default (scikit-learn's feature_range).</summary>
    public (double Min, double Max) FeatureRange { get; init; } = (0.0, 1.0);

    /// <summary>Clip transformed values of new data to <see cref="FeatureRange"/> (scikit-learn's clip).</summary>
    public bool Clip { get; init; }

    /// <summary>Learns each column's minimum and maximum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">FeatureRange is not an interval lo &lt; hi.</exception>
    /// <exception cref="DescentDataException">X is empty or not finite.</exception>
    public MinMaxScalerModel Fit(Matrix<double> x)
    {
        var (lo, hi) = FeatureRange;
        Check.Parameter(double.IsFinite(lo) && double.IsFinite(hi) && lo < hi, nameof(MinMaxScaler), nameof(FeatureRange),
            "a finite interval (lo, hi) with lo < hi", $"({lo}, {hi})");
        DataCheck.Features(x, "MinMaxScaler.Fit");
        return new MinMaxScalerModel(x.Min(axis: 0).ToArray(), x.Max(axis: 0).ToArray(), FeatureRange, Clip);
    }
}

/// <summary>The column ranges learned by <see cref="MinMaxScaler"/>; Transform applies x' = x·scale + offset.</summary>
public sealed class MinMaxScalerModel : IFittedTransformer
{
    private readonly double[] _dataMin;
    private readonly double[] _dataMax;
    private readonly double[] _scale;
    private readonly double[] _offset;

    /// <summary>A scaler from each column's observed minimum and maximum and the target range.</summary>
    public MinMaxScalerModel(IReadOnlyList<double> dataMin, IReadOnlyList<double> dataMax, (double Min, double Max) featureRange,
        bool clip = false)
    {
        ArgumentNullException.ThrowIfNull(dataMin);
        ArgumentNullException.ThrowIfNull(dataMax);
        if (dataMin.Count != dataMax.Count)
            throw new ArgumentException($"MinMaxScalerModel: {dataMin.Count} minima but {dataMax.Count} maxima.");
        _dataMin = dataMin.ToArray();
        _dataMax = dataMax.ToArray();
        FeatureRange = featureRange;
        Clip = clip;
        int n = _dataMin.Length;
        _scale = new double[n];
        _offset = new double[n];
        for (int j = 0; j < n; j++)
        {
            double range = _dataMax[j] - _dataMin[j];
            // scikit-learn's _handle_zeros_in_scale: a range below 10·ε counts as 0 and is replaced by 1.
            if (range < 10 * MachineEpsilon.Double)
                range = 1.0;
            _scale[j] = (featureRange.Max - featureRange.Min) / range;
            _offset[j] = featureRange.Min - _dataMin[j] * _scale[j];
        }
    }

    /// <summary>Column minima seen at Fit (scikit-learn's data_min_).</summary>
    public IReadOnlyList<double> DataMin => _dataMin;

    /// <summary>Column maxima seen at Fit (scikit-learn's data_max_).</summary>
    public IReadOnlyList<double> DataMax => _dataMax;

    /// <summary>(hi − lo) / (max − min) per column (scikit-learn's scale_).</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>lo − min·scale per column (scikit-learn's min_).</summary>
    public IReadOnlyList<double> Offset => _offset;

    /// <summary>The target interval.</summary>
    public (double Min, double Max) FeatureRange { get; }

    /// <summary>Whether Transform clips to <see cref="FeatureRange"/>.</summary>
    public bool Clip { get; }

    /// <inheritdoc />
    public int InputFeatureCount => _scale.Length;

    /// <inheritdoc />
    public int OutputFeatureCount => _scale.Length;

    /// <summary>x·scale + offset for every row (clipped to the range when <see cref="Clip"/>), as a new matrix.</summary>
    /// <exception cref="DescentDataException">X has a different column count than at Fit, or is not finite.</exception>
    public Matrix<double> Transform(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, InputFeatureCount, "MinMaxScalerModel.Transform");
        var result = x.Copy();
        for (int i = 0; i < result.Rows; i++)
        {
            var row = result.RowSpan(i);
            TensorPrimitives.MultiplyAdd(row, _scale, _offset, row);
            if (Clip)
                TensorPrimitives.Clamp(row, FeatureRange.Min, FeatureRange.Max, row);
        }
        return result;
    }

    /// <summary>(x' − offset) / scale for every row: undoes <see cref="Transform"/>.</summary>
    /// <exception cref="DescentDataException">X has a different column count than at Fit, or is not finite.</exception>
    public Matrix<double> InverseTransform(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, InputFeatureCount, "MinMaxScalerModel.InverseTransform");
        var result = x.Copy();
        for (int i = 0; i < result.Rows; i++)
        {
            var row = result.RowSpan(i);
            TensorPrimitives.Subtract(row, _offset, row);
            TensorPrimitives.Divide(row, _scale, row);
        }
        return result;
    }
}
