using Descent.Data;
using Descent.ModelSelection;
using Descent.Numerics;
using Descent.Preprocessing;

namespace Descent.Cli.Models;

/// <summary>
/// A configured estimator, regressor or classifier, behind one call: <see cref="Fit"/> takes the (preprocessed)
/// features and the dataset's target read the way the task needs (numbers for a regressor, class labels for a
/// classifier) and returns the fitted model (an <see cref="IRegressionModel"/> or an <see cref="IClassificationModel"/>).
/// <see cref="LearningCurve"/> and <see cref="CrossValidate"/> run the model selection helpers on the estimator
/// behind a preprocessing pipeline (refitted on each training fold), scored by error: mean squared error for a
/// regressor, the misclassification rate for a classifier.
/// </summary>
internal sealed class Estimator
{
    private readonly Func<Matrix<double>, Dataset, IProgress<FitProgress>?, object> _fit;
    private readonly Func<Pipeline, Matrix<double>, Dataset, IReadOnlyList<SplitSize>?, ICrossValidator, LearningCurveResult> _learningCurve;
    private readonly Func<Pipeline, Matrix<double>, Dataset, ICrossValidator, CrossValidationResult> _crossValidate;
    private readonly Func<Pipeline, Table, IReadOnlyList<SplitSize>?, ICrossValidator, LearningCurveResult> _tableLearningCurve;
    private readonly Func<Pipeline, Table, ICrossValidator, string, CrossValidationResult> _tableScore;
    private readonly Func<Pipeline, Dataset, Dataset, int, long, BiasVarianceResult>? _biasVariance;

    private Estimator(bool isClassifier, Func<Matrix<double>, Dataset, IProgress<FitProgress>?, object> fit,
        Func<Pipeline, Matrix<double>, Dataset, IReadOnlyList<SplitSize>?, ICrossValidator, LearningCurveResult> learningCurve,
        Func<Pipeline, Matrix<double>, Dataset, ICrossValidator, CrossValidationResult> crossValidate,
        Func<Pipeline, Table, IReadOnlyList<SplitSize>?, ICrossValidator, LearningCurveResult> tableLearningCurve,
        Func<Pipeline, Table, ICrossValidator, string, CrossValidationResult> tableScore,
        Func<Pipeline, Dataset, Dataset, int, long, BiasVarianceResult>? biasVariance)
    {
        IsClassifier = isClassifier;
        _fit = fit;
        _learningCurve = learningCurve;
        _crossValidate = crossValidate;
        _tableLearningCurve = tableLearningCurve;
        _tableScore = tableScore;
        _biasVariance = biasVariance;
    }

    /// <summary>The scorings of <c>descent cv</c>: for regressors r2 (default) and neg-mse; for classifiers accuracy (default), f1-macro, roc-auc.</summary>
    public static IReadOnlyList<string> Scorings(bool classifier) => classifier ? ["accuracy", "f1-macro", "roc-auc"] : ["r2", "neg-mse"];

    private static readonly RegressionScorer NegativeMse =
        RegressionScorer.FromMetric("neg_mean_squared_error", (y, p) => -Metrics.RegressionMetrics.MeanSquaredError(y, p), true);

    /// <summary>True for a classifier, false for a regressor.</summary>
    public bool IsClassifier { get; }

    /// <summary>Wraps a regressor.</summary>
    public static Estimator Of<TModel>(IRegressor<TModel> regressor) where TModel : IRegressionModel =>
        new(false, (x, data, progress) => regressor.Fit(x, data.RequireNumericTarget(), progress)!,
            (pipeline, x, data, sizes, cv) => ModelSelection.LearningCurve.Compute(pipeline.Then(regressor), x, data.RequireNumericTarget(), sizes, cv),
            (pipeline, x, data, cv) => CrossValidation.Run(pipeline.Then(regressor), x, data.RequireNumericTarget(), cv,
                RegressionScorer.MeanSquaredError, returnTrainScores: true),
            (pipeline, table, sizes, cv) => ModelSelection.LearningCurve.Compute(pipeline.Then(regressor), table, table.RequireNumericTarget(), sizes, cv),
            (pipeline, table, cv, scoring) => CrossValidation.Run(pipeline.Then(regressor), table, table.RequireNumericTarget(), cv,
                scoring == "neg-mse" ? NegativeMse : RegressionScorer.R2),
            (pipeline, train, test, resamples, seed) => ModelSelection.BiasVariance.Bootstrap(pipeline.Then(regressor), train.Features,
                train.RequireNumericTarget(), test.Features, test.RequireNumericTarget(), resamples, seed));

