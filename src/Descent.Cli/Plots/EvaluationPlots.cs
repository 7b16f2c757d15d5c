using System.CommandLine;
using Descent.Cli.Commands;
using Descent.Plotting.Models;
using Descent.Cli.Infrastructure;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Plotting;

namespace Descent.Cli.Plots;

/// <summary>
/// A classifier judged on labelled <c>--data</c>: its ROC curve (AUC in the legend), precision-recall curve (average
/// precision in the legend) and confusion matrix. Two classes: the positive class is the second in class order;
/// more: one curve per class against the rest (one-vs-rest), or only the class given by <c>--positive</c>.
/// </summary>
internal static class EvaluationPlots
{
    public static IReadOnlyList<PlotKind> Kinds { get; } =
    [
        new("roc",
            "The ROC curve of a classifier on --data (true-positive against false-positive rate over every threshold) with its " +
            "AUC in the legend. Two classes: the positive class is the second in class order (or --positive); more classes: one " +
            "curve per class against the rest, or only --positive.\n\nExamples:\n" +
            "  descent fit logistic --data breast_cancer --target malignant --standardize --out cancer.json\n" +
            "  descent plot roc --model cancer.json --data breast_cancer --out roc.svg",
            WithPositive, (p, o) => Roc(p, o)),
        new("pr",
            "The precision-recall curve of a classifier on --data with its average precision in the legend and the chance level. " +
            "Two classes: the positive class is the second in class order (or --positive); more classes: one curve per class against " +
            "the rest, each with its chance level, or only --positive.\n\nExamples:\n" +
            "  descent plot pr --model cancer.json --data breast_cancer --out pr.svg\n" +
            "  descent plot pr --model iris.json --data iris --positive 2 --out pr.svg",
            WithPositive, (p, o) => PrecisionRecall(p, o)),
        new("confusion-matrix",
            "The confusion matrix of a classifier on --data (rows = true class, columns = predicted) as annotated counts; " +
            "--normalize shades each row by its fraction.\n\nExamples:\n" +
            "  descent plot confusion-matrix --model iris.json --data iris --out confusion.svg",
            () => [.. ModelPlots.WithData(), new Option<bool>("--normalize") { Description = "Shade by the fraction of each true class." }],
            (p, o) => Confusion(p, o)),
    ];

    private static IReadOnlyList<Option> WithPositive() =>
    [
        .. ModelPlots.WithData(),
        new Option<string?>("--positive") { Description = "The class label to treat as positive (as written in the data).", HelpName = "LABEL" },
    ];

    private static (ModelInputs Inputs, IClassificationModel Model, int[] Truth, Matrix<double> Scores) Evaluate(ParseResult parse,
        IReadOnlyList<Option> options, string kind)
    {
        var inputs = ModelInputs.Load(parse, options, kind, "the labelled rows to evaluate the model on");
        var classifier = inputs.RequireClassifier(kind);
        return (inputs, classifier, inputs.ClassIndices(), ModelFigures.ClassScores(classifier, inputs.Prepared!));
    }

    /// <summary>The classes to draw: the one named by --positive, the second of two, or every class.</summary>
    private static int[] PositiveClasses(ParseResult parse, IReadOnlyList<Option> options, IClassificationModel model)
    {
        string? positive = parse.GetValue((Option<string?>)options[3]);
        if (positive is not null)
        {
            int index = ClassLabels.IndexOf(model.Classes, new Label(positive));
            if (index < 0)
                throw new CliUsageException(
                    $"--positive '{positive}' is not a class of the model; its classes are {string.Join(", ", model.Classes.Select(c => c.Text))}.");
            return [index];
        }
        return model.Classes.Count == 2 ? [1] : Enumerable.Range(0, model.Classes.Count).ToArray();
    }

