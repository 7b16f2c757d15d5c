using System.Globalization;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// Fitting shared by <see cref="LogisticRegression"/> and <see cref="SoftmaxRegression"/>: validate, build the binary or
/// multinomial objective, minimise it from zero (as scikit-learn does) with the chosen solver, and build the model.
/// </summary>
internal static class LogisticTraining
{
    /// <summary>Epochs without improvement that end a stochastic solver (scikit-learn's SGDClassifier <c>n_iter_no_change</c>).</summary>
    private const int StochasticPatience = 5;

    internal readonly record struct Settings(LogisticPenalty Penalty, double C, bool FitIntercept, LogisticSolver Solver,
        int MaxIterations, double? Tolerance, double LearningRate, int BatchSize, long Seed, double DecisionThreshold);

    public static LogisticRegressionModel Fit(string estimator, Settings settings, bool alwaysMultinomial,
        Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(estimator, settings);
        string operation = estimator + ".Fit";
        DataCheck.Features(x, operation);
        DataCheck.Labels(x, y, operation);

        int p = x.Columns, classes = y.Classes.Count;
        bool multinomial = alwaysMultinomial || classes > 2;
        CheckMemory(operation, x.Rows, p, classes, multinomial, settings.FitIntercept);
        var classOf = y.Indices.ToArray();
        var (theta, history, iterations, reason) = settings.Solver is LogisticSolver.Sgd or LogisticSolver.Momentum or LogisticSolver.Adam
            ? Stochastic(operation, settings, x, classOf, classes, multinomial, progress, cancellationToken)
            : Deterministic(operation, settings, x, classOf, classes, multinomial, progress, cancellationToken);

        int rowsOfW = multinomial ? classes : 1;
        var coefficients = new Matrix<double>(rowsOfW, p);
        theta.AsSpan(0, rowsOfW * p).CopyTo(coefficients.AsSpan());
        var intercepts = settings.FitIntercept ? theta.AsSpan(rowsOfW * p, rowsOfW).ToArray() : new double[rowsOfW];
        return new LogisticRegressionModel(y.Classes.ToArray(), coefficients, intercepts, multinomial,
            settings.DecisionThreshold, history, iterations, reason);
    }

    /// <summary>Vectors of all the parameters a fit keeps at once, at most: L-BFGS's 2 × 10 history pairs and about ten more
    /// (the parameters, gradients, direction, line-search points, Newton-CG's or Adam's vectors).</summary>
    private const int ParameterVectors = 30;

    /// <summary>
    /// Refuses, before allocating, a fit whose rows × classes scores (probabilities and gradients: three arrays) and
    /// classes × (features + 1) parameters (<see cref="ParameterVectors"/> vectors of them) exceed <see cref="MemoryBudget"/>.
    /// </summary>
    private static void CheckMemory(string operation, int rows, int features, int classes, bool multinomial, bool intercept)
    {
        double outputs = multinomial ? classes : 1;
        double parameters = outputs * (features + (intercept ? 1 : 0));
        double bytes = sizeof(double) * (3.0 * rows * outputs + ParameterVectors * parameters);
        MemoryBudget.Check(bytes, operation, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the scores of {rows:N0} rows × {outputs:N0} classes and the solver's vectors of {parameters:N0} coefficients"),
            "use fewer features or merge rare classes");
    }

