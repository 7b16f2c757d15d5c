using Descent.Data;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>Preprocessing followed by a regressor: Fit learns the preprocessing on X, then fits the regressor on its output.</summary>
/// <typeparam name="TModel">The regressor's fitted model.</typeparam>
public sealed class RegressionPipeline<TModel> : IRegressor<RegressionPipelineModel<TModel>> where TModel : IRegressionModel
{
    /// <summary>Preprocessing then <paramref name="regressor"/>.</summary>
    public RegressionPipeline(Pipeline preprocessing, IRegressor<TModel> regressor)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(regressor);
        Preprocessing = preprocessing;
        Regressor = regressor;
    }

    /// <summary>The preprocessing steps.</summary>
    public Pipeline Preprocessing { get; }

    /// <summary>The final estimator.</summary>
    public IRegressor<TModel> Regressor { get; }

    /// <inheritdoc />
    public RegressionPipelineModel<TModel> Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var fitted = Preprocessing.FitTransform(x, out var transformed);
        return new RegressionPipelineModel<TModel>(fitted, Regressor.Fit(transformed, y, progress, cancellationToken));
    }

    /// <summary>Learns the preprocessing on <paramref name="table"/> (its <see cref="ColumnTransformer"/> first), then the regressor.</summary>
    public RegressionPipelineModel<TModel> Fit(Table table, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var fitted = Preprocessing.FitTransform(table, out var transformed);
        return new RegressionPipelineModel<TModel>(fitted, Regressor.Fit(transformed, y, progress, cancellationToken));
    }
}

/// <summary>A fitted <see cref="RegressionPipeline{TModel}"/>: Predict preprocesses with the statistics learned at Fit, then predicts.</summary>
/// <typeparam name="TModel">The regressor's fitted model.</typeparam>
public sealed class RegressionPipelineModel<TModel> : IRegressionModel, IPipelineModel where TModel : IRegressionModel
{
    /// <summary>The fitted preprocessing and the model fitted on its output.</summary>
    public RegressionPipelineModel(FittedPipeline preprocessing, TModel model)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(model);
        if (model.FeatureCount != preprocessing.OutputFeatureCount)
            throw new ArgumentException(
                $"RegressionPipelineModel: the preprocessing outputs {preprocessing.OutputFeatureCount} columns but the model expects {model.FeatureCount}.");
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
    public double[] Predict(Matrix<double> x) => Model.Predict(Preprocessing.Transform(x));

    /// <summary>One prediction per row of <paramref name="table"/>.</summary>
    public double[] Predict(Table table) => Model.Predict(Preprocessing.Transform(table));

    object IPipelineModel.Model => Model;
}
