using Descent.Plotting.Models;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.ModelSelection;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Judging a classifier on breast_cancer: standardized logistic regression on a stratified 75/25 split, its
/// confusion matrix, accuracy, precision, recall and F1 for the malignant class, the ROC curve with its AUC and the
/// precision-recall curve with its average precision; then iris, three classes, by its two sepal measurements, where each
/// class gets its own ROC and precision-recall curve against the other two (one-vs-rest) and the macro-averaged AUC.
/// </summary>
internal sealed class MetricsChapter : TourChapter
{
    private static readonly string[] ClassNames = ["benign", "malignant"];
    private static readonly string[] IrisNames = ["setosa", "versicolor", "virginica"];
    public const long SplitSeed = 0;

    public override string Key => "metrics";

    public override string Title => "Measuring a classifier: confusion matrix, ROC and precision-recall";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("breast_cancer");
        var split = TrainTestSplit.Split(data.Features, data.RequireClassLabels(), testSize: 0.25, seed: SplitSeed);
        var model = new Pipeline(new StandardScaler()).Then(new LogisticRegression()).Fit(split.XTrain, split.YTrain);
        int[] truth = split.YTest.Indices.ToArray();
        int[] predicted = model.PredictClassIndices(split.XTest);
        double[] score = model.PredictProbabilities(split.XTest).Column(1).ToArray();

        var confusion = ClassificationMetrics.ConfusionMatrix(truth, predicted, [0, 1]);
        double accuracy = ClassificationMetrics.Accuracy(truth, predicted);
        double precision = ClassificationMetrics.Precision(truth, predicted);
        double recall = ClassificationMetrics.Recall(truth, predicted);
        double f1 = ClassificationMetrics.F1(truth, predicted);
        var roc = RankingMetrics.RocCurve(truth, score);
        double auc = RankingMetrics.RocAuc(truth, score);
        var pr = RankingMetrics.PrecisionRecallCurve(truth, score);
        double ap = RankingMetrics.AveragePrecision(truth, score);
        double positives = truth.Count(t => t == 1);
        int tn = (int)confusion[0, 0], fp = (int)confusion[0, 1], fn = (int)confusion[1, 0], tp = (int)confusion[1, 1];

        chapter.Paragraph(
            $"The breast-cancer data describe cell nuclei in {data.Rows} biopsies by 30 measurements; {Count(data.RequireClassLabels().Indices.Count(c => c == 1))} " +
            "tumours were malignant. A logistic regression on standardized features (default penalty, C = 1) was trained on " +
            $"{split.YTrain.Count} biopsies and is judged here on the {split.YTest.Count} it never saw. Accuracy alone " +
            $"({Percent(accuracy)}) hides which mistakes it makes, and in medicine a missed cancer is far worse than a false alarm.");
        chapter.Figure("confusion-matrix", ModelFigures.ConfusionMatrix(confusion, ClassNames,
                title: $"Confusion matrix on {split.YTest.Count} test biopsies"),
            $"Rows are the truth, columns the prediction: {tn} benign and {tp} malignant tumours were classified correctly; " +
            $"{fp} benign {(fp == 1 ? "tumour was" : "tumours were")} flagged as malignant (false positives) and {fn} malignant " +
            $"{(fn == 1 ? "one was" : "ones were")} missed (false negatives).");
        chapter.Paragraph(
            $"Precision = TP / (TP + FP) = {Fixed(precision, 3)}: of the tumours called malignant, this fraction were. Recall = " +
            $"TP / (TP + FN) = {Fixed(recall, 3)}: of the malignant tumours, this fraction were found. F1 = {Fixed(f1, 3)} is their " +
            "harmonic mean. Both depend on the threshold 0.5 on the predicted probability: a lower threshold finds more cancers " +
            "and raises more false alarms.");
        chapter.Figure("roc", ModelFigures.Roc(roc, "logistic regression"),
            "The ROC curve moves the threshold from 1 down to 0 and plots the true-positive rate (recall) against the " +
            $"false-positive rate. A perfect classifier hugs the top-left corner; guessing follows the diagonal. The area under the curve is {Fixed(auc, 4)}.");
        chapter.Figure("precision-recall", ModelFigures.PrecisionRecall(pr, positives / truth.Length, "logistic regression"),
            "The precision-recall curve over the same thresholds: precision stays high until nearly every malignant tumour is " +
            $"found. Its summary, the average precision, is {Fixed(ap, 4)}; a random guess would score the share of malignant " +
            $"tumours, {Fixed(positives / truth.Length, 3)}.");
        chapter.Section.Metrics(
        [
            ("accuracy", accuracy), ("precision (malignant)", precision), ("recall (malignant)", recall), ("F1 (malignant)", f1),
            ("ROC AUC", auc), ("average precision", ap),
        ], $"Logistic regression on {split.YTest.Count} test biopsies", "0.0000");

