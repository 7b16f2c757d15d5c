using Descent.Data;
using Descent.Numerics;
using Descent.Preprocessing;

namespace Descent.ModelSelection;

/// <summary>The scores of a cross-validation: one per fold, on its test part and (optionally) on its training part.</summary>
public sealed class CrossValidationResult
{
    internal CrossValidationResult(string scorer, bool greaterIsBetter, double[] testScores, double[]? trainScores, IReadOnlyList<string> warnings)
    {
        Scorer = scorer;
        GreaterIsBetter = greaterIsBetter;
        TestScores = testScores;
        TrainScores = trainScores;
        Warnings = warnings;
    }

    /// <summary>The scorer's name.</summary>
    public string Scorer { get; }

    /// <summary>Whether greater scores are better.</summary>
    public bool GreaterIsBetter { get; }

    /// <summary>The score on each fold's held-out part.</summary>
    public IReadOnlyList<double> TestScores { get; }

    /// <summary>The score on each fold's training part, when asked for.</summary>
    public IReadOnlyList<double>? TrainScores { get; }

    /// <summary>Mean of <see cref="TestScores"/>.</summary>
    public double MeanTestScore => FoldRunner.Mean(TestScores);

    /// <summary>Population standard deviation of <see cref="TestScores"/>.</summary>
    public double StandardDeviationTestScore => FoldRunner.StandardDeviation(TestScores);

    /// <summary>Mean of <see cref="TrainScores"/> (NaN when they were not asked for).</summary>
    public double MeanTrainScore => TrainScores is null ? double.NaN : FoldRunner.Mean(TrainScores);

    /// <summary>Population standard deviation of <see cref="TrainScores"/> (NaN when they were not asked for).</summary>
    public double StandardDeviationTrainScore => TrainScores is null ? double.NaN : FoldRunner.StandardDeviation(TrainScores);

    /// <summary>Folds whose fit failed (their scores are NaN), as scikit-learn warns with error_score=NaN.</summary>
    public IReadOnlyList<string> Warnings { get; }
}

/// <summary>
/// scikit-learn's <c>cross_validate</c>: fit a fresh model on each fold's training rows and score it on the held-out
/// rows. Default folds: <see cref="KFold"/>(5) for regressors, <see cref="StratifiedKFold"/>(5) for classifiers;
/// default scorer: R² / accuracy (the estimator's score in scikit-learn). Folds run in parallel; results are the same
/// for any thread count.
/// </summary>
public static class CrossValidation
{
    /// <summary>Cross-validates a regressor (or a pipeline ending in one).</summary>
    /// <exception cref="ArgumentException">X and y lengths differ, or the folds cannot be made.</exception>
    public static CrossValidationResult Run<TModel>(IRegressor<TModel> estimator, Matrix<double> x, IReadOnlyList<double> y,
        ICrossValidator? cv = null, RegressionScorer? scorer = null, bool returnTrainScores = false, CancellationToken cancellationToken = default)
        where TModel : IRegressionModel
    {
        var problem = Problems.Regression(estimator, x, y, scorer ?? RegressionScorer.R2, "CrossValidation");
        return Run(problem, cv ?? new KFold(5), returnTrainScores, cancellationToken);
    }

    /// <summary>Cross-validates a classifier (or a pipeline ending in one).</summary>
    /// <exception cref="ArgumentException">X and y lengths differ, or the folds cannot be made.</exception>
    public static CrossValidationResult Run<TModel>(IClassifier<TModel> estimator, Matrix<double> x, ClassLabels y,
        ICrossValidator? cv = null, ClassificationScorer? scorer = null, bool returnTrainScores = false, CancellationToken cancellationToken = default)
        where TModel : IClassificationModel
    {
        var problem = Problems.Classification(estimator, x, y, scorer ?? ClassificationScorer.Accuracy, "CrossValidation");
        return Run(problem, cv ?? new StratifiedKFold(5), returnTrainScores, cancellationToken);
    }

    /// <summary>Cross-validates a pipeline that reads a table: its preprocessing is fitted inside each fold, on the training rows only.</summary>
    /// <exception cref="ArgumentException">The table and y lengths differ, or the folds cannot be made.</exception>
    public static CrossValidationResult Run<TModel>(RegressionPipeline<TModel> pipeline, Table x, IReadOnlyList<double> y,
        ICrossValidator? cv = null, RegressionScorer? scorer = null, bool returnTrainScores = false, CancellationToken cancellationToken = default)
        where TModel : IRegressionModel
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Problems.SameRows(x, y.Count);
        var problem = new TableRegressionProblem<TModel>(pipeline, x, y.ToArray(), scorer ?? RegressionScorer.R2);
        return Run(problem, cv ?? new KFold(5), returnTrainScores, cancellationToken);
    }

    /// <summary>Cross-validates a classification pipeline that reads a table (preprocessing fitted inside each fold).</summary>
    /// <exception cref="ArgumentException">The table and y lengths differ, or the folds cannot be made.</exception>
    public static CrossValidationResult Run<TModel>(ClassificationPipeline<TModel> pipeline, Table x, ClassLabels y,
        ICrossValidator? cv = null, ClassificationScorer? scorer = null, bool returnTrainScores = false, CancellationToken cancellationToken = default)
        where TModel : IClassificationModel
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Problems.SameRows(x, y.Count);
        var problem = new TableClassificationProblem<TModel>(pipeline, x, y, scorer ?? ClassificationScorer.Accuracy);
        return Run(problem, cv ?? new StratifiedKFold(5), returnTrainScores, cancellationToken);
    }

    internal static CrossValidationResult Run(IFoldProblem problem, ICrossValidator cv, bool returnTrainScores, CancellationToken cancellationToken)
    {
        var splits = cv.Split(problem.SampleCount, problem.Labels);
        var scores = FoldRunner.Run(splits.Count, f =>
            FoldRunner.FitAndScore(problem, splits[f].Train, splits[f].Test, returnTrainScores, $"fold {f}", cancellationToken));
        return new CrossValidationResult(problem.ScorerName, problem.GreaterIsBetter, scores.Select(s => s.Test).ToArray(),
            returnTrainScores ? scores.Select(s => s.Train).ToArray() : null, FoldRunner.Warnings(scores));
    }
}

/// <summary>Builds the fold problems after checking the data's shapes.</summary>
internal static class Problems
{
    public static void SameRows(Table x, int targets)
    {
        if (x.Rows != targets)
            throw new DescentDataException($"{x.Source ?? "table"} has {x.Rows} rows but y has {targets} values; every row needs one target.");
    }

    public static IFoldProblem Regression<TModel>(IRegressor<TModel> estimator, Matrix<double> x, IReadOnlyList<double> y, RegressionScorer scorer, string function)
        where TModel : IRegressionModel
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        DataCheck.TargetCount(x, y.Count, function);
        return new RegressionProblem<TModel>(estimator, x, y.ToArray(), scorer);
    }

    public static IFoldProblem Classification<TModel>(IClassifier<TModel> estimator, Matrix<double> x, ClassLabels y, ClassificationScorer scorer, string function)
        where TModel : IClassificationModel
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        DataCheck.TargetCount(x, y.Count, function);
        return new ClassificationProblem<TModel>(estimator, x, y, scorer);
    }
}
