using Descent.Numerics;

namespace Descent.Linear;

/// <summary>
/// A fitted logistic (two classes: one weight row w, P(Classes[1] | x) = σ(w·x + b)) or softmax (K weight rows,
/// P(Classes[k] | x) = softmax(Wx + b)ₖ) model. Immutable and thread-safe.
/// </summary>
public sealed class LogisticRegressionModel : IClassificationModel, IIterativeModel
{
    private readonly Label[] _classes;
    private readonly Matrix<double> _coefficients;
    private readonly double[] _intercepts;

    internal LogisticRegressionModel(Label[] classes, Matrix<double> coefficients, double[] intercepts, bool multinomial,
        double decisionThreshold, FitHistory history, int iterations, StopReason stopReason)
    {
        _classes = classes;
        _coefficients = coefficients;
        _intercepts = intercepts;
        IsMultinomial = multinomial;
        DecisionThreshold = decisionThreshold;
        History = history;
        Iterations = iterations;
        StopReason = stopReason;
    }

    /// <inheritdoc />
    public IReadOnlyList<Label> Classes => _classes;

    /// <inheritdoc />
    public int FeatureCount => _coefficients.Columns;

    /// <summary>True for the softmax form (one weight row per class); false for the binary form (one row, for Classes[1]).</summary>
    public bool IsMultinomial { get; }

    /// <summary>The weights (a copy): 1 × p for the binary form, K × p for the softmax form (scikit-learn's <c>coef_</c>).</summary>
    public Matrix<double> Coefficients => _coefficients.Copy();

    /// <summary>The biases, one per weight row (scikit-learn's <c>intercept_</c>).</summary>
    public IReadOnlyList<double> Intercepts => _intercepts;

    /// <summary>Binary form: Classes[1] is predicted when its probability exceeds this.</summary>
    public double DecisionThreshold { get; }

    /// <summary>The objective at the start and after each solver iteration.</summary>
    public FitHistory History { get; }

    /// <summary>Solver iterations, or epochs of the stochastic solvers (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Why the solver stopped.</summary>
    public StopReason StopReason { get; }

    /// <summary>False when MaxIterations ran out (or the line search failed) before the tolerance was met
    /// (scikit-learn's ConvergenceWarning): raise MaxIterations or standardize the features.</summary>
    public bool Converged => StopReason.IsConverged();

    /// <summary>The same model with another decision threshold in (0, 1) (binary form only matters).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not in (0, 1).</exception>
    public LogisticRegressionModel WithDecisionThreshold(double threshold)
    {
        Check.Parameter(threshold is > 0 and < 1, nameof(LogisticRegressionModel), nameof(DecisionThreshold), "in (0, 1)", threshold);
        return new LogisticRegressionModel(_classes, _coefficients, _intercepts, IsMultinomial, threshold, History,
            Iterations, StopReason);
    }

    /// <summary>The scores z = Xwᵀ + b: n × 1 (binary: the log-odds of Classes[1]) or n × K (scikit-learn's
    /// <c>decision_function</c>).</summary>
    /// <exception cref="DescentDataException">X's column count differs from <see cref="FeatureCount"/>, or X is not finite.</exception>
    public Matrix<double> DecisionFunction(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, FeatureCount, nameof(LogisticRegressionModel) + ".DecisionFunction");
        return LinearScores.Compute(x, _coefficients, _intercepts, nameof(LogisticRegressionModel) + ".DecisionFunction");
    }

    /// <summary>n × K class probabilities; binary: columns (1 − σ(z), σ(z)).</summary>
    /// <exception cref="DescentDataException">X's column count differs from <see cref="FeatureCount"/>, or X is not finite.</exception>
    public Matrix<double> PredictProbabilities(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, FeatureCount, nameof(LogisticRegressionModel) + ".PredictProbabilities");
        var z = LinearScores.Compute(x, _coefficients, _intercepts, nameof(LogisticRegressionModel) + ".PredictProbabilities");
        if (IsMultinomial)
            return z.Softmax(z);
        var probabilities = new Matrix<double>(x.Rows, 2);
        var positive = new double[x.Rows];
        Elementwise.Sigmoid(Vec<double>.Wrap(z.ToArray()), Vec<double>.Wrap(positive));
        for (int i = 0; i < x.Rows; i++)
        {
            probabilities[i, 0] = 1 - positive[i];
            probabilities[i, 1] = positive[i];
        }
        return probabilities;
    }

    /// <summary>For each row, the index into <see cref="Classes"/> of the predicted class: the most probable class, or
    /// for two classes Classes[1] exactly when σ(z) &gt; DecisionThreshold (z &gt; 0 at the default 0.5, as scikit-learn).</summary>
    /// <exception cref="DescentDataException">X's column count differs from <see cref="FeatureCount"/>, or X is not finite.</exception>
    public int[] PredictClassIndices(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, FeatureCount, nameof(LogisticRegressionModel) + ".Predict");
        var z = LinearScores.Compute(x, _coefficients, _intercepts, nameof(LogisticRegressionModel) + ".Predict");
        if (IsMultinomial)
            return z.ArgMax(axis: 1);
        double cut = Math.Log(DecisionThreshold / (1 - DecisionThreshold));
        var result = new int[x.Rows];
        for (int i = 0; i < result.Length; i++)
            result[i] = z[i, 0] > cut ? 1 : 0;
        return result;
    }

    /// <summary>The predicted class label of each row.</summary>
    /// <exception cref="DescentDataException">X's column count differs from <see cref="FeatureCount"/>, or X is not finite.</exception>
    public Label[] Predict(Matrix<double> x) => Array.ConvertAll(PredictClassIndices(x), k => _classes[k]);
}
