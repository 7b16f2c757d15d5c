using Descent.Metrics;
using Descent.Numerics;

namespace Descent.ModelSelection;

/// <summary>
/// How a fitted regressor is scored on data (scikit-learn's <c>scoring</c>): a name, a function of (model, X, y) and
/// whether greater is better (R²) or smaller (an error such as MSE). Grid search picks the best accordingly.
/// </summary>
public sealed class RegressionScorer
{
    private readonly Func<IRegressionModel, Matrix<double>, double[], double> _score;

    /// <summary>A scorer from any function of (model, X, y).</summary>
    public RegressionScorer(string name, Func<IRegressionModel, Matrix<double>, double[], double> score, bool greaterIsBetter)
    {
        Name = name;
        _score = score;
        GreaterIsBetter = greaterIsBetter;
    }

    /// <summary>The name, e.g. "mse".</summary>
    public string Name { get; }

    /// <summary>True for a score (R²), false for an error (MSE).</summary>
    public bool GreaterIsBetter { get; }

    /// <summary>The score of <paramref name="model"/> on (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public double Score(IRegressionModel model, Matrix<double> x, double[] y) => _score(model, x, y);

    /// <summary>A scorer from a metric of (y, ŷ).</summary>
    public static RegressionScorer FromMetric(string name, Func<double[], double[], double> metric, bool greaterIsBetter) =>
        new(name, (model, x, y) => metric(y, model.Predict(x)), greaterIsBetter);

    /// <summary>Mean squared error (smaller is better).</summary>
    public static RegressionScorer MeanSquaredError { get; } = FromMetric("mse", (y, p) => RegressionMetrics.MeanSquaredError(y, p), false);

    /// <summary>Root mean squared error (smaller is better).</summary>
    public static RegressionScorer RootMeanSquaredError { get; } = FromMetric("rmse", (y, p) => RegressionMetrics.RootMeanSquaredError(y, p), false);

    /// <summary>Mean absolute error (smaller is better).</summary>
    public static RegressionScorer MeanAbsoluteError { get; } = FromMetric("mae", (y, p) => RegressionMetrics.MeanAbsoluteError(y, p), false);

    /// <summary>R² (greater is better): scikit-learn's default score of a regressor.</summary>
    public static RegressionScorer R2 { get; } = FromMetric("r2", (y, p) => RegressionMetrics.R2Score(y, p), true);

    /// <summary>Explained variance (greater is better).</summary>
    public static RegressionScorer ExplainedVariance { get; } = FromMetric("explained_variance", (y, p) => RegressionMetrics.ExplainedVariance(y, p), true);
}

/// <summary>
/// How a fitted classifier is scored on data: a name, a function of (model, X, labels) and whether greater is better.
/// Predicted labels are the model's classes; labels are compared as <see cref="Label"/> values.
/// </summary>
public sealed class ClassificationScorer
{
    private readonly Func<IClassificationModel, Matrix<double>, ClassLabels, double> _score;

    /// <summary>A scorer from any function of (model, X, y).</summary>
    public ClassificationScorer(string name, Func<IClassificationModel, Matrix<double>, ClassLabels, double> score, bool greaterIsBetter)
    {
        Name = name;
        _score = score;
        GreaterIsBetter = greaterIsBetter;
    }

    /// <summary>The name, e.g. "accuracy".</summary>
    public string Name { get; }

    /// <summary>True for a score (accuracy), false for an error (misclassification rate, log loss).</summary>
    public bool GreaterIsBetter { get; }

    /// <summary>The score of <paramref name="model"/> on (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public double Score(IClassificationModel model, Matrix<double> x, ClassLabels y) => _score(model, x, y);

    /// <summary>A scorer from a metric of (true labels, predicted labels).</summary>
    public static ClassificationScorer FromMetric(string name, Func<Label[], Label[], double> metric, bool greaterIsBetter) =>
        new(name, (model, x, y) =>
        {
            int[] predicted = model.PredictClassIndices(x);
            var yPred = new Label[predicted.Length];
            for (int i = 0; i < yPred.Length; i++)
                yPred[i] = model.Classes[predicted[i]];
            return metric(Truth(y), yPred);
        }, greaterIsBetter);

    /// <summary>Accuracy (greater is better): scikit-learn's default score of a classifier.</summary>
    public static ClassificationScorer Accuracy { get; } = FromMetric("accuracy", (t, p) => ClassificationMetrics.Accuracy(t, p), true);

    /// <summary>Misclassification rate 1 − accuracy, the classification error E of the teaching material (smaller is better).</summary>
    public static ClassificationScorer Error { get; } = FromMetric("error", (t, p) => 1 - ClassificationMetrics.Accuracy(t, p), false);

    /// <summary>Macro-averaged F1 (greater is better; ill-defined classes count 0).</summary>
    public static ClassificationScorer F1Macro { get; } =
        FromMetric("f1_macro", (t, p) => ClassificationMetrics.F1(t, p, Average.Macro, zeroDivision: ZeroDivision.Zero).Value, true);

    /// <summary>Log loss of the predicted probabilities over the model's classes (smaller is better).</summary>
    public static ClassificationScorer LogLoss { get; } =
        new("log_loss", (model, x, y) => ProbabilityMetrics.LogLoss(Truth(y), model.PredictProbabilities(x), model.Classes.ToArray()), false);

    /// <summary>ROC AUC (greater is better): binary from the second class's probability, one-vs-rest macro for more classes.</summary>
    public static ClassificationScorer RocAuc { get; } = new("roc_auc", (model, x, y) =>
    {
        var probabilities = model.PredictProbabilities(x);
        return model.Classes.Count == 2
            ? RankingMetrics.RocAuc(Truth(y), probabilities.Column(1).ToArray())
            : RankingMetrics.RocAuc(Truth(y), probabilities, Average.Macro, model.Classes.ToArray());
    }, true);

    private static Label[] Truth(ClassLabels y)
    {
        var labels = new Label[y.Count];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = y.Classes[y.Indices[i]];
        return labels;
    }
}
