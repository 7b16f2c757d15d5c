using Descent.Numerics;

namespace Descent.ModelSelection;

/// <summary>Training and validation scores for each value of one hyper-parameter; <c>TrainScores[v][f]</c> belongs to <c>Values[v]</c> and fold f.</summary>
/// <typeparam name="TParam">The hyper-parameter's type.</typeparam>
public sealed class ValidationCurveResult<TParam>
{
    internal ValidationCurveResult(string scorer, bool greaterIsBetter, TParam[] values, double[][] trainScores, double[][] validationScores, IReadOnlyList<string> warnings)
    {
        Scorer = scorer;
        GreaterIsBetter = greaterIsBetter;
        Values = values;
        TrainScores = trainScores;
        ValidationScores = validationScores;
        Warnings = warnings;
    }

    /// <summary>The scorer's name.</summary>
    public string Scorer { get; }

    /// <summary>Whether greater scores are better (false for errors).</summary>
    public bool GreaterIsBetter { get; }

    /// <summary>The hyper-parameter values, in the order given.</summary>
    public IReadOnlyList<TParam> Values { get; }

    /// <summary>Per value, per fold: the score on the training rows.</summary>
    public IReadOnlyList<double[]> TrainScores { get; }

    /// <summary>Per value, per fold: the score on the held-out rows.</summary>
    public IReadOnlyList<double[]> ValidationScores { get; }

    /// <summary>Per value, the mean training score.</summary>
    public double[] MeanTrainScores => TrainScores.Select(FoldRunner.Mean).ToArray();

    /// <summary>Per value, the mean validation score.</summary>
    public double[] MeanValidationScores => ValidationScores.Select(FoldRunner.Mean).ToArray();

    /// <summary>Per value, the population standard deviation of the training scores over folds (numpy's std).</summary>
    public double[] StandardDeviationTrainScores => TrainScores.Select(FoldRunner.StandardDeviation).ToArray();

    /// <summary>Per value, the population standard deviation of the validation scores over folds.</summary>
    public double[] StandardDeviationValidationScores => ValidationScores.Select(FoldRunner.StandardDeviation).ToArray();

    /// <summary>Fits that failed (their scores are NaN).</summary>
    public IReadOnlyList<string> Warnings { get; }
}

/// <summary>
/// scikit-learn's <c>validation_curve</c>: for each value v of a hyper-parameter, cross-validate
/// <c>factory(v)</c> (e.g. <c>d =&gt; new Pipeline(new PolynomialFeatures(d), new LinearRegression())</c>) and record
/// training and validation scores. Default scorer: an error (MSE, misclassification rate).
/// </summary>
public static class ValidationCurve
{
    /// <summary>The validation curve of regressors built by <paramref name="factory"/>.</summary>
    /// <exception cref="ArgumentException">No values, or X and y lengths differ.</exception>
    public static ValidationCurveResult<TParam> Compute<TParam, TModel>(IReadOnlyList<TParam> values, Func<TParam, IRegressor<TModel>> factory,
        Matrix<double> x, IReadOnlyList<double> y, ICrossValidator? cv = null, RegressionScorer? scorer = null, CancellationToken cancellationToken = default)
        where TModel : IRegressionModel
    {
        ArgumentNullException.ThrowIfNull(factory);
        var chosen = scorer ?? RegressionScorer.MeanSquaredError;
        return Compute(values, v => Problems.Regression(factory(v), x, y, chosen, "ValidationCurve"), cv ?? new KFold(5), cancellationToken);
    }

    /// <summary>The validation curve of classifiers built by <paramref name="factory"/>.</summary>
    /// <exception cref="ArgumentException">No values, or X and y lengths differ.</exception>
    public static ValidationCurveResult<TParam> Compute<TParam, TModel>(IReadOnlyList<TParam> values, Func<TParam, IClassifier<TModel>> factory,
        Matrix<double> x, ClassLabels y, ICrossValidator? cv = null, ClassificationScorer? scorer = null, CancellationToken cancellationToken = default)
        where TModel : IClassificationModel
    {
        ArgumentNullException.ThrowIfNull(factory);
        var chosen = scorer ?? ClassificationScorer.Error;
        return Compute(values, v => Problems.Classification(factory(v), x, y, chosen, "ValidationCurve"), cv ?? new StratifiedKFold(5), cancellationToken);
    }

    private static ValidationCurveResult<TParam> Compute<TParam>(IReadOnlyList<TParam> values, Func<TParam, IFoldProblem> problemOf, ICrossValidator cv,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("ValidationCurve: no hyper-parameter values were given.", nameof(values));
        var problems = values.Select(problemOf).ToArray();
        var splits = cv.Split(problems[0].SampleCount, problems[0].Labels);
        int folds = splits.Count;
        var scores = FoldRunner.RunGrid(values.Count, folds, (v, f) =>
            FoldRunner.FitAndScore(problems[v], splits[f].Train, splits[f].Test, true, $"value {values[v]}, fold {f}", cancellationToken));
        return new ValidationCurveResult<TParam>(problems[0].ScorerName, problems[0].GreaterIsBetter, values.ToArray(),
            FoldRunner.ByRow(scores, values.Count, folds, train: true), FoldRunner.ByRow(scores, values.Count, folds, train: false),
            FoldRunner.Warnings(scores));
    }
}
