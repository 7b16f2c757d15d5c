using Descent.Numerics;

namespace Descent;

/// <summary>
/// Settings for a regression algorithm. <see cref="Fit"/> learns from X (n_samples × n_features) and y
/// (n_samples targets) and returns an immutable, thread-safe model; the settings object itself holds no state.
/// </summary>
/// <typeparam name="TModel">The fitted model type.</typeparam>
public interface IRegressor<out TModel> where TModel : IRegressionModel
{
    /// <summary>Learns from <paramref name="x"/> and <paramref name="y"/>. Validates both first, naming rows and columns on error.</summary>
    TModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

/// <summary>A fitted regression model.</summary>
public interface IRegressionModel
{
    /// <summary>Number of columns of the X it was fitted on; Predict requires the same.</summary>
    int FeatureCount { get; }

    /// <summary>One prediction per row of <paramref name="x"/>.</summary>
    double[] Predict(Matrix<double> x);
}
