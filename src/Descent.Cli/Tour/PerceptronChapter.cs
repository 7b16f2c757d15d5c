using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.ModelSelection;
using Descent.Numerics;
using Descent.Plotting;
using Descent.Plotting.Models;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Rosenblatt's perceptron on iris, as part one of the blog series: its update rule; setosa against versicolor by the
/// lengths of sepals and petals, which a line separates, where it ends with no mistake; versicolor against virginica, which
/// overlap, where it never settles and keeps some flowers on the wrong side.
/// </summary>
internal sealed class PerceptronChapter : TourChapter
{
    public const int Epochs = 100;

    public override string Key => "perceptron";

    public override string Title => "The perceptron: a line between two classes, and where it fails";

    public override void Run(ChapterWriter chapter)
    {
        Dataset iris = Datasets.Load("iris");
        string[] lengths = ["sepal_length_cm", "petal_length_cm"];
        var (setosaVersicolor, setosaOrVersicolor) = TwoSpecies(iris, 0, 1, lengths);
        var (versicolorVirginica, versicolorOrVirginica) = TwoSpecies(iris, 1, 2, lengths);

        chapter.Paragraph(
            "The perceptron is the oldest learning machine (Rosenblatt, 1958), a single artificial neuron. It computes " +
            "a score z = w·x + b and predicts one class when z > 0 and the other when z ≤ 0, so its boundary is the straight line " +
            "w·x + b = 0. It learns one example at a time: when an example with target t = ±1 is on the wrong side, it moves the " +
            "line towards it; when the example is right, it does nothing.");
        chapter.Formula("if t·(w·x + b) ≤ 0:   w ← w + η·t·x,   b ← b + η·t");

        // <code perceptron>
        var separable = new Perceptron { MaxIterations = 100, Tolerance = null, Seed = 0 }.Fit(setosaVersicolor, setosaOrVersicolor);
        var overlapping = new Perceptron { MaxIterations = 100, Tolerance = null, Seed = 0 }.Fit(versicolorVirginica, versicolorOrVirginica);
        int separableMistakes = Mistakes(separable, setosaVersicolor, setosaOrVersicolor);
        int overlappingMistakes = Mistakes(overlapping, versicolorVirginica, versicolorOrVirginica);
        // </code>
        chapter.Paragraph(
            $"Two problems from Fisher's iris flowers, {setosaOrVersicolor.Count} flowers each, measured by their sepal and petal " +
            $"lengths: setosa against versicolor, and versicolor against virginica; {Epochs} passes (epochs) over the flowers " +
            "in a shuffled order, η = 1, as scikit-learn's Perceptron:");
        chapter.Code("perceptron");
        chapter.Figure("separable", ModelFigures.DecisionBoundary(separable, setosaVersicolor, setosaOrVersicolor, "Sepal length (cm)", "Petal length (cm)",
                ["setosa", "versicolor"], "Setosa against versicolor: a line separates them"),
            $"The {setosaOrVersicolor.Count} flowers by sepal and petal length and the perceptron's line w·x + b = 0 after training, " +
            $"each side tinted by the class it predicts. {Count(separableMistakes)} flowers are on the wrong side.");
        chapter.Notice(
            "when a line can separate the classes, the perceptron is guaranteed to find one (the perceptron convergence theorem): " +
            "after a few epochs no example is misclassified and the updates stop. Which line it finds depends on the order of the " +
            "examples; it is not the best line, only one that works.");
        chapter.Figure("not-separable", ModelFigures.DecisionBoundary(overlapping, versicolorVirginica, versicolorOrVirginica, "Sepal length (cm)", "Petal length (cm)",
                ["versicolor", "virginica"], "Versicolor against virginica: no line separates them"),
            $"The same for versicolor and virginica: the two species overlap, and after {Epochs} epochs " +
            $"{Count(overlappingMistakes)} flowers (ringed) are still on the wrong side of the perceptron's line.");
        var losses = new List<(string, IReadOnlyList<double>, bool)>
        {
            ("setosa / versicolor (separable)", separable.History.Costs, false),
            ("versicolor / virginica (overlapping)", overlapping.History.Costs, false),
        };
        chapter.Figure("perceptron-loss", Figures.LossCurves(losses, title: "The perceptron's loss in each epoch",
                costLabel: "Mean loss max(0, −t·z)", iterationLabel: "Epoch"),
            "The perceptron's loss, the mean of max(0, −t·z) over the flowers, in each epoch: it reaches 0 and stays there when " +
            "the classes are separable; when they overlap it never does, and the line keeps jumping from epoch to epoch.");
        chapter.Notice(
            "this is where the perceptron fails: when no line separates the classes, every misclassified flower pulls the line " +
            "its way, the updates never stop, and the line it ends with depends on where the last epoch left it. Logistic " +
            "regression, next, replaces the hard step by the smooth sigmoid and minimises a cost that has a best answer even then.");

        chapter.Metric("dataset", "iris").Metric("epochs", Epochs)
            .Metric("separable_mistakes", separableMistakes).Metric("overlapping_mistakes", overlappingMistakes)
            .Metric("separable_rows", setosaOrVersicolor.Count).Metric("overlapping_rows", versicolorOrVirginica.Count)
            .Metric("separable_loss", separable.History.Costs).Metric("overlapping_loss", overlapping.History.Costs)
            .Metric("separable_weights", [separable.Coefficients[0, 0], separable.Coefficients[0, 1], separable.Intercepts[0]]);
        chapter.SetSummary("perceptron", "iris (2 species)", "training mistakes", $"{Count(separableMistakes)} / {Count(overlappingMistakes)}");
    }

    /// <summary>How many rows the perceptron puts on the wrong side.</summary>
    public static int Mistakes(PerceptronModel model, Matrix<double> x, ClassLabels y)
    {
        int[] predicted = model.PredictClassIndices(x);
        return predicted.Where((p, i) => p != y.Indices[i]).Count();
    }

    /// <summary>The flowers of two species (by index), two of their measurements, labelled by species name.</summary>
    private static (Matrix<double> X, ClassLabels Y) TwoSpecies(Dataset iris, int first, int second, string[] features)
    {
        var labels = iris.RequireClassLabels();
        int[] rows = Enumerable.Range(0, labels.Count).Where(i => labels.Indices[i] == first || labels.Indices[i] == second).ToArray();
        var x = Rows.Take(iris.SelectFeatures(features).Features, rows);
        return (x, ClassLabels.FromText(rows.Select(i => SoftmaxChapter.Species[labels.Indices[i]]).ToArray()));
    }
}