        Iris(chapter);

        chapter.Metric("dataset", "breast_cancer").Metric("train_rows", split.YTrain.Count).Metric("test_rows", split.YTest.Count)
            .Metric("confusion_matrix", [tn, fp, fn, tp]).Metric("accuracy", accuracy).Metric("precision", precision)
            .Metric("recall", recall).Metric("f1", f1).Metric("roc_auc", auc).Metric("average_precision", ap);
        chapter.SetSummary("logistic regression", "breast_cancer", "test ROC AUC", Fixed(auc, 4));
    }

    /// <summary>Three classes: the one-vs-rest ROC and precision-recall curves of a logistic regression on iris's sepals.</summary>
    private static void Iris(ChapterWriter chapter)
    {
        Dataset iris = Datasets.Load("iris", new CsvReadOptions { Features = ["sepal_length_cm", "sepal_width_cm"] });
        var split = TrainTestSplit.Split(iris.Features, iris.RequireClassLabels(), testSize: 0.25, seed: SplitSeed);
        // <code one-vs-rest>
        var model = new Pipeline(new StandardScaler()).Then(new LogisticRegression()).Fit(split.XTrain, split.YTrain);
        var probabilities = model.PredictProbabilities(split.XTest);             // one column per species
        int[] truth = split.YTest.Indices.ToArray();
        double[] auc = [.. Enumerable.Range(0, 3).Select(k => RankingMetrics.RocAuc(truth.Select(t => t == k ? 1 : 0).ToArray(), probabilities.Column(k).ToArray()))];
        double macroAuc = RankingMetrics.RocAuc(truth, probabilities, Average.Macro);
        // </code>
        double[] ap = [.. Enumerable.Range(0, 3).Select(k => RankingMetrics.AveragePrecision(truth.Select(t => t == k ? 1 : 0).ToArray(), probabilities.Column(k).ToArray()))];
        double accuracy = ClassificationMetrics.Accuracy(truth, model.PredictClassIndices(split.XTest));

        chapter.Paragraph(
            "With more than two classes there is no single positive class, so each class in turn is taken as positive and the " +
            "others together as negative (one-vs-rest): one ROC and one precision-recall curve per class, each ranking the rows by " +
            $"the predicted probability of its class. On iris by its two sepal measurements only (the petals would make every curve " +
            $"perfect), a logistic regression trained on {split.YTrain.Count} flowers classifies {Percent(accuracy)} of the " +
            $"{split.YTest.Count} test flowers correctly:");
        chapter.Code("one-vs-rest");
        chapter.Figure("iris-roc", ModelFigures.RocOneVsRest(truth, probabilities, IrisNames),
            $"The ROC curve of each species against the other two on the {split.YTest.Count} test flowers. Setosa is told apart " +
            $"almost perfectly (AUC {Fixed(auc[0], 3)}); versicolor and virginica, whose sepals overlap, much less well " +
            $"({Fixed(auc[1], 3)} and {Fixed(auc[2], 3)}). Their mean, the macro-averaged AUC, is {Fixed(macroAuc, 3)}.");
        chapter.Figure("iris-precision-recall", ModelFigures.PrecisionRecallOneVsRest(truth, probabilities, IrisNames),
            "The precision-recall curve of each species against the rest, with its average precision; a random ranking would sit " +
            "at the dashed line, the species' share of the test flowers.");
        chapter.Notice(
            "the averaged number hides the story the per-class curves tell: the model is nearly perfect on one class and " +
            "unsure between the other two. With several classes, read the curve of each class (and the confusion matrix) before the average.");
        chapter.Section.Table(["species", "ROC AUC", "average precision"],
            Enumerable.Range(0, 3).Select(k => (IReadOnlyList<string>)[IrisNames[k], Fixed(auc[k], 4), Fixed(ap[k], 4)]),
            $"One-vs-rest scores on {split.YTest.Count} test flowers (macro-averaged ROC AUC {Fixed(macroAuc, 4)})");
        chapter.Metric("iris_test_rows", split.YTest.Count).Metric("iris_accuracy", accuracy).Metric("iris_roc_auc", auc)
            .Metric("iris_average_precision", ap).Metric("iris_macro_roc_auc", macroAuc);
    }
}