    /// <summary>
    /// L-BFGS, Newton-CG or gradient descent on the whole objective. Without a Tolerance they stop as scikit-learn 1.2
    /// does (L-BFGS also on scipy's relative decrease of f); with one, it is honoured: should L-BFGS stop on the decrease
    /// test or a failed line search while max|∇f| &gt; Tolerance, Newton-CG steps (quadratic near the optimum, so a few
    /// suffice even on ill-conditioned data) finish the fit until max|∇f| ≤ Tolerance.
    /// </summary>
    private static (double[], FitHistory, int, StopReason) Deterministic(string operation, Settings s, Matrix<double> x, int[] classOf,
        int classes, bool multinomial, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        bool gd = s.Solver == LogisticSolver.GradientDescent;
        double scale = gd ? 1.0 / x.Rows : 1.0;
        double l2 = s.Penalty == LogisticPenalty.None ? 0.0 : scale / s.C;
        double tolerance = s.Tolerance ?? LogisticRegression.DefaultTolerance;
        ITwiceDifferentiableFunction objective = multinomial
            ? new MultinomialLogisticLoss(x, classOf, classes, scale, l2, s.FitIntercept)
            : new BinaryLogisticLoss(x, Array.ConvertAll(classOf, k => (double)k), scale, l2, s.FitIntercept);
        var start = new double[objective.Dimension];
        var newton = new NewtonCg { MaxIterations = s.MaxIterations, GradientTolerance = tolerance };
        var result = s.Solver switch
        {
            LogisticSolver.Lbfgs => new Lbfgs { MaxIterations = s.MaxIterations, GradientTolerance = tolerance }
                .Minimize(objective, start, progress, cancellationToken),
            LogisticSolver.Newton => newton.Minimize(objective, start, progress, cancellationToken),
            _ => new GradientDescent { LearningRate = s.LearningRate, MaxIterations = s.MaxIterations, GradientTolerance = tolerance }
                .Minimize(objective, start, progress, cancellationToken),
        };
        if (result.StopReason == StopReason.Diverged)
            throw new DivergenceException(
                $"{operation}: gradient descent diverged after {result.Iterations} iterations (the cost " +
                $"{(double.IsFinite(result.Value) ? "kept growing" : "became " + result.Value.ToString(CultureInfo.InvariantCulture))}): " +
                $"the learning rate {s.LearningRate.ToString("R", CultureInfo.InvariantCulture)} is too large for these features. " +
                "Use a smaller LearningRate (e.g. ten times smaller), or standardize the features first (StandardScaler).",
                nameof(s.LearningRate), result.Iterations, result.Value);
        if (s.Tolerance is null || s.Solver != LogisticSolver.Lbfgs || result.Iterations >= s.MaxIterations
            || result.StopReason is not (StopReason.FunctionTolerance or StopReason.LineSearchFailed))
            return (result.Solution, result.History, result.Iterations, result.StopReason);
        var finish = (newton with { MaxIterations = s.MaxIterations - result.Iterations }).Minimize(objective, result.Solution,
            OffsetProgress.After(progress, result.Iterations, s.MaxIterations), cancellationToken);
        var history = new FitHistory(result.History.Costs.Concat(finish.History.Costs.Skip(1)),
            result.History.ParameterPath?.Concat(finish.History.ParameterPath!.Skip(1)));
        return (finish.Solution, history, result.Iterations + finish.Iterations, finish.StopReason);
    }

    /// <summary>
    /// Mini-batch SGD, momentum or Adam on the mean cross-entropy (<see cref="LogisticBatchObjective"/>) through the
    /// engine's loop: MaxIterations epochs of BatchSize rows, stopped when the epoch's loss has not improved by the
    /// tolerance for 5 epochs in a row.
    /// </summary>
    private static (double[], FitHistory, int, StopReason) Stochastic(string operation, Settings s, Matrix<double> x, int[] classOf,
        int classes, bool multinomial, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        double l2 = s.Penalty == LogisticPenalty.None ? 0.0 : 1.0 / (s.C * x.Rows);
        var objective = new LogisticBatchObjective(x.ToContiguous(), classOf, classes, multinomial, l2, s.FitIntercept, s.BatchSize);
        Optimizer optimizer = s.Solver switch
        {
            LogisticSolver.Sgd => new Sgd { LearningRate = s.LearningRate },
            LogisticSolver.Momentum => new Sgd { LearningRate = s.LearningRate, Momentum = 0.9 },
            _ => new Adam { LearningRate = s.LearningRate },
        };
        var training = new MiniBatchTraining
        {
            Epochs = s.MaxIterations,
            BatchSize = s.BatchSize,
            Seed = unchecked((ulong)s.Seed),
            EarlyStopping = new EarlyStopping { Tolerance = s.Tolerance ?? LogisticRegression.DefaultTolerance, Patience = StochasticPatience },
        };
        var theta = new double[objective.Dimension];
        var run = training.Run<double>(objective, theta, optimizer, $"{operation}: {s.Solver}", progress, cancellationToken);
        return (theta, run.History, run.Epochs, run.StopReason);
    }

    private static void Validate(string estimator, Settings s)
    {
        Check.Parameter(s.C > 0 && double.IsFinite(s.C), estimator, "C", "a finite number > 0", s.C,
            "(C is the inverse penalty strength: smaller C, stronger penalty; use Penalty = None for no penalty.)");
        Check.Parameter(Enum.IsDefined(s.Solver), estimator, "Solver", "a LogisticSolver value", s.Solver);
        Check.Parameter(Enum.IsDefined(s.Penalty), estimator, "Penalty", "a LogisticPenalty value", s.Penalty);
        Check.Parameter(s.MaxIterations >= 1, estimator, "MaxIterations", ">= 1", s.MaxIterations);
        Check.Parameter(s.Tolerance is null or >= 0 && double.IsFinite(s.Tolerance ?? 0), estimator, "Tolerance",
            "a finite number >= 0, or null", s.Tolerance);
        Check.Parameter(s.LearningRate > 0 && double.IsFinite(s.LearningRate), estimator, "LearningRate",
            "a finite number > 0", s.LearningRate);
        Check.Parameter(s.BatchSize >= 1, estimator, "BatchSize", ">= 1", s.BatchSize);
        Check.Parameter(s.DecisionThreshold is > 0 and < 1, estimator, "DecisionThreshold", "in (0, 1)", s.DecisionThreshold);
    }
}
