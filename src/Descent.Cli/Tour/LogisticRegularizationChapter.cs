using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Plotting.Models;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Overfitting a logistic regression with polynomial features on exam_scores, and its regularized fix: degree-6
/// monomials of the standardized scores fitted with a penalty too weak to matter (C = 10⁴: a boundary that bends to
/// every applicant) and with a real one (C = 10), training and 5-fold cross-validated accuracy of both.
/// </summary>
internal sealed class LogisticRegularizationChapter : TourChapter
{
    public const int Degree = 8;
    public const double C = 10, WeakC = 1e4;
    private static readonly string[] ClassNames = ["not admitted", "admitted"];

    public override string Key => "logistic_regularization";

    public override string Title => "Logistic regression: an overfitted boundary and its regularized fix";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("exam_scores");
        Matrix<double> scores = data.Features;
        ClassLabels admitted = data.RequireClassLabels();

        chapter.Paragraph(
            $"A straight boundary cannot bend. Adding the monomials of the two scores up to degree {Degree} (exam1², exam1·exam2, …, " +
            $"exam2⁸: {Polynomials(2, Degree)} features) lets the boundary θᵀx = 0 curve; without a penalty, the model can curve it " +
            "around single applicants. Regularization adds the size of the weights to the cost (never the intercept's), so that " +
            "bending costs something:");
        chapter.Formula("J(θ) = −1/m · Σᵢ [ yᵢ·log ŷᵢ + (1 − yᵢ)·log(1 − ŷᵢ) ] + 1/(2Cm) · Σⱼ θⱼ²");

        // <code overfit>
        LogisticRegression Logistic(double c) => new() { C = c, MaxIterations = 5000 };   // L2 penalty ½‖w‖²/C
        var features = new Pipeline(new PolynomialFeatures { Degree = 8, IncludeBias = false }, new StandardScaler());
        var overfit = features.Then(Logistic(1e4)).Fit(scores, admitted);       // a penalty so weak it hardly counts
        var regularized = features.Then(Logistic(10)).Fit(scores, admitted);
        // </code>
        chapter.Code("overfit");
        double overfitTrain = Accuracy(overfit, scores, admitted), regularizedTrain = Accuracy(regularized, scores, admitted);
        var cv = new ModelSelection.StratifiedKFold(5) { Shuffle = true, Seed = 0 };
        double overfitCv = ModelSelection.CrossValidation.Run(features.Then(Logistic(WeakC)), scores, admitted, cv).MeanTestScore;
        double regularizedCv = ModelSelection.CrossValidation.Run(features.Then(Logistic(C)), scores, admitted, cv).MeanTestScore;
        double weightsOverfit = Norm(overfit.Model.Coefficients), weightsRegularized = Norm(regularized.Model.Coefficients);

        chapter.Figure("overfit-boundary", ModelFigures.DecisionBoundary(overfit, scores, admitted, "Exam 1 score", "Exam 2 score", ClassNames,
                $"Degree {Degree}, almost no penalty (C = 10⁴): the boundary bends to every applicant"),
            $"The degree-{Degree} model with a penalty too weak to matter: its boundary (black) wiggles to put {Percent(overfitTrain)} of the training " +
            "applicants on their side, and its probability jumps from 0 to 1 across it: the model is certain about every score, " +
            "even where it has seen no applicant.");
        chapter.Figure("regularized-boundary", ModelFigures.DecisionBoundary(regularized, scores, admitted, "Exam 1 score", "Exam 2 score", ClassNames,
                $"Degree {Degree}, L2 penalty (C = {C}): a smooth boundary"),
            $"The same features with the L2 penalty, C = {C}: a smooth, gently curved boundary with {Percent(regularizedTrain)} of the " +
            "training applicants on their side.");
        chapter.Notice(
            $"the penalty shrinks the weights (their length falls from {Fixed(weightsOverfit, 1)} to {Fixed(weightsRegularized, 2)}) and " +
            $"with them the wiggles. On applicants the models did not train on (5-fold cross-validation) the regularized boundary is " +
            $"right {Percent(regularizedCv)} of the time, the overfitted one {Percent(overfitCv)}: the training accuracy of the " +
            "overfitted model overstates what it knows.");
        chapter.Section.Table(["model", "training accuracy", "5-fold CV accuracy", "‖w‖"],
        [
            [$"degree {Degree}, C = 10⁴ (almost no penalty)", Fixed(overfitTrain, 3), Fixed(overfitCv, 3), Fixed(weightsOverfit, 2)],
            [$"degree {Degree}, L2 penalty (C = {C})", Fixed(regularizedTrain, 3), Fixed(regularizedCv, 3), Fixed(weightsRegularized, 3)],
        ], "Overfitting and regularization on exam_scores");

        chapter.Metric("degree", Degree).Metric("c", C).Metric("weak_c", WeakC).Metric("features", Polynomials(2, Degree))
            .Metric("overfit_train_accuracy", overfitTrain).Metric("regularized_train_accuracy", regularizedTrain)
            .Metric("overfit_cv_accuracy", overfitCv).Metric("regularized_cv_accuracy", regularizedCv)
            .Metric("overfit_weight_norm", weightsOverfit).Metric("regularized_weight_norm", weightsRegularized);
        chapter.SetSummary($"logistic, degree {Degree}, C = 10⁴ / {C}", "exam_scores", "5-fold CV accuracy", $"{Fixed(overfitCv, 3)} / {Fixed(regularizedCv, 3)}");
    }

    private static double Accuracy(IClassificationModel model, Matrix<double> x, ClassLabels y) =>
        ClassificationMetrics.Accuracy(y.Indices, model.PredictClassIndices(x));

    private static double Norm(Matrix<double> w) => Math.Sqrt(w.AsSpan().ToArray().Sum(v => v * v));

    /// <summary>The monomials of degree 1..d in n variables: C(n + d, d) − 1.</summary>
    private static int Polynomials(int n, int d)
    {
        long count = 1;
        for (int k = 1; k <= d; k++) count = count * (n + k) / k;
        return (int)count - 1;
    }
}
