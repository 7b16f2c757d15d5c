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
/// more: ROC draws one curve per class (one-vs-rest), PR the class given by <c>--positive</c>.
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
            "Two classes: the positive class is the second in class order (or --positive); more classes need --positive.\n\nExamples:\n" +
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

    /// <summary>The classes to draw: the one named by --positive, the second of two, or (when <paramref name="all"/>) every class.</summary>
    private static int[] PositiveClasses(ParseResult parse, IReadOnlyList<Option> options, IClassificationModel model, string kind, bool all)
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
        if (model.Classes.Count == 2)
            return [1];
        if (all)
            return Enumerable.Range(0, model.Classes.Count).ToArray();
        throw new CliUsageException(
            $"plot {kind} on {model.Classes.Count} classes: choose the positive class with --positive LABEL (one of " +
            $"{string.Join(", ", model.Classes.Select(c => c.Text))}).");
    }

    private static int[] OneVsRest(int[] truth, int positive)
    {
        var binary = new int[truth.Length];
        for (int i = 0; i < truth.Length; i++)
            binary[i] = truth[i] == positive ? 1 : 0;
        if (binary.All(b => b == 1) || binary.All(b => b == 0))
            throw new CliUsageException(
                $"the data holds {(binary[0] == 1 ? "only" : "no")} rows of the positive class; a ROC or PR curve needs both positives and negatives.");
        return binary;
    }

    private static Figure Roc(ParseResult parse, IReadOnlyList<Option> options)
    {
        var (inputs, model, truth, scores) = Evaluate(parse, options, "roc");
        return Roc(inputs, model, truth, scores, PositiveClasses(parse, options, model, "roc", all: true));
    }

    /// <summary>ROC curves of the classes <paramref name="positives"/> (each against the rest), AUC in the legend.</summary>
    public static Figure Roc(ModelInputs inputs, IClassificationModel model, int[] truth, Matrix<double> scores, int[] positives)
    {
        var curves = positives.Select(k =>
        {
            int[] binary = OneVsRest(truth, k);
            double[] score = scores.Column(k).ToArray();
            var curve = RankingMetrics.RocCurve(binary, score);
            string name = positives.Length == 1 && model.Classes.Count == 2 ? inputs.Kind : $"{model.Classes[k].Text} vs rest";
            return (name, (IReadOnlyList<double>)curve.FalsePositiveRates, (IReadOnlyList<double>)curve.TruePositiveRates,
                (double?)RankingMetrics.RocAuc(binary, score));
        }).ToArray();
        var figure = Plotting.Figures.Roc(curves);
        figure.Axes.Title = $"ROC curve on {truth.Length} rows" + (positives.Length == 1 ? $" (positive: {model.Classes[positives[0]].Text})" : "");
        return figure;
    }

    private static Figure PrecisionRecall(ParseResult parse, IReadOnlyList<Option> options)
    {
        var (inputs, model, truth, scores) = Evaluate(parse, options, "pr");
        return PrecisionRecall(inputs, model, truth, scores, PositiveClasses(parse, options, model, "pr", all: false)[0]);
    }

    /// <summary>The precision-recall curve of class <paramref name="positive"/> against the rest, average precision in the legend.</summary>
    public static Figure PrecisionRecall(ModelInputs inputs, IClassificationModel model, int[] truth, Matrix<double> scores, int positive)
    {
        int[] binary = OneVsRest(truth, positive);
        double[] score = scores.Column(positive).ToArray();
        var figure = ModelFigures.PrecisionRecall(RankingMetrics.PrecisionRecallCurve(binary, score), binary.Average(), inputs.Kind);
        figure.Axes.Title = $"Precision-recall curve on {truth.Length} rows (positive: {model.Classes[positive].Text})";
        return figure;
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
