using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// Fitting shared by <see cref="LogisticRegression"/> and <see cref="SoftmaxRegression"/>: validate, build the binary or
/// multinomial objective, run the chosen minimiser from zero (as scikit-learn does), and build the model.
/// </summary>
internal static class LogisticTraining
{
    internal readonly record struct Settings(LogisticPenalty Penalty, double C, bool FitIntercept, LogisticSolver Solver,
        int MaxIterations, double Tolerance, double LearningRate, double DecisionThreshold);

    public static LogisticRegressionModel Fit(string estimator, Settings settings, bool alwaysMultinomial,
        Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(estimator, settings);
        string operation = estimator + ".Fit";
        DataCheck.Features(x, operation);
        DataCheck.Labels(x, y, operation);

        int n = x.Rows, p = x.Columns, classes = y.Classes.Count;
        bool multinomial = alwaysMultinomial || classes > 2;
        bool gd = settings.Solver == LogisticSolver.GradientDescent;
        double scale = gd ? 1.0 / n : 1.0;
        double l2 = settings.Penalty == LogisticPenalty.None ? 0.0 : scale / settings.C;
        var classOf = y.Indices.ToArray();
        ITwiceDifferentiableFunction objective = multinomial
            ? new MultinomialLogisticLoss(x, classOf, classes, scale, l2, settings.FitIntercept)
            : new BinaryLogisticLoss(x, Array.ConvertAll(classOf, k => (double)k), scale, l2, settings.FitIntercept);
        var start = new double[objective.Dimension];
        var result = Minimize(objective, start, settings, progress, cancellationToken);
        if (result.StopReason == StopReason.Diverged)
            throw new ArgumentOutOfRangeException(nameof(settings.LearningRate), settings.LearningRate,
                $"{estimator}: gradient descent diverged after {result.Iterations} iterations (the cost " +
                $"{(double.IsFinite(result.Value) ? "kept growing" : "became " + result.Value)}): LearningRate " +
                $"{settings.LearningRate} is too large for these features. Use a smaller LearningRate, or standardize the features.");

        int rowsOfW = multinomial ? classes : 1;
        var theta = result.Solution;
        var coefficients = new Matrix<double>(rowsOfW, p);
        theta.AsSpan(0, rowsOfW * p).CopyTo(coefficients.AsSpan());
        var intercepts = settings.FitIntercept ? theta.AsSpan(rowsOfW * p, rowsOfW).ToArray() : new double[rowsOfW];
        return new LogisticRegressionModel(y.Classes.ToArray(), coefficients, intercepts, multinomial,
            settings.DecisionThreshold, result.History, result.Iterations, result.Converged);
    }

    private static OptimizationResult Minimize(ITwiceDifferentiableFunction objective, double[] start, Settings settings,
        IProgress<FitProgress>? progress, CancellationToken cancellationToken) => settings.Solver switch
        {
            LogisticSolver.Lbfgs => new Lbfgs { MaxIterations = settings.MaxIterations, GradientTolerance = settings.Tolerance }
                .Minimize(objective, start, progress, cancellationToken),
            LogisticSolver.Newton => new NewtonCg { MaxIterations = settings.MaxIterations, GradientTolerance = settings.Tolerance }
                .Minimize(objective, start, progress, cancellationToken),
            _ => new GradientDescent
            {
                LearningRate = settings.LearningRate,
                MaxIterations = settings.MaxIterations,
                GradientTolerance = settings.Tolerance,
            }.Minimize(objective, start, progress, cancellationToken),
        };

    private static void Validate(string estimator, Settings s)
    {
        Check.Parameter(s.C > 0 && double.IsFinite(s.C), estimator, "C", "a finite number > 0", s.C,
            "(C is the inverse penalty strength: smaller C, stronger penalty; use Penalty = None for no penalty.)");
        Check.Parameter(Enum.IsDefined(s.Solver), estimator, "Solver", "a LogisticSolver value", s.Solver);
        Check.Parameter(Enum.IsDefined(s.Penalty), estimator, "Penalty", "a LogisticPenalty value", s.Penalty);
        Check.Parameter(s.MaxIterations >= 1, estimator, "MaxIterations", ">= 1", s.MaxIterations);
        Check.Parameter(s.Tolerance >= 0, estimator, "Tolerance", ">= 0", s.Tolerance);
        Check.Parameter(s.LearningRate > 0 && double.IsFinite(s.LearningRate), estimator, "LearningRate",
            "a finite number > 0", s.LearningRate);
        Check.Parameter(s.DecisionThreshold is > 0 and < 1, estimator, "DecisionThreshold", "in (0, 1)", s.DecisionThreshold);
    }
}
