using Descent.Plotting.Models;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.ModelSelection;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Softmax (multinomial logistic) regression on iris from the two petal measurements: stratified 75/25 split,
/// test accuracy, and the three decision regions.
/// </summary>
internal sealed class SoftmaxChapter : TourChapter
{
    public static readonly string[] Species = ["setosa", "versicolor", "virginica"];
    private static readonly string[] Features = ["petal_length_cm", "petal_width_cm"];
    public const long SplitSeed = 0;

    public override string Key => "softmax_regression";

    public override string Title => "Softmax regression: more than two classes";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("iris").SelectFeatures(Features);
        var split = TrainTestSplit.Split(data.Features, data.RequireClassLabels(), testSize: 0.25, seed: SplitSeed);
        var model = new SoftmaxRegression().Fit(split.XTrain, split.YTrain);
        double trainAccuracy = ClassificationMetrics.Accuracy(split.YTrain.Indices, model.PredictClassIndices(split.XTrain));
        int[] predicted = model.PredictClassIndices(split.XTest);
        double testAccuracy = ClassificationMetrics.Accuracy(split.YTest.Indices, predicted);
        int wrong = split.YTest.Indices.Where((c, i) => c != predicted[i]).Count();

        chapter.Paragraph(
            "Fisher's iris flowers belong to three species. Softmax regression extends logistic regression to K classes: it " +
            "computes one score zₖ = θₖ·x per class and turns the scores into probabilities that sum to 1 with the softmax " +
            "eᶻᵏ / Σⱼ eᶻʲ; the class with the highest probability wins. Between each pair of classes the boundary is still a " +
            "straight line, so the plane is cut into three regions.");
        chapter.Figure("decision-regions", ModelFigures.DecisionBoundary(model, split.XTrain, split.YTrain, "Petal length (cm)",
                "Petal width (cm)", Species, "Softmax regression on iris: decision regions"),
            $"The {split.YTrain.Count} training flowers by petal length and width, one colour and marker per species, and the region " +
            "where the model predicts each species (shaded) with the boundaries between them (black lines).");
        chapter.Paragraph(
            $"Trained on {split.YTrain.Count} flowers (scikit-learn's default penalty, C = 1), the model classifies " +
            $"{Percent(trainAccuracy)} of them correctly, and {Percent(testAccuracy)} of the {split.YTest.Count} flowers held out " +
            $"for testing ({wrong} {(wrong == 1 ? "mistake" : "mistakes")}). Setosa is far from the others; the mistakes are " +
            "between versicolor and virginica, whose petals overlap.");

        chapter.Metric("dataset", "iris").Metric("features", Features).Metric("train_rows", split.YTrain.Count)
            .Metric("test_rows", split.YTest.Count).Metric("train_accuracy", trainAccuracy).Metric("test_accuracy", testAccuracy);
        chapter.SetSummary("softmax regression", "iris (petals)", "test accuracy", Fixed(testAccuracy, 3));
    }
}
