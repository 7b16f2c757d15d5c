using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;

namespace Descent.Plotting.Models;

public static partial class ModelFigures
{
    /// <summary>
    /// Any classifier fitted on two features, drawn over its training (or test) examples: for two classes the
    /// probability of the second class shaded with the P = 0.5 boundary; for more classes, or a model without
    /// probabilities (the perceptron, drawn from its <see cref="ClassScores"/>: its boundary is exactly w·x + b = 0), the
    /// region where each class wins and the boundaries between them. The examples the model gets wrong are ringed and
    /// counted in the legend.
    /// </summary>
    /// <param name="model">A classifier fitted on exactly two features.</param>
    /// <param name="x">The examples to scatter (n × 2).</param>
    /// <param name="y">Their classes (the model's classes).</param>
    /// <param name="x1Label">Name of the first feature.</param>
    /// <param name="x2Label">Name of the second feature.</param>
    /// <param name="classNames">A display name per class of the model (default: the labels as written).</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">The model is not of two features, x is not n × 2, or a label is not one of the model's classes.</exception>
    public static Figure DecisionBoundary(IClassificationModel model, Matrix<double> x, ClassLabels y, string x1Label, string x2Label,
        IReadOnlyList<string>? classNames = null, string title = "Decision boundary")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (model.FeatureCount != 2 || x.Columns != 2)
            throw new ArgumentException(
                $"ModelFigures.DecisionBoundary: draws a classifier of two features over n × 2 data, got a model of {model.FeatureCount} " +
                $"features and data of {x.Columns} columns; choose two features (--features a,b).", nameof(model));
        if (x.Rows != y.Count)
            throw new ArgumentException($"ModelFigures.DecisionBoundary: X has {x.Rows} rows but y has {y.Count} labels.", nameof(y));
        classNames ??= model.Classes.Select(c => c.Text).ToArray();
        if (classNames.Count != model.Classes.Count)
            throw new ArgumentException(
                $"ModelFigures.DecisionBoundary: {classNames.Count} class names for a model with {model.Classes.Count} classes.", nameof(classNames));
        var classIndex = new int[y.Count];
        for (int i = 0; i < classIndex.Length; i++)
        {
            Label label = y.Classes[y.Indices[i]];
            classIndex[i] = ClassLabels.IndexOf(model.Classes, label);
            if (classIndex[i] < 0)
                throw new ArgumentException($"ModelFigures.DecisionBoundary: row {i} has class '{label.Text}', which the model does not know.", nameof(y));
        }
        double[] x1 = x.Column(0).ToArray(), x2 = x.Column(1).ToArray();
        var point = new double[2];
        double[] Scores(double a, double b)
        {
            point[0] = a;
            point[1] = b;
            return ClassScores(model, Matrix.Wrap(point, 1, 2)).Row(0).ToArray();
        }
        int[] predicted = model.PredictClassIndices(x);
        return model.Classes.Count == 2 && model is not PerceptronModel
            ? Figures.DecisionBoundary(x1, x2, classIndex, classNames, (a, b) => Scores(a, b)[1], x1Label, x2Label, title: title, predicted: predicted)
            : Figures.DecisionRegions(x1, x2, classIndex, classNames, Scores, x1Label, x2Label, title: title, predicted: predicted);
    }

    /// <summary>
    /// One score per class and row, larger for the more likely class: the class probabilities, or for a perceptron
    /// (which has none) its decision function z = w·x + b, as (−z, z) for two classes.
    /// </summary>
    public static Matrix<double> ClassScores(IClassificationModel model, Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is not PerceptronModel perceptron)
            return model.PredictProbabilities(x);
        var decision = perceptron.DecisionFunction(x);
        if (decision.Columns != 1)
            return decision;
        var scores = new Matrix<double>(x.Rows, 2);
        for (int i = 0; i < x.Rows; i++)
        {
            scores[i, 1] = decision[i, 0];
            scores[i, 0] = -decision[i, 0];
        }
        return scores;
    }

    /// <summary>The ROC curve through exactly the metric's points, its area in the legend.</summary>
    public static Figure Roc(RocCurve curve, string name = "model")
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Figures.Roc(curve.FalsePositiveRates, curve.TruePositiveRates, curve.Area(), name);
    }

    /// <summary>The precision-recall curve, its average precision in the legend and, when given, the chance level (the positive fraction).</summary>
    public static Figure PrecisionRecall(PrecisionRecallCurve curve, double? positiveFraction = null, string name = "model")
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Figures.PrecisionRecall(curve.Precision, curve.Recall, curve.AveragePrecision(), positiveFraction, name);
    }

    /// <summary>A confusion matrix (rows = true class, columns = predicted) as annotated counts.</summary>
    /// <exception cref="ArgumentException"><paramref name="classNames"/> does not have one name per label.</exception>
    public static Figure ConfusionMatrix<TLabel>(ConfusionMatrix<TLabel> matrix, IReadOnlyList<string>? classNames = null, bool normalizeRows = false,
        string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        classNames ??= matrix.Labels.Select(l => l?.ToString() ?? "").ToArray();
        int k = matrix.Size;
        var counts = new int[k, k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                counts[i, j] = (int)Math.Round(matrix[i, j]);
        return Figures.ConfusionMatrix(counts, classNames, normalizeRows, title);
    }
}
