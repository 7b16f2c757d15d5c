using Descent.Plotting.Models;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Plotting;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Logistic regression on exam_scores as the course does it: no penalty, both raw exam scores, fitted to the optimum
/// θ ≈ (−25.1613, 0.206232, 0.201472), training accuracy 89%, P(admit | 45, 85) ≈ 0.776; the sigmoid and the
/// decision boundary drawn over the students.
/// </summary>
internal sealed class LogisticRegressionChapter : TourChapter
{
    private static readonly string[] ClassNames = ["not admitted", "admitted"];

    public override string Key => "logistic_regression";

    public override string Title => "Logistic regression: a boundary between two classes";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("exam_scores");
        ClassLabels admitted = data.RequireClassLabels();
        var model = new LogisticRegression { Penalty = LogisticPenalty.None, MaxIterations = 1000, Tolerance = 1e-8 }.Fit(data.Features, admitted);
        double b = model.Intercepts[0];
        var w = model.Coefficients;
        double w1 = w[0, 0], w2 = w[0, 1];
        int[] predicted = model.PredictClassIndices(data.Features);
        double accuracy = ClassificationMetrics.Accuracy(admitted.Indices, predicted);
        double student = model.PredictProbabilities(Matrix.FromRows([[45.0, 85.0]]))[0, 1];
        int correct = (int)Math.Round(accuracy * admitted.Count);

        chapter.Paragraph(
            "A university admitted some of 100 applicants and rejected others; each had two exam scores. Logistic regression " +
            "learns the probability of admission: it computes a score z = θ₀ + θ₁·exam1 + θ₂·exam2, as linear regression would, " +
            "and squeezes it through the sigmoid σ(z) = 1/(1 + e⁻ᶻ) into a number between 0 and 1. It is trained by minimizing " +
            "the cross-entropy, which punishes confident wrong answers hardest.");
        chapter.Figure("sigmoid", Sigmoid(model, data.Features, admitted.Indices),
            "Every applicant placed at their score z: admitted applicants (top) mostly have z > 0, where σ(z) > 0.5. The S-shaped " +
            "curve is the probability of admission the model gives.");
        chapter.Paragraph(
            $"The fitted θ = ({Fixed(b, 3)}, {Fixed(w1, 4)}, {Fixed(w2, 4)}), as in the course (-25.161, 0.2062, 0.2015). " +
            "Predicting \"admitted\" when the probability exceeds 0.5 means when z > 0: the boundary z = 0 is the straight line " +
            "θ₀ + θ₁·exam1 + θ₂·exam2 = 0 in the plane of the two scores. It separates the two groups well but not perfectly: " +
            $"{correct} of the 100 applicants are on the right side, a training accuracy of {Percent(accuracy)}. An applicant with " +
            $"scores 45 and 85 is admitted with probability {Fixed(student, 3)}.");
        chapter.Figure("decision-boundary", ModelFigures.DecisionBoundary(model, data.Features, admitted, "Exam 1 score", "Exam 2 score",
                ClassNames, "Logistic regression: probability of admission and decision boundary"),
            "The two exam scores of every applicant (blue circles not admitted, orange squares admitted), the model's probability " +
            "of admission as shading, and the decision boundary P = 0.5 (black line): everyone above it is predicted admitted.");
        chapter.Section.Metrics(
        [
            ("θ₀", b), ("θ₁ (exam 1)", w1), ("θ₂ (exam 2)", w2),
            ("training accuracy", accuracy), ("P(admitted | 45, 85)", student),
        ], "Unregularized logistic regression on exam_scores (100 applicants)", "0.######");

        chapter.Metric("dataset", "exam_scores").Metric("theta", [b, w1, w2]).Metric("train_accuracy", accuracy)
            .Metric("probability_45_85", student).Metric("iterations", model.Iterations);
        chapter.SetSummary("logistic regression", "exam_scores", "train accuracy", Fixed(accuracy, 2));
    }

    /// <summary>σ(z) over the range of the applicants' scores z, with each applicant at (z, 0 or 1).</summary>
    private static Figure Sigmoid(LogisticRegressionModel model, Matrix<double> x, IReadOnlyList<int> classes)
    {
        double[] z = model.DecisionFunction(x).Column(0).ToArray();
        double[] y = classes.Select(c => (double)c).ToArray();
        double limit = Math.Ceiling(z.Max(Math.Abs));
        var figure = new Figure(width: 680, height: 420);
        var axes = figure.Axes;
        axes.Title = "The sigmoid turns the score z into a probability";
        axes.XLabel = "Score z = θ₀ + θ₁·exam1 + θ₂·exam2";
        axes.YLabel = "P(admitted) = σ(z)";
        axes.YMin = -0.08;
        axes.YMax = 1.08;
        axes.Legend = LegendPosition.UpperLeft;
        axes.Line([-limit, limit], [0.5, 0.5], null, Palette.Grey).Style = LineStyle.Dotted;
        axes.Line([0.0, 0.0], [0.0, 1.0], null, Palette.Grey).Style = LineStyle.Dotted;
        axes.Function(v => 1 / (1 + Math.Exp(-v)), -limit, limit, "σ(z)", new Color(0, 0, 0)).Width = 2.4;
        axes.ScatterByClass(z, y, classes, ClassNames);
        return figure;
    }
}
