using Descent.Data;
using Descent.Numerics;
using Descent.Preprocessing;

namespace Descent.ModelSelection;

/// <summary>
/// Training and validation scores against the number of training examples: for errors (the default scorers),
/// E_in (on the rows the model was fitted on) and E_out (on held-out rows). <c>TrainScores[s][f]</c> belongs to
/// <c>TrainSizes[s]</c> and fold f.
/// </summary>
public sealed class LearningCurveResult
{
    internal LearningCurveResult(string scorer, bool greaterIsBetter, int[] trainSizes, double[][] trainScores, double[][] validationScores, IReadOnlyList<string> warnings)
    {
        Scorer = scorer;
        GreaterIsBetter = greaterIsBetter;
        TrainSizes = trainSizes;
        TrainScores = trainScores;
        ValidationScores = validationScores;
        Warnings = warnings;
    }

    /// <summary>The scorer's name ("mse", "error", ...).</summary>
    public string Scorer { get; }

    /// <summary>Whether greater scores are better (false for errors).</summary>
    public bool GreaterIsBetter { get; }

    /// <summary>The numbers of training examples, increasing.</summary>
    public IReadOnlyList<int> TrainSizes { get; }

    /// <summary>Per size, per fold: the score on the training rows (E_in).</summary>
    public IReadOnlyList<double[]> TrainScores { get; }

    /// <summary>Per size, per fold: the score on the held-out rows (E_out).</summary>
    public IReadOnlyList<double[]> ValidationScores { get; }

    /// <summary>Per size, the mean training score over folds.</summary>
    public double[] MeanTrainScores => TrainScores.Select(FoldRunner.Mean).ToArray();

    /// <summary>Per size, the mean validation score over folds.</summary>
    public double[] MeanValidationScores => ValidationScores.Select(FoldRunner.Mean).ToArray();

    /// <summary>Per size, the population standard deviation of the training scores over folds (numpy's std).</summary>
    public double[] StandardDeviationTrainScores => TrainScores.Select(FoldRunner.StandardDeviation).ToArray();

    /// <summary>Per size, the population standard deviation of the validation scores over folds.</summary>
    public double[] StandardDeviationValidationScores => ValidationScores.Select(FoldRunner.StandardDeviation).ToArray();

    /// <summary>Fits that failed (their scores are NaN), e.g. a training subset with a single class.</summary>
    public IReadOnlyList<string> Warnings { get; }
}

/// <summary>
/// scikit-learn's <c>learning_curve</c>: for each fold and each training size m, fit on the first m training rows of
/// the fold and score on them and on the fold's test rows. Sizes are fractions of the largest training fold
/// (default 0.1, 0.325, 0.55, 0.775, 1.0, truncated to whole examples) or counts. Default scorer: an error (MSE,
/// misclassification rate), so the curves are E_in and E_out.
/// </summary>
public static class LearningCurve
{
    /// <summary>The learning curve of a regressor.</summary>
    /// <exception cref="ArgumentException">Sizes out of range, or X and y lengths differ.</exception>
    public static LearningCurveResult Compute<TModel>(IRegressor<TModel> estimator, Matrix<double> x, IReadOnlyList<double> y,
        IReadOnlyList<SplitSize>? trainSizes = null, ICrossValidator? cv = null, RegressionScorer? scorer = null, CancellationToken cancellationToken = default)
        where TModel : IRegressionModel =>
        Compute(Problems.Regression(estimator, x, y, scorer ?? RegressionScorer.MeanSquaredError, "LearningCurve"), trainSizes, cv ?? new KFold(5), cancellationToken);

    /// <summary>The learning curve of a classifier.</summary>
    /// <exception cref="ArgumentException">Sizes out of range, or X and y lengths differ.</exception>
    public static LearningCurveResult Compute<TModel>(IClassifier<TModel> estimator, Matrix<double> x, ClassLabels y,
        IReadOnlyList<SplitSize>? trainSizes = null, ICrossValidator? cv = null, ClassificationScorer? scorer = null, CancellationToken cancellationToken = default)
        where TModel : IClassificationModel =>
        Compute(Problems.Classification(estimator, x, y, scorer ?? ClassificationScorer.Error, "LearningCurve"), trainSizes, cv ?? new StratifiedKFold(5), cancellationToken);

