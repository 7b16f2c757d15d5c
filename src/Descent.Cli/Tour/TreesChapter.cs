using Descent.Plotting.Models;
using Descent.Data;
using Descent.Metrics;
using Descent.ModelSelection;
using Descent.Plotting;
using Descent.Trees;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// A decision tree (drawn) and a random forest on wine: stratified 75/25 split, test accuracy of a shallow tree,
/// a fully grown tree and a forest of 100 trees, and the forest's feature importances.
/// </summary>
internal sealed class TreesChapter : TourChapter
{
    public const int ShallowDepth = 3, ForestSize = 100;
    public const long Seed = 0;
    private static readonly string[] Cultivars = ["cultivar 0", "cultivar 1", "cultivar 2"];

    public override string Key => "trees";

    public override string Title => "Decision trees and random forests";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("wine");
        var split = TrainTestSplit.Split(data.Features, data.RequireClassLabels(), testSize: 0.25, seed: Seed);
        var shallow = new DecisionTreeClassifier { MaxDepth = ShallowDepth, Seed = Seed }.Fit(split.XTrain, split.YTrain);
        var full = new DecisionTreeClassifier { Seed = Seed }.Fit(split.XTrain, split.YTrain);
        var forest = new RandomForestClassifier { TreeCount = ForestSize, Seed = Seed }.Fit(split.XTrain, split.YTrain);
        double Accuracy(IClassificationModel model, Numerics.Matrix<double> x, ClassLabels y) =>
            ClassificationMetrics.Accuracy(y.Indices, model.PredictClassIndices(x));
        double shallowTest = Accuracy(shallow, split.XTest, split.YTest), fullTest = Accuracy(full, split.XTest, split.YTest);
        double forestTest = Accuracy(forest, split.XTest, split.YTest);
        double fullTrain = Accuracy(full, split.XTrain, split.YTrain);
        string rootQuestion = ModelFigures.DiagramNodes(shallow.Tree, data.FeatureNames, Cultivars, shallow.Criterion)[0].Split!;

        chapter.Paragraph(
            $"The wine data describe {data.Rows} wines from three grape cultivars by 13 chemical measurements. A decision tree " +
            "classifies by asking one yes/no question after another: at each node it picks the feature and threshold that best " +
            "separate the classes, measured by how much the Gini impurity 1 − Σ pₖ² (0 for a node of one class) falls. A new " +
            "wine goes left when the answer is true, right when it is false, until it reaches a leaf, whose majority class is the prediction.");
        chapter.Figure("decision-tree", ModelFigures.TreeDiagram(shallow, data.FeatureNames, Cultivars, maxDepth: ShallowDepth,
                title: $"Decision tree of depth {ShallowDepth} on wine ({split.YTrain.Count} training wines)"),
            $"The tree of depth {ShallowDepth} learned from {split.YTrain.Count} wines. Each box shows its question, its Gini impurity, " +
            "how many training wines reached it, how many of each cultivar (value) and the majority cultivar; the colour is that " +
            $"of the majority, stronger the purer the box. The first question is \"{rootQuestion}\".");
        chapter.Paragraph(
            $"This small tree classifies {Percent(shallowTest)} of the {split.YTest.Count} test wines correctly. A tree grown until " +
            $"every leaf is pure (depth {full.Depth}, {full.LeafCount} leaves) is right on {Percent(fullTrain)} of its training wines but " +
            $"only {Percent(fullTest)} of the test wines: it learned the noise of its sample. A random forest averages {ForestSize} " +
            "such trees, each grown on a bootstrap sample of the training wines and choosing among a random subset of features at " +
            $"every split; their errors partly cancel, and the forest reaches {Percent(forestTest)}.");
        var importances = forest.FeatureImportances.ToArray();
        chapter.Figure("feature-importances", ModelFigures.FeatureImportances(importances, data.FeatureNames,
                title: $"Random forest feature importances ({ForestSize} trees)"),
            "How much each feature reduced impurity across the forest's splits (mean decrease in impurity, normalized to sum to 1).");
        chapter.Section.Table(["model", "training accuracy", "test accuracy"],
        [
            [$"decision tree, depth {ShallowDepth}", Fixed(Accuracy(shallow, split.XTrain, split.YTrain), 3), Fixed(shallowTest, 3)],
            [$"decision tree, fully grown (depth {full.Depth})", Fixed(fullTrain, 3), Fixed(fullTest, 3)],
            [$"random forest, {ForestSize} trees", Fixed(Accuracy(forest, split.XTrain, split.YTrain), 3), Fixed(forestTest, 3)],
        ], $"Accuracy on {split.YTrain.Count} training and {split.YTest.Count} test wines");

        chapter.Metric("dataset", "wine").Metric("train_rows", split.YTrain.Count).Metric("test_rows", split.YTest.Count)
            .Metric("tree_depth3_test_accuracy", shallowTest).Metric("tree_full_depth", full.Depth)
            .Metric("tree_full_train_accuracy", fullTrain).Metric("tree_full_test_accuracy", fullTest)
            .Metric("forest_test_accuracy", forestTest).Metric("tree_depth3_nodes", shallow.Tree.NodeCount)
            .Metric("feature_names", data.FeatureNames).Metric("forest_feature_importances", importances);
        chapter.SetSummary("decision tree / random forest", "wine", "test accuracy", $"{Fixed(shallowTest, 3)} / {Fixed(forestTest, 3)}");
    }
}
