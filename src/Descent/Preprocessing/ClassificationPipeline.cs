using Descent.Data;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>Preprocessing followed by a classifier: Fit learns the preprocessing on X, then fits the classifier on its output.</summary>
/// <typeparam name="TModel">The classifier's fitted model.</typeparam>
public sealed class ClassificationPipeline<TModel> : IClassifier<ClassificationPipelineModel<TModel>> where TModel : IClassificationModel
{
    /// <summary>Preprocessing then <paramref name="classifier"/>.</summary>
    public ClassificationPipeline(Pipeline preprocessing, IClassifier<TModel> classifier)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(classifier);
        Preprocessing = preprocessing;
        Classifier = classifier;
    }

    /// <summary>The preprocessing steps.</summary>
    public Pipeline Preprocessing { get; }

    /// <summary>The final estimator.</summary>
    public IClassifier<TModel> Classifier { get; }

    /// <inheritdoc />
    public ClassificationPipelineModel<TModel> Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var fitted = Preprocessing.FitTransform(x, out var transformed);
        return new ClassificationPipelineModel<TModel>(fitted, Classifier.Fit(transformed, y, progress, cancellationToken));
    }

    /// <summary>Learns the preprocessing on <paramref name="table"/> (its <see cref="ColumnTransformer"/> first), then the classifier.</summary>
    public ClassificationPipelineModel<TModel> Fit(Table table, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var fitted = Preprocessing.FitTransform(table, out var transformed);
        return new ClassificationPipelineModel<TModel>(fitted, Classifier.Fit(transformed, y, progress, cancellationToken));
    }
}

/// <summary>A fitted <see cref="ClassificationPipeline{TModel}"/>: preprocesses with the statistics learned at Fit, then classifies.</summary>
/// <typeparam name="TModel">The classifier's fitted model.</typeparam>
public sealed class ClassificationPipelineModel<TModel> : IClassificationModel, IPipelineModel where TModel : IClassificationModel
{
    /// <summary>The fitted preprocessing and the model fitted on its output.</summary>
    public ClassificationPipelineModel(FittedPipeline preprocessing, TModel model)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(model);
        if (model.FeatureCount != preprocessing.OutputFeatureCount)
            throw new ArgumentException(
                $"ClassificationPipelineModel: the preprocessing outputs {preprocessing.OutputFeatureCount} columns but the model expects {model.FeatureCount}.");
        Preprocessing = preprocessing;
        Model = model;
    }

    /// <summary>The fitted preprocessing steps.</summary>
    public FittedPipeline Preprocessing { get; }

    /// <summary>The fitted final model (on preprocessed features).</summary>
    public TModel Model { get; }

    /// <inheritdoc />
    public int FeatureCount => Preprocessing.InputFeatureCount;

    /// <inheritdoc />
    public IReadOnlyList<Label> Classes => Model.Classes;

    /// <inheritdoc />
    public int[] PredictClassIndices(Matrix<double> x) => Model.PredictClassIndices(Preprocessing.Transform(x));

    /// <inheritdoc />
    public Matrix<double> PredictProbabilities(Matrix<double> x) => Model.PredictProbabilities(Preprocessing.Transform(x));

    /// <summary>The predicted class label of each row of <paramref name="x"/>.</summary>
    public Label[] Predict(Matrix<double> x) => Model.Predict(Preprocessing.Transform(x));

    /// <summary>The predicted class label of each row of <paramref name="table"/>.</summary>
    public Label[] Predict(Table table) => Model.Predict(Preprocessing.Transform(table));

    /// <summary>The predicted class index of each row of <paramref name="table"/>.</summary>
    public int[] PredictClassIndices(Table table) => Model.PredictClassIndices(Preprocessing.Transform(table));

    /// <summary>The class probabilities of each row of <paramref name="table"/>.</summary>
    public Matrix<double> PredictProbabilities(Table table) => Model.PredictProbabilities(Preprocessing.Transform(table));

    object IPipelineModel.Model => Model;
}