    /// <summary>The learning curve of a regression pipeline that reads a table (preprocessing fitted on each training subset).</summary>
    /// <exception cref="ArgumentException">Sizes out of range, or the table and y lengths differ.</exception>
    public static LearningCurveResult Compute<TModel>(RegressionPipeline<TModel> pipeline, Table x, IReadOnlyList<double> y,
        IReadOnlyList<SplitSize>? trainSizes = null, ICrossValidator? cv = null, RegressionScorer? scorer = null, CancellationToken cancellationToken = default)
        where TModel : IRegressionModel
    {
        Problems.SameRows(x, y.Count);
        return Compute(new TableRegressionProblem<TModel>(pipeline, x, y.ToArray(), scorer ?? RegressionScorer.MeanSquaredError), trainSizes,
            cv ?? new KFold(5), cancellationToken);
    }

    /// <summary>The learning curve of a classification pipeline that reads a table (preprocessing fitted on each training subset).</summary>
    /// <exception cref="ArgumentException">Sizes out of range, or the table and y lengths differ.</exception>
    public static LearningCurveResult Compute<TModel>(ClassificationPipeline<TModel> pipeline, Table x, ClassLabels y,
        IReadOnlyList<SplitSize>? trainSizes = null, ICrossValidator? cv = null, ClassificationScorer? scorer = null, CancellationToken cancellationToken = default)
        where TModel : IClassificationModel
    {
        Problems.SameRows(x, y.Count);
        return Compute(new TableClassificationProblem<TModel>(pipeline, x, y, scorer ?? ClassificationScorer.Error), trainSizes,
            cv ?? new StratifiedKFold(5), cancellationToken);
    }

    private static LearningCurveResult Compute(IFoldProblem problem, IReadOnlyList<SplitSize>? trainSizes, ICrossValidator cv, CancellationToken cancellationToken)
    {
        var splits = cv.Split(problem.SampleCount, problem.Labels);
        int[] sizes = AbsoluteSizes(trainSizes ?? [0.1, 0.325, 0.55, 0.775, 1.0], splits[0].Train.Length);
        int folds = splits.Count;
        var scores = FoldRunner.RunGrid(sizes.Length, folds, (s, f) =>
            FoldRunner.FitAndScore(problem, splits[f].Train[..sizes[s]], splits[f].Test, true, $"train size {sizes[s]}, fold {f}", cancellationToken));
        return new LearningCurveResult(problem.ScorerName, problem.GreaterIsBetter, sizes,
            FoldRunner.ByRow(scores, sizes.Length, folds, train: true), FoldRunner.ByRow(scores, sizes.Length, folds, train: false),
            FoldRunner.Warnings(scores));
    }

    /// <summary>scikit-learn's _translate_train_sizes: fractions in (0, 1] of the largest training set (truncated, at least 1) or counts; distinct, sorted.</summary>
    internal static int[] AbsoluteSizes(IReadOnlyList<SplitSize> sizes, int maxTrain)
    {
        if (sizes.Count == 0)
            throw new ArgumentException("LearningCurve: trainSizes is empty; give fractions in (0, 1] or counts.", nameof(sizes));
        bool fractions = sizes.All(s => s.IsFraction);
        if (!fractions && sizes.Any(s => s.IsFraction))
            throw new ArgumentException("LearningCurve: trainSizes mixes fractions and counts; use one kind.", nameof(sizes));
        double min = sizes.Min(s => s.Value), max = sizes.Max(s => s.Value);
        if (fractions && (min <= 0 || max > 1))
            throw new ArgumentException("LearningCurve: train_sizes has been interpreted as fractions of the maximum number of training samples " +
                $"and must be within (0, 1], but is within [{min:F6}, {max:F6}].", nameof(sizes));
        if (!fractions && (min <= 0 || max > maxTrain))
            throw new ArgumentException("LearningCurve: train_sizes has been interpreted as absolute numbers of training samples and must be " +
                $"within (0, {maxTrain}], but is within [{min}, {max}].", nameof(sizes));
        return sizes.Select(s => fractions ? Math.Clamp((int)(s.Value * maxTrain), 1, maxTrain) : (int)s.Value).Distinct().Order().ToArray();
    }
}
