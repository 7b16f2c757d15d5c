using Descent.Data;
using Descent.Numerics;
using Descent.Preprocessing;

namespace Descent.Persistence;

/// <summary>
/// Everything needed to use a fitted model on new data: the feature columns it expects (by name, in order), the
/// target it predicts, the fitted preprocessing steps applied in order, and the fitted model itself
/// (an <see cref="IRegressionModel"/> or an <see cref="IClassificationModel"/>). This is what a model file holds. A
/// fitted pipeline (<see cref="IPipelineModel"/>) is saved as its steps and its final model; a first
/// <see cref="ColumnTransformerModel"/> step reads the feature columns of a <see cref="Table"/> by name.
/// </summary>
public sealed class SavedModel
{
    /// <summary>
    /// A saved model; <paramref name="model"/> must be a regression or classification model, or a fitted pipeline ending
    /// in one (its steps then follow <paramref name="preprocessing"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The model is neither kind, or the feature names do not match the input width.</exception>
    public SavedModel(object model, IReadOnlyList<string> featureNames, string? targetName = null,
        IReadOnlyList<IFittedTransformer>? preprocessing = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featureNames);
        while (model is IPipelineModel pipeline)
        {
            preprocessing = [.. preprocessing ?? [], .. pipeline.Preprocessing.Steps];
            model = pipeline.Model;
        }
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

    /// <summary>The first preprocessing step when it reads a table's columns, or null.</summary>
    public ColumnTransformerModel? Columns => Preprocessing.Count > 0 ? Preprocessing[0] as ColumnTransformerModel : null;

    /// <summary>
    /// The model's input matrix from <paramref name="table"/>: its <see cref="FeatureNames"/> columns (found by name, in any
    /// order), through <see cref="Columns"/> when there is one, then the other steps.
    /// </summary>
    /// <exception cref="DescentDataException">A column is missing or of another kind, or a cell is refused (named with its line).</exception>
    public Matrix<double> Prepare(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Columns is not { } columns)
            return Prepare(table.Select(FeatureNames).ToMatrix());
        var x = columns.Transform(table);
        foreach (var step in Preprocessing.Skip(1))
            x = step.Transform(x);
        return x;
    }

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
