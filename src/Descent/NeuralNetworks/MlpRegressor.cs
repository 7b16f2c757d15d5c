using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// A multi-layer perceptron for regression (scikit-learn's <c>MLPRegressor</c>, same settings, defaults and objective;
/// see <see cref="MultilayerPerceptron"/>): one identity output and the squared error (ŷ − y)²/2, averaged over the
/// batch. Fitted on double data it trains in double; on float32 data in float32.
/// </summary>
public sealed record MlpRegressor : MultilayerPerceptron, IRegressor<MlpRegressorModel>
{
    /// <summary>Trains on <paramref name="x"/> (n × p) and the target of each row, in double.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DescentDataException">X or y is empty or not finite, the lengths differ, or too few rows to hold
    /// out the validation fraction.</exception>
    /// <exception cref="DivergenceException">The loss became NaN or infinite (the message names the epoch).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public MlpRegressorModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(MlpRegressor);
        Validate(name);
        DataCheck.RegressionData(x, y, name + ".Fit");
        return Train(x, y.ToArray(), progress, cancellationToken);
    }

    /// <summary>Trains on float32 features, in float32.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DescentDataException">X or y is empty or not finite, or the lengths differ.</exception>
    /// <exception cref="DivergenceException">The loss became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public MlpRegressorModel Fit(Matrix<float> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(MlpRegressor);
        Validate(name);
        CheckFeatures(x, name + ".Fit");
        DataCheck.Targets(x.Rows, y, name + ".Fit");
        return Train(x, y.ToArray(), progress, cancellationToken);
    }

    private MlpRegressorModel Train<T>(Matrix<T> x, double[] y, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var fit = MlpTraining.Run(this, Architecture(x.Columns, 1, MlpOutput.Identity), x, new RegressionMlpTarget<T>(y),
            nameof(MlpRegressor) + ".Fit", progress, cancellationToken);
        var run = fit.Run;
        return new MlpRegressorModel(fit.Weights, run.History, run.Epochs, run.StopReason, run.BestLoss, run.BestValidationScore);
    }
}
