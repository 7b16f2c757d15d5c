using Descent.Data;
using Descent.Metrics;
using Descent.ModelSelection;
using Descent.NeuralNetworks;
using Descent.Plotting;
using Descent.Plotting.Models;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// A multi-layer perceptron (<see cref="MlpClassifier"/>, scikit-learn's MLPClassifier): its loss curve and curved
/// decision boundary on two moons, where a line fails; the learning rate chosen on a validation set, as the lecture
/// chooses it; and its accuracy on held-out digits.
/// </summary>
internal sealed class MlpChapter : TourChapter
{
    private static readonly double[] Rates = [1e-4, 1e-3, 1e-2, 1e-1, 1];

    public override string Key => "mlp";

    public override string Title => "A multi-layer perceptron: curved boundaries, and digits";

    public override void Run(ChapterWriter chapter)
    {
        chapter.Paragraph(
            "A multi-layer perceptron stacks layers of units: each hidden layer computes h = g(W·x + b) from the layer before, and " +
            "the output layer turns the last h into class probabilities (a softmax, or one sigmoid for two classes). Trained by " +
            "mini-batch gradient steps (Adam here) on the cross-entropy, with backpropagation giving every gradient, its hidden " +
            "layers learn features that make the classes separable, so its decision boundary can bend.");

        var moons = Generators.MakeMoons(300, noise: 0.2, seed: 5);
        var moonLabels = moons.RequireClassLabels();
        var mlp = new MlpClassifier { HiddenLayerSizes = [16, 16], LearningRate = 0.02, MaxIterations = 150, Seed = 0 }.Fit(moons.Features, moonLabels);
        var line = new Linear.LogisticRegression().Fit(moons.Features, moonLabels);
        double mlpAccuracy = Accuracy(mlp.PredictClassIndices(moons.Features), moonLabels);
        double lineAccuracy = Accuracy(line.PredictClassIndices(moons.Features), moonLabels);
        chapter.Figure("moons-boundary", ModelFigures.DecisionBoundary(mlp, moons.Features, moonLabels, "x₁", "x₂", ["0", "1"],
                "An MLP (16, 16 ReLU units) on two moons"),
            $"The {moons.Rows} points of two interleaved half-moons and the MLP's boundary, where P(1) = 0.5: it follows the moons. " +
            $"It classifies {Percent(mlpAccuracy)} of the points; logistic regression's straight line, {Percent(lineAccuracy)}.");
        chapter.Figure("moons-loss", Figures.LossCurve(mlp.History.Costs, logY: true, costLabel: "Mean cross-entropy + L2 term",
                iterationLabel: "Epoch", title: "The MLP's training loss in each epoch"),
            $"The loss of each epoch (the mean over its batches, as scikit-learn's loss_curve_): {mlp.Iterations} epochs, " +
            $"stopped {(mlp.StopReason == StopReason.NoImprovement ? "when it no longer improved by 1e-4 for 10 epochs" : "at the last epoch")}.");

        var digits = Datasets.Load("digits");
        var split = TrainTestSplit.Split(digits.Features, digits.RequireClassLabels(), 0.25, seed: 0, stratify: true);
        var scaler = new StandardScaler().Fit(split.XTrain);
        var xTrain = scaler.Transform(split.XTrain);
        var xTest = scaler.Transform(split.XTest);
        var tuning = TrainTestSplit.Split(xTrain, split.YTrain, 0.25, seed: 1, stratify: true);
        var validation = Rates.Select(rate =>
        {
            try
            {
                var model = Settings(rate).Fit(tuning.XTrain, tuning.YTrain);
                return (Train: 1 - Accuracy(model.PredictClassIndices(tuning.XTrain), tuning.YTrain),
                    Validation: 1 - Accuracy(model.PredictClassIndices(tuning.XTest), tuning.YTest));
            }
            catch (DivergenceException)
            {
                return (Train: double.NaN, Validation: double.NaN);   // too large a rate: the loss became NaN (left out of the plot)
            }
        }).ToArray();
        int best = Array.IndexOf(validation, validation.MinBy(v => v.Validation));
        chapter.Paragraph(
            $"The learning rate is chosen as the lecture chooses it: on {tuning.YTest.Count} of the {split.YTrain.Count} training digits held " +
            $"out as a validation set, an MLP of 32 hidden units is trained for 15 epochs with each rate η and scored. " +
            $"η = {Rates[best]:G} has the lowest validation error ({Percent(validation[best].Validation)}).");
        chapter.Figure("learning-rate", Figures.ValidationCurve(Rates, validation.Select(v => v.Train).ToArray(),
                validation.Select(v => v.Validation).ToArray(), "Learning rate η", logX: true, errorLabel: "Misclassification rate",
                title: "Choosing the MLP's learning rate on a validation set"),
            "Training and validation error after 15 epochs for each learning rate: too small and the network has barely moved; " +
            "too large and Adam's steps overshoot. The test digits take no part in the choice.");

        var final = Settings(Rates[best]).Fit(xTrain, split.YTrain);
        double testAccuracy = Accuracy(final.PredictClassIndices(xTest), split.YTest);
        chapter.Paragraph(
            $"Trained with η = {Rates[best]:G} on all {split.YTrain.Count} training digits, the MLP classifies {Percent(testAccuracy)} of " +
            $"the {split.YTest.Count} test digits it never saw.");
        chapter.Notice("the same estimator runs on the command line: descent fit mlp-classifier --data digits --target digit --standardize " +
            "--hidden 32 --out digits.json.");

        chapter.Metric("moons_accuracy", mlpAccuracy).Metric("moons_line_accuracy", lineAccuracy).Metric("moons_epochs", mlp.Iterations)
            .Metric("moons_loss", mlp.History.Costs).Metric("rates", Rates).Metric("validation_error", validation.Select(v => v.Validation).ToArray())
            .Metric("best_rate", Rates[best]).Metric("digits_test_accuracy", testAccuracy);
        chapter.SetSummary("MLPClassifier (32 ReLU units)", "digits", "test accuracy", Percent(testAccuracy));
    }

    private static MlpClassifier Settings(double rate) => new() { HiddenLayerSizes = [32], LearningRate = rate, MaxIterations = 15, Seed = 0 };

    private static double Accuracy(int[] predicted, ClassLabels truth) => ClassificationMetrics.Accuracy(truth.Indices, predicted);
}
