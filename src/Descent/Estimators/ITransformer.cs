using Descent.Numerics;

namespace Descent;

/// <summary>Settings for a preprocessing step (a scaler, polynomial features). Fit learns its statistics from X.</summary>
/// <typeparam name="TFitted">The fitted transformation.</typeparam>
public interface ITransformer<out TFitted> where TFitted : IFittedTransformer
{
    /// <summary>Learns the statistics of <paramref name="x"/> (means, ranges, ...).</summary>
    TFitted Fit(Matrix<double> x);
}

/// <summary>A fitted preprocessing step; applies the statistics learned at Fit to any X with the same columns.</summary>
public interface IFittedTransformer
{
    /// <summary>Number of columns Transform expects.</summary>
    int InputFeatureCount { get; }

    /// <summary>Number of columns Transform returns.</summary>
    int OutputFeatureCount { get; }

    /// <summary>The transformed copy of <paramref name="x"/>; <paramref name="x"/> is not changed.</summary>
    Matrix<double> Transform(Matrix<double> x);
}
