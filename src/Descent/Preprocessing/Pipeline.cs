using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>
/// A chain of preprocessing steps (scalers, polynomial features) applied in order. Fit learns each step's
/// statistics on the output of the step before it (scikit-learn's fit_transform chain); the fitted pipeline then
/// applies exactly those statistics to new data. End it with a model through <see cref="Then{TModel}(IRegressor{TModel})"/>
/// or <see cref="Then{TModel}(IClassifier{TModel})"/>.
/// </summary>
/// <example><code>
/// var pipeline = new Pipeline(new StandardScaler(), new PolynomialFeatures { Degree = 3 }).Then(new Ridge { Alpha = 0.1 });
/// var model = pipeline.Fit(xTrain, yTrain);          // scaler statistics come from xTrain only
/// double[] predictions = model.Predict(xTest);        // and are reused here
/// </code></example>
public sealed class Pipeline : ITransformer<FittedPipeline>
{
    private readonly ITransformer<IFittedTransformer>[] _steps;

    /// <summary>A pipeline of <paramref name="steps"/>, applied first to last.</summary>
    public Pipeline(params ITransformer<IFittedTransformer>[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        for (int i = 0; i < steps.Length; i++)
            if (steps[i] is null)
                throw new ArgumentNullException(nameof(steps), $"Pipeline: step {i} is null.");
        _steps = (ITransformer<IFittedTransformer>[])steps.Clone();
    }

    /// <summary>The preprocessing steps, in order.</summary>
    public IReadOnlyList<ITransformer<IFittedTransformer>> Steps => _steps;

    /// <summary>Fits every step on the previous step's output.</summary>
    public FittedPipeline Fit(Matrix<double> x) => FitTransform(x, out _);

    /// <summary>Fits every step and also returns the transformed training data (one pass, as fit_transform).</summary>
    public FittedPipeline FitTransform(Matrix<double> x, out Matrix<double> transformed)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (_steps.Length == 0)
            DataCheck.Features(x, "Pipeline.Fit");
        var fitted = new IFittedTransformer[_steps.Length];
        transformed = x;
        for (int i = 0; i < _steps.Length; i++)
        {
            fitted[i] = _steps[i].Fit(transformed);
            transformed = fitted[i].Transform(transformed);
        }
        return new FittedPipeline(fitted, x.Columns);
    }

    /// <summary>This preprocessing followed by a regressor.</summary>
    public RegressionPipeline<TModel> Then<TModel>(IRegressor<TModel> regressor) where TModel : IRegressionModel
        => new(this, regressor);

    /// <summary>This preprocessing followed by a classifier.</summary>
    public ClassificationPipeline<TModel> Then<TModel>(IClassifier<TModel> classifier) where TModel : IClassificationModel
        => new(this, classifier);
}

/// <summary>The fitted steps of a <see cref="Pipeline"/>: Transform applies each in order.</summary>
public sealed class FittedPipeline : IFittedTransformer
{
    private readonly IFittedTransformer[] _steps;

    /// <summary>Fitted steps applied first to last to data with <paramref name="inputFeatureCount"/> columns.</summary>
    public FittedPipeline(IReadOnlyList<IFittedTransformer> steps, int inputFeatureCount)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.ToArray();
        int columns = inputFeatureCount;
        for (int i = 0; i < _steps.Length; i++)
        {
            if (_steps[i].InputFeatureCount != columns)
                throw new ArgumentException(
                    $"FittedPipeline: step {i} ({_steps[i].GetType().Name}) expects {_steps[i].InputFeatureCount} columns but receives {columns}.");
            columns = _steps[i].OutputFeatureCount;
        }
        InputFeatureCount = inputFeatureCount;
        OutputFeatureCount = columns;
    }

    /// <summary>The fitted steps, in order.</summary>
    public IReadOnlyList<IFittedTransformer> Steps => _steps;

    /// <inheritdoc />
    public int InputFeatureCount { get; }

    /// <inheritdoc />
    public int OutputFeatureCount { get; }

    /// <summary>Every step's transform in order; <paramref name="x"/> is not changed.</summary>
    /// <exception cref="DescentDataException">X does not have <see cref="InputFeatureCount"/> columns or is not finite.</exception>
    public Matrix<double> Transform(Matrix<double> x)
    {
        DataCheck.FeatureCount(x, InputFeatureCount, "Pipeline.Transform");
        var result = x;
        foreach (var step in _steps)
            result = step.Transform(result);
        if (_steps.Length == 0)
            DataCheck.Finite(result, "Pipeline.Transform");
        return result;
    }
}
