using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// A fitted <see cref="MlpClassifier"/>: for two classes one logistic output p = P(Classes[1]), for more a softmax over
/// one output per class (scikit-learn's <c>MLPClassifier</c>). Immutable and thread-safe.
/// </summary>
public sealed class MlpClassifierModel : MlpModel, IClassificationModel
{
    private readonly Label[] _classes;

    internal MlpClassifierModel(Label[] classes, MlpWeights weights, FitHistory history, int iterations, StopReason stopReason,
        double bestLoss, double? bestValidationScore)
        : base(weights, history, iterations, stopReason, bestLoss, bestValidationScore) => _classes = classes;

    /// <inheritdoc />
    public IReadOnlyList<Label> Classes => _classes;

    /// <summary>Class probabilities, n × classes (two classes: 1 − p and p, as scikit-learn's <c>predict_proba</c>).</summary>
    /// <exception cref="DescentDataException">X's column count differs from <see cref="MlpModel.FeatureCount"/>, or X is not finite.</exception>
    public Matrix<double> PredictProbabilities(Matrix<double> x)
    {
        var outputs = Outputs(x, nameof(MlpClassifierModel) + ".PredictProbabilities");
        if (_classes.Length > 2)
            return outputs;
        var probabilities = new Matrix<double>(x.Rows, 2);
        for (int i = 0; i < x.Rows; i++)
        {
            probabilities[i, 0] = 1 - outputs[i, 0];
            probabilities[i, 1] = outputs[i, 0];
        }
        return probabilities;
    }

    /// <inheritdoc />
    /// <exception cref="DescentDataException">X's column count differs from <see cref="MlpModel.FeatureCount"/>, or X is not finite.</exception>
    public int[] PredictClassIndices(Matrix<double> x)
    {
        var outputs = Outputs(x, nameof(MlpClassifierModel) + ".Predict");
        if (_classes.Length > 2)
            return outputs.ArgMax(axis: 1);
        var result = new int[x.Rows];
        for (int i = 0; i < result.Length; i++)
            result[i] = outputs[i, 0] > 0.5 ? 1 : 0;
        return result;
    }

    /// <summary>The predicted class label of each row.</summary>
    public Label[] Predict(Matrix<double> x) => Array.ConvertAll(PredictClassIndices(x), k => _classes[k]);
}