    /// <summary>Wraps a classifier.</summary>
    public static Estimator Of<TModel>(IClassifier<TModel> classifier) where TModel : IClassificationModel =>
        new(true, (x, data, progress) => classifier.Fit(x, Targets.Classes(data), progress)!,
            (pipeline, x, data, sizes, cv) => ModelSelection.LearningCurve.Compute(pipeline.Then(classifier), x, Targets.Classes(data), sizes, cv),
            (pipeline, x, data, cv) => CrossValidation.Run(pipeline.Then(classifier), x, Targets.Classes(data), cv,
                ClassificationScorer.Error, returnTrainScores: true),
            (pipeline, table, sizes, cv) => ModelSelection.LearningCurve.Compute(pipeline.Then(classifier), table, Targets.Classes(table), sizes, cv),
            (pipeline, table, cv, scoring) => CrossValidation.Run(pipeline.Then(classifier), table, Targets.Classes(table), cv, scoring switch
            {
                "f1-macro" => ClassificationScorer.F1Macro,
                "roc-auc" => ClassificationScorer.RocAuc,
                _ => ClassificationScorer.Accuracy,
            }),
            null);

    /// <summary>Fits on <paramref name="x"/> (rows of <paramref name="data"/>, preprocessed) and the data's target.</summary>
    public object Fit(Matrix<double> x, Dataset data, IProgress<FitProgress>? progress) => _fit(x, data, progress);

    /// <summary>
    /// Training and validation error against the number of training rows, <paramref name="preprocessing"/> then this
    /// estimator refitted on each fold of <paramref name="cv"/> (raw features <paramref name="x"/> of <paramref name="data"/>).
    /// </summary>
    public LearningCurveResult LearningCurve(Pipeline preprocessing, Matrix<double> x, Dataset data, IReadOnlyList<SplitSize>? sizes,
        ICrossValidator cv) => _learningCurve(preprocessing, x, data, sizes, cv);

    /// <summary>The learning curve on a table, the preprocessing (its column step included) refitted on each training subset.</summary>
    public LearningCurveResult LearningCurve(Pipeline preprocessing, Table table, IReadOnlyList<SplitSize>? sizes, ICrossValidator cv) =>
        _tableLearningCurve(preprocessing, table, sizes, cv);

    /// <summary>The score (one of <see cref="Scorings"/>) of each fold of <paramref name="cv"/> on a table, preprocessing fitted inside each fold.</summary>
    public CrossValidationResult Score(Pipeline preprocessing, Table table, ICrossValidator cv, string scoring) =>
        _tableScore(preprocessing, table, cv, scoring);

    /// <summary>
    /// The bootstrap bias–variance decomposition (<see cref="ModelSelection.BiasVariance.Bootstrap{TModel}"/>) of
    /// <paramref name="preprocessing"/> then this regressor, trained on rows of <paramref name="train"/> and measured on
    /// <paramref name="test"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">This estimator is a classifier.</exception>
    public BiasVarianceResult BiasVariance(Pipeline preprocessing, Dataset train, Dataset test, int resamples, long seed) =>
        (_biasVariance ?? throw new InvalidOperationException("BiasVariance: decomposes the squared error of a regressor, not a classifier."))
            (preprocessing, train, test, resamples, seed);

    /// <summary>Training and validation error per fold of <paramref name="cv"/>, <paramref name="preprocessing"/> then this estimator.</summary>
    public CrossValidationResult CrossValidate(Pipeline preprocessing, Matrix<double> x, Dataset data, ICrossValidator cv) =>
        _crossValidate(preprocessing, x, data, cv);
}
