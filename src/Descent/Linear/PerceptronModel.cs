using Descent.Numerics;

namespace Descent.Linear;

/// <summary>
/// A fitted perceptron: scores z = Wx + b (one row for two classes, one per class otherwise), predicting Classes[1]
/// when z &gt; 0 (two classes) or the class with the largest score. Like scikit-learn's Perceptron it has no
/// probabilities: use <see cref="DecisionFunction"/>. Immutable and thread-safe.
/// </summary>
public sealed class PerceptronModel : IClassificationModel, IIterativeModel
{
    private readonly Label[] _classes;
    private readonly Matrix<double> _coefficients;
    private readonly double[] _intercepts;

    internal PerceptronModel(Label[] classes, Matrix<double> coefficients, double[] intercepts, FitHistory history,
        int iterations, StopReason stopReason)
    {
        _classes = classes;
        _coefficients = coefficients;
        _intercepts = intercepts;
        History = history;
        Iterations = iterations;
        StopReason = stopReason;
    }

    /// <inheritdoc />
    public IReadOnlyList<Label> Classes => _classes;

    /// <inheritdoc />
    public int FeatureCount => _coefficients.Columns;

    /// <summary>The weights (a copy): 1 × p for two classes, K × p otherwise (scikit-learn's <c>coef_</c>).</summary>
    public Matrix<double> Coefficients => _coefficients.Copy();

    /// <summary>The biases, one per weight row (scikit-learn's <c>intercept_</c>).</summary>
    public IReadOnlyList<double> Intercepts => _intercepts;

    /// <summary>The mean perceptron loss max(0, −t·z) of each epoch (averaged over the one-vs-rest problems).</summary>
    public FitHistory History { get; }

    /// <summary>Epochs run (scikit-learn's <c>n_iter_</c>; the most over the one-vs-rest problems).</summary>
    public int Iterations { get; }

    /// <summary>NoImprovement when every one-vs-rest problem stopped by Tolerance; MaxIterations when one ran out of epochs.</summary>
    public StopReason StopReason { get; }

    /// <summary>False when MaxIterations ran out before the loss stopped improving.</summary>
    public bool Converged => StopReason.IsConverged();

    /// <summary>The scores Z = XWᵀ + b: n × 1 for two classes (positive means Classes[1]), n × K otherwise.</summary>
    /// <exception cref="DescentDataException">X's column count differs from <see cref="FeatureCount"/>, or X is not finite.</exception>
    public Matrix<double> DecisionFunction(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, FeatureCount, nameof(PerceptronModel) + ".DecisionFunction");
        return LinearScores.Compute(x, _coefficients, _intercepts, nameof(PerceptronModel) + ".DecisionFunction");
    }

    /// <inheritdoc />
    /// <exception cref="DescentDataException">X's column count differs from <see cref="FeatureCount"/>, or X is not finite.</exception>
    public int[] PredictClassIndices(Matrix<double> x)
    {
        var z = DecisionFunction(x);
        if (_classes.Length > 2)
            return z.ArgMax(axis: 1);
        var result = new int[x.Rows];
        for (int i = 0; i < result.Length; i++)
            result[i] = z[i, 0] > 0 ? 1 : 0;
        return result;
    }

    /// <summary>The predicted class label of each row.</summary>
    public Label[] Predict(Matrix<double> x) => Array.ConvertAll(PredictClassIndices(x), k => _classes[k]);

    /// <summary>Not supported: a perceptron's scores are not probabilities (scikit-learn's Perceptron has no
    /// <c>predict_proba</c> either). Use <see cref="DecisionFunction"/> for scores, or LogisticRegression for probabilities.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public Matrix<double> PredictProbabilities(Matrix<double> x) =>
        throw new NotSupportedException(
            "PerceptronModel.PredictProbabilities: a perceptron gives scores, not probabilities (scikit-learn's Perceptron " +
            "has no predict_proba). Use DecisionFunction for scores, or LogisticRegression when you need probabilities.");
}
