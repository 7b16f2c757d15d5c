using Descent.Numerics;

namespace Descent.Persistence;

/// <summary>
/// Everything needed to use a fitted model on new data: the feature columns it expects (by name, in order), the
/// target it predicts, the fitted preprocessing steps applied in order, and the fitted model itself
/// (an <see cref="IRegressionModel"/> or an <see cref="IClassificationModel"/>). This is what a model file holds.
/// </summary>
public sealed class SavedModel
{
    /// <summary>A saved model; <paramref name="model"/> must be a regression or classification model.</summary>
    /// <exception cref="ArgumentException">The model is neither kind, or the feature names do not match the input width.</exception>
    public SavedModel(object model, IReadOnlyList<string> featureNames, string? targetName = null,
        IReadOnlyList<IFittedTransformer>? preprocessing = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (model is not IRegressionModel and not IClassificationModel)
            throw new ArgumentException(
                $"SavedModel: {model.GetType().Name} is neither an IRegressionModel nor an IClassificationModel.", nameof(model));
        Model = model;
        FeatureNames = featureNames.ToArray();
        TargetName = targetName;
        Preprocessing = preprocessing?.ToArray() ?? [];
        int width = FeatureNames.Count;
        foreach (var step in Preprocessing)
        {
            if (step.InputFeatureCount != width)
                throw new ArgumentException(
                    $"SavedModel: preprocessing step {step.GetType().Name} expects {step.InputFeatureCount} columns but receives {width}.",
                    nameof(preprocessing));
            width = step.OutputFeatureCount;
        }
        int modelWidth = model is IRegressionModel r ? r.FeatureCount : ((IClassificationModel)model).FeatureCount;
        if (modelWidth != width)
            throw new ArgumentException(
                $"SavedModel: the model expects {modelWidth} columns but the features and preprocessing give {width}.", nameof(model));
    }

    /// <summary>The fitted model: an <see cref="IRegressionModel"/> or an <see cref="IClassificationModel"/>.</summary>
    public object Model { get; }

    /// <summary>The names of the input columns, in the order the model reads them.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The name of the column the model predicts, when known.</summary>
    public string? TargetName { get; }

    /// <summary>The fitted preprocessing steps, applied in order before the model.</summary>
    public IReadOnlyList<IFittedTransformer> Preprocessing { get; }

    /// <summary>The model as a classifier, or null for a regressor.</summary>
    public IClassificationModel? Classifier => Model as IClassificationModel;

    /// <summary>The model as a regressor, or null for a classifier.</summary>
    public IRegressionModel? Regressor => Model as IRegressionModel;

    /// <summary>Applies the preprocessing steps to raw feature columns (in <see cref="FeatureNames"/> order).</summary>
    public Matrix<double> Prepare(Matrix<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var x = features;
        foreach (var step in Preprocessing)
            x = step.Transform(x);
        return x;
    }
}
