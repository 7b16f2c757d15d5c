using Descent.Data;
using Descent.Numerics;

namespace Descent.Cli.Models;

/// <summary>
/// A configured estimator, regressor or classifier, behind one call: <see cref="Fit"/> takes the (preprocessed)
/// features and the dataset's target read the way the task needs (numbers for a regressor, class labels for a
/// classifier) and returns the fitted model (an <see cref="IRegressionModel"/> or an <see cref="IClassificationModel"/>).
/// </summary>
internal sealed class Estimator
{
    private readonly Func<Matrix<double>, Dataset, IProgress<FitProgress>?, object> _fit;

    private Estimator(bool isClassifier, Func<Matrix<double>, Dataset, IProgress<FitProgress>?, object> fit)
    {
        IsClassifier = isClassifier;
        _fit = fit;
    }

    /// <summary>True for a classifier, false for a regressor.</summary>
    public bool IsClassifier { get; }

    /// <summary>Wraps a regressor.</summary>
    public static Estimator Of<TModel>(IRegressor<TModel> regressor) where TModel : IRegressionModel =>
        new(false, (x, data, progress) => regressor.Fit(x, data.RequireNumericTarget(), progress)!);

    /// <summary>Wraps a classifier.</summary>
    public static Estimator Of<TModel>(IClassifier<TModel> classifier) where TModel : IClassificationModel =>
        new(true, (x, data, progress) => classifier.Fit(x, Targets.Classes(data), progress)!);

    /// <summary>Fits on <paramref name="x"/> (rows of <paramref name="data"/>, preprocessed) and the data's target.</summary>
    public object Fit(Matrix<double> x, Dataset data, IProgress<FitProgress>? progress) => _fit(x, data, progress);
}
