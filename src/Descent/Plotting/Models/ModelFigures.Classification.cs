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

    /// <summary>
    /// One ROC curve per class against the rest (scikit-learn's one-vs-rest): class k is positive, its score column
    /// <c>scores[:, k]</c> ranks the rows, and the legend gives each curve's AUC.
    /// </summary>
    /// <param name="truth">The class index of each row, 0 to K − 1.</param>
    /// <param name="scores">Rows × K scores (probabilities or decision values), one column per class.</param>
    /// <param name="classNames">One name per class.</param>
    /// <param name="classes">The classes to draw (default: every class).</param>
    /// <exception cref="ArgumentException">Shapes disagree, or a class drawn has no row (or every row).</exception>
    public static Figure RocOneVsRest(IReadOnlyList<int> truth, Matrix<double> scores, IReadOnlyList<string> classNames,
        IReadOnlyList<int>? classes = null)
    {
        var curves = OneVsRest(truth, scores, classNames, classes, "RocOneVsRest").Select(c =>
        {
            var curve = RankingMetrics.RocCurve(c.Binary, c.Score);
            return (c.Name, (IReadOnlyList<double>)curve.FalsePositiveRates, (IReadOnlyList<double>)curve.TruePositiveRates,
                (double?)RankingMetrics.RocAuc(c.Binary, c.Score));
        }).ToArray();
        var figure = Figures.Roc(curves);
        figure.Axes.Title = $"ROC curves, each class against the rest ({truth.Count} rows)";
        return figure;
    }

    /// <summary>
    /// One precision-recall curve per class against the rest, each with its average precision in the legend, and the
    /// chance level of each (the class's share of the rows).
    /// </summary>
    /// <inheritdoc cref="RocOneVsRest" path="/param"/>
    /// <exception cref="ArgumentException">Shapes disagree, or a class drawn has no row (or every row).</exception>
    public static Figure PrecisionRecallOneVsRest(IReadOnlyList<int> truth, Matrix<double> scores, IReadOnlyList<string> classNames,
        IReadOnlyList<int>? classes = null)
    {
        var curves = OneVsRest(truth, scores, classNames, classes, "PrecisionRecallOneVsRest").Select(c =>
        {
            var curve = RankingMetrics.PrecisionRecallCurve(c.Binary, c.Score);
            return (c.Name, (IReadOnlyList<double>)curve.Precision, (IReadOnlyList<double>)curve.Recall,
                (double?)curve.AveragePrecision(), (double?)c.Binary.Average());
        }).ToArray();
        var figure = Figures.PrecisionRecall(curves);
        figure.Axes.Title = $"Precision–recall curves, each class against the rest ({truth.Count} rows)";
        return figure;
    }

    private static IEnumerable<(string Name, int[] Binary, double[] Score)> OneVsRest(IReadOnlyList<int> truth, Matrix<double> scores,
        IReadOnlyList<string> classNames, IReadOnlyList<int>? classes, string caller)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(classNames);
        if (scores.Rows != truth.Count || scores.Columns != classNames.Count)
            throw new ArgumentException(
                $"ModelFigures.{caller}: {truth.Count} labels, scores of {scores.Rows} × {scores.Columns} and {classNames.Count} class names; " +
                "give one score row per label and one column and name per class.");
        var result = new List<(string, int[], double[])>();
        foreach (int k in classes ?? Enumerable.Range(0, classNames.Count).ToArray())
        {
            if ((uint)k >= (uint)classNames.Count)
                throw new ArgumentException($"ModelFigures.{caller}: class {k} is not one of the {classNames.Count} classes.", nameof(classes));
            int[] binary = truth.Select(t => t == k ? 1 : 0).ToArray();
            int positives = binary.Sum();
            if (positives == 0 || positives == binary.Length)
                throw new ArgumentException(
                    $"ModelFigures.{caller}: {(positives == 0 ? "no" : "every")} row is of class '{classNames[k]}'; a curve needs rows of the class and of the rest.");
            result.Add(($"{classNames[k]} vs rest", binary, scores.Column(k).ToArray()));
        }
        return result;
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
