using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// A multi-layer perceptron classifier (scikit-learn's <c>MLPClassifier</c>, same settings, defaults and objective;
/// see <see cref="MultilayerPerceptron"/>). Two classes: one logistic output and the binary log-loss; more: one
/// output per class, softmax and the log-loss. Fitted on double data it trains in double; on float32 data
/// (<see cref="Fit(Matrix{float}, ClassLabels, IProgress{FitProgress}, CancellationToken)"/>) in float32, as
/// scikit-learn keeps X's dtype.
/// </summary>
/// <example><code>
/// var model = new MlpClassifier { HiddenLayerSizes = [64], Seed = 0 }.Fit(x, labels);
/// Label[] predicted = model.Predict(xTest);
/// </code></example>
public sealed record MlpClassifier : MultilayerPerceptron, IClassifier<MlpClassifierModel>
{
    /// <summary>Trains on <paramref name="x"/> (n × p) and the class of each row, in double.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DescentDataException">X is empty or not finite, the lengths differ, y has one class, or too few
    /// rows to hold out the validation fraction.</exception>
    /// <exception cref="DivergenceException">The loss became NaN or infinite (the message names the epoch).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public MlpClassifierModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(MlpClassifier);
        Validate(name);
        DataCheck.Features(x, name + ".Fit");
        DataCheck.Labels(x, y, name + ".Fit");
        return Train(x, y, progress, cancellationToken);
    }

    /// <summary>Trains on float32 features, in float32 (the model then predicts in float32 too).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DescentDataException">X is empty or not finite, the lengths differ, or y has one class.</exception>
    /// <exception cref="DivergenceException">The loss became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public MlpClassifierModel Fit(Matrix<float> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(MlpClassifier);
        Validate(name);
        CheckFeatures(x, name + ".Fit");
        DataCheck.Labels(x.Rows, y, name + ".Fit");
        return Train(x, y, progress, cancellationToken);
    }

    private MlpClassifierModel Train<T>(Matrix<T> x, ClassLabels y, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int classes = y.Classes.Count;
        var architecture = Architecture(x.Columns, classes == 2 ? 1 : classes, classes == 2 ? MlpOutput.Logistic : MlpOutput.Softmax);
        MlpTarget<T> target = classes == 2 ? new BinaryMlpTarget<T>(y.Indices) : new MulticlassMlpTarget<T>(y.Indices);
        var fit = MlpTraining.Run(this, architecture, x, target, nameof(MlpClassifier) + ".Fit", progress, cancellationToken);
        var run = fit.Run;
        return new MlpClassifierModel(y.Classes.ToArray(), fit.Weights, run.History, run.Epochs, run.StopReason, run.BestLoss,
            run.BestValidationScore);
    }
}