    /// <summary>An error naming the class when the rows hold only, or no, rows of a class to draw.</summary>
    private static void CheckBothSides(int[] truth, IClassificationModel model, IReadOnlyList<int> positives)
    {
        foreach (int k in positives)
        {
            int count = truth.Count(t => t == k);
            if (count == 0 || count == truth.Length)
                throw new CliUsageException(
                    $"the data holds {(count == 0 ? "no" : "only")} rows of class '{model.Classes[k].Text}'; a ROC or PR curve needs rows of the class and of the rest.");
        }
    }

    private static Figure Roc(ParseResult parse, IReadOnlyList<Option> options)
    {
        var (inputs, model, truth, scores) = Evaluate(parse, options, "roc");
        return Roc(inputs, model, truth, scores, PositiveClasses(parse, options, model));
    }

    /// <summary>ROC curves of the classes <paramref name="positives"/> (each against the rest), AUC in the legend.</summary>
    public static Figure Roc(ModelInputs inputs, IClassificationModel model, int[] truth, Matrix<double> scores, int[] positives)
    {
        CheckBothSides(truth, model, positives);
        if (positives.Length == 1)
        {
            int k = positives[0];
            int[] binary = truth.Select(t => t == k ? 1 : 0).ToArray();
            var figure = ModelFigures.Roc(RankingMetrics.RocCurve(binary, scores.Column(k).ToArray()),
                model.Classes.Count == 2 ? inputs.Kind : $"{model.Classes[k].Text} vs rest");
            figure.Axes.Title = $"ROC curve on {truth.Length} rows (positive: {model.Classes[k].Text})";
            return figure;
        }
        return ModelFigures.RocOneVsRest(truth, scores, model.Classes.Select(c => c.Text).ToArray(), positives);
    }

    private static Figure PrecisionRecall(ParseResult parse, IReadOnlyList<Option> options)
    {
        var (inputs, model, truth, scores) = Evaluate(parse, options, "pr");
        return PrecisionRecall(inputs, model, truth, scores, PositiveClasses(parse, options, model));
    }

    /// <summary>The precision-recall curves of the classes <paramref name="positives"/> (each against the rest), average precision in the legend.</summary>
    public static Figure PrecisionRecall(ModelInputs inputs, IClassificationModel model, int[] truth, Matrix<double> scores, int[] positives)
    {
        CheckBothSides(truth, model, positives);
        if (positives.Length == 1)
        {
            int k = positives[0];
            int[] binary = truth.Select(t => t == k ? 1 : 0).ToArray();
            var figure = ModelFigures.PrecisionRecall(RankingMetrics.PrecisionRecallCurve(binary, scores.Column(k).ToArray()), binary.Average(),
                model.Classes.Count == 2 ? inputs.Kind : $"{model.Classes[k].Text} vs rest");
            figure.Axes.Title = $"Precision-recall curve on {truth.Length} rows (positive: {model.Classes[k].Text})";
            return figure;
        }
        return ModelFigures.PrecisionRecallOneVsRest(truth, scores, model.Classes.Select(c => c.Text).ToArray(), positives);
    }

    private static Figure Confusion(ParseResult parse, IReadOnlyList<Option> options)
    {
        var inputs = ModelInputs.Load(parse, options, "confusion-matrix", "the labelled rows to evaluate the model on");
        return Confusion(inputs, parse.GetValue((Option<bool>)options[3]));
    }

    /// <summary>The confusion matrix of the classifier on the data, rows = true class.</summary>
    public static Figure Confusion(ModelInputs inputs, bool normalize)
    {
        var classifier = inputs.RequireClassifier("confusion-matrix");
        int[] truth = inputs.ClassIndices();
        int[] predicted = classifier.PredictClassIndices(inputs.Prepared!);
        var confusion = ClassificationMetrics.ConfusionMatrix(truth, predicted, Enumerable.Range(0, classifier.Classes.Count).ToArray());
        return ModelFigures.ConfusionMatrix(confusion, classifier.Classes.Select(c => c.Text).ToArray(), normalize,
            $"Confusion matrix of {inputs.Kind} on {truth.Length} rows");
    }
}
