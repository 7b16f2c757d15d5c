using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Plotting;
using Descent.Plotting.Models;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Logistic regression on exam_scores as the exam-scores post does it: the model and its cost (the two curves
/// −log ŷ and −log(1 − ŷ)); standardized scores trained by batch gradient descent from θ = 0 for a number of epochs,
/// with the loss curve, reaching the course's optimum θ ≈ (−25.1613, 0.206232, 0.201472) (training accuracy 89%,
/// P(admit | 45, 85) ≈ 0.776); the sigmoid, the probability contour and boundary; sigmoid saturation on raw scores.
/// </summary>
internal sealed class LogisticRegressionChapter : TourChapter
{
    public const int Epochs = 400;
    private static readonly string[] ClassNames = ["not admitted", "admitted"];

    public override string Key => "logistic_regression";

    public override string Title => "Logistic regression: the probability of a class, trained by gradient descent";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("exam_scores");
        Matrix<double> scores = data.Features;   // exam1, exam2
        ClassLabels admitted = data.RequireClassLabels();

        chapter.Paragraph(
            "A university admitted some of 100 applicants and rejected others; each had two exam scores. Logistic regression " +
            "learns the probability of admission: it computes a score z = θ₀ + θ₁·exam1 + θ₂·exam2, as linear regression would, " +
            "and squeezes it through the sigmoid into a number between 0 and 1. Its cost is the cross-entropy, and its gradient " +
            "has the same form as linear regression's:");
        chapter.Formula("ŷ = σ(z) = 1 / (1 + e⁻ᶻ)        J(θ) = −1/m · Σᵢ [ yᵢ·log ŷᵢ + (1 − yᵢ)·log(1 − ŷᵢ) ]        ∇J = 1/m · Xᵀ(ŷ − y)");
        chapter.Figure("cost-curves", Figures.LogLoss(),
            "The cost of one applicant against the predicted probability of admission: −log ŷ when admitted (orange), " +
            "−log(1 − ŷ) when not (blue, dashed).");
        chapter.Notice(
            "a confident right answer costs almost nothing, a hesitant one (ŷ near 0.5) costs log 2 = 0.69, and a confident " +
            "wrong answer costs without bound: the cross-entropy punishes confident mistakes hardest, and (unlike the squared " +
            "error through a sigmoid) it is convex in θ, with one minimum.");

        // <code gradient-descent>
        var scaler = new StandardScaler().Fit(scores);   // exam scores in the tens: standardize first
        var gd = new LogisticRegression
        {
            Penalty = LogisticPenalty.None,
            Solver = LogisticSolver.GradientDescent,   // θ ← θ − η · 1/m · Xᵀ(σ(Xθ) − y), from θ = 0
            LearningRate = 1.0,
            MaxIterations = 400,                       // epochs: every step sees all 100 applicants
            Tolerance = 0,                             // run them all
        }.Fit(scaler.Transform(scores), admitted);
        var optimum = new LogisticRegression { Penalty = LogisticPenalty.None, Tolerance = 1e-8, MaxIterations = 1000 }.Fit(scores, admitted);
        // </code>
        // back to the raw scores: θⱼ = wⱼ / σⱼ, θ₀ = b − Σ wⱼ μⱼ / σⱼ
        var w = gd.Coefficients;
        double[] theta = [gd.Intercepts[0], w[0, 0] / scaler.Scale[0], w[0, 1] / scaler.Scale[1]];
        theta[0] -= w[0, 0] * scaler.Mean[0] / scaler.Scale[0] + w[0, 1] * scaler.Mean[1] / scaler.Scale[1];
        double b = optimum.Intercepts[0], w1 = optimum.Coefficients[0, 0], w2 = optimum.Coefficients[0, 1];
        var costs = gd.History.Costs;
        chapter.Paragraph(
            $"Trained from scratch: the scores standardized, θ = 0, and {Epochs} epochs of batch gradient descent with η = 1, the " +
            "loop of linear regression with the sigmoid in it. Beside it, the same unpenalized model fitted to its optimum by " +
            "L-BFGS, on the raw scores:");
        chapter.Code("gradient-descent");
        chapter.Figure("loss-curve", Figures.LossCurve(gd.History.Costs, logY: true, costLabel: "Mean cross-entropy J(θ)",
                iterationLabel: "Epoch", title: $"Cross-entropy during {Epochs} epochs of gradient descent"),
            $"The mean cross-entropy after each epoch (log scale): from log 2 = {Fixed(costs[0], 4)} at θ = 0 (every applicant " +
            $"given 0.5) down to {Fixed(costs[^1], 4)}; the optimum is {Fixed(LogLoss(optimum, scores, admitted), 4)}.");
        chapter.Paragraph(
            $"Back in the units of the raw scores, gradient descent's θ = ({Fixed(theta[0], 3)}, {Fixed(theta[1], 4)}, {Fixed(theta[2], 4)}); " +
            $"the optimum is θ = ({Fixed(b, 3)}, {Fixed(w1, 4)}, {Fixed(w2, 4)}), as in the course (−25.161, 0.2062, 0.2015).");

        int[] predicted = optimum.PredictClassIndices(scores);
        double accuracy = ClassificationMetrics.Accuracy(admitted.Indices, predicted);
        double student = optimum.PredictProbabilities(Matrix.FromRows([[45.0, 85.0]]))[0, 1];
        int correct = (int)Math.Round(accuracy * admitted.Count);
        chapter.Figure("sigmoid", Sigmoid(optimum, scores, admitted.Indices),
            "Every applicant placed at their score z: admitted applicants (top) mostly have z > 0, where σ(z) > 0.5. The S-shaped " +
            "curve is the probability of admission the model gives.");
        chapter.Paragraph(
            "Predicting \"admitted\" when the probability exceeds 0.5 means when z > 0: the boundary z = 0 is the straight line " +
            "θ₀ + θ₁·exam1 + θ₂·exam2 = 0 in the plane of the two scores. It separates the two groups well but not perfectly: " +
            $"{correct} of the 100 applicants are on the right side, a training accuracy of {Percent(accuracy)}. An applicant with " +
            $"scores 45 and 85 is admitted with probability {Fixed(student, 3)}.");
        chapter.Figure("decision-boundary", ModelFigures.DecisionBoundary(optimum, scores, admitted, "Exam 1 score", "Exam 2 score",
                ClassNames, "Logistic regression: probability of admission and decision boundary"),
            "The two exam scores of every applicant (blue circles not admitted, orange squares admitted), the model's probability " +
            "of admission as shading, the decision boundary P = 0.5 (black line), and the applicants on the wrong side of it (ringed).");

        // <code saturation>
        var oneStep = new LogisticRegression
        {
            Penalty = LogisticPenalty.None, Solver = LogisticSolver.GradientDescent, LearningRate = 0.01, MaxIterations = 1, Tolerance = 0,
        }.Fit(scores, admitted);                                    // raw scores, not standardized
        double[] z = oneStep.DecisionFunction(scores).Column(0).ToArray();
        // </code>
        int saturated = z.Count(v => Math.Abs(v) > 5);
        chapter.Paragraph(
            "Why standardize? The sigmoid is steep only near z = 0. On the raw scores, which are in the tens, a single step of " +
            "gradient descent with η = 0.01 from θ = 0 already puts the applicants' scores far out:");
        chapter.Code("saturation");
        chapter.Figure("sigmoid-saturation", Figures.SigmoidSaturation(z, zMax: Math.Max(12, Math.Ceiling(z.Max(Math.Abs)) + 1),
                scoresLabel: "applicants after one step on raw scores"),
            $"σ(z) and its slope σ′(z) = σ(1 − σ) (log scale), with the saturated zones |z| > 5 shaded. After that one step, {saturated} " +
            $"of the 100 applicants sit at z between {Fixed(z.Min(), 1)} and {Fixed(z.Max(), 1)} (blue): in the flat part of the sigmoid.");
        chapter.Notice(
            "in the saturated zones the sigmoid is flat: σ′(z) falls below 0.0066 at |z| = 5 and 4.5·10⁻⁵ at |z| = 10, so any " +
            "gradient that has to pass through σ′ vanishes and gradient descent stalls. Logistic regression's cross-entropy cancels " +
            "σ′ (its gradient is (ŷ − y)·x), but a squared error through a sigmoid, or a stack of sigmoids, does not; keeping z " +
            "near 0 by standardizing the features keeps the sigmoid in its steep, informative part.");

        chapter.Section.Metrics(
        [
            ("θ₀ (optimum)", b), ("θ₁ (exam 1)", w1), ("θ₂ (exam 2)", w2),
            ($"θ₀ (gradient descent, {Epochs} epochs)", theta[0]), ("θ₁ (gradient descent)", theta[1]), ("θ₂ (gradient descent)", theta[2]),
            ("training accuracy", accuracy), ("P(admitted | 45, 85)", student),
        ], "Unregularized logistic regression on exam_scores (100 applicants)", "0.######");

        chapter.Metric("dataset", "exam_scores").Metric("theta", [b, w1, w2]).Metric("train_accuracy", accuracy)
            .Metric("probability_45_85", student).Metric("iterations", optimum.Iterations)
            .Metric("gd_epochs", Epochs).Metric("gd_theta", theta).Metric("gd_costs", costs)
            .Metric("optimum_cost", LogLoss(optimum, scores, admitted)).Metric("misclassified", admitted.Count - correct)
            .Metric("one_step_scores", z).Metric("saturated_after_one_step", saturated);
        chapter.SetSummary("logistic regression", "exam_scores", "train accuracy", Fixed(accuracy, 2));
    }

    /// <summary>The mean cross-entropy of the model on (x, y).</summary>
    private static double LogLoss(LogisticRegressionModel model, Matrix<double> x, ClassLabels y) =>
        ProbabilityMetrics.LogLoss(y.Indices.ToArray(), model.PredictProbabilities(x));

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
