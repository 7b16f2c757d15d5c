using Descent.Data;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>
/// A chain of preprocessing steps (scalers, polynomial features) applied in order, optionally after a
/// <see cref="ColumnTransformer"/> that turns a <see cref="Table"/> into the first matrix. Fit learns each step's
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

    /// <summary>A pipeline that reads a table: <paramref name="columns"/> makes the matrix, then <paramref name="steps"/> apply.</summary>
    public Pipeline(ColumnTransformer columns, params ITransformer<IFittedTransformer>[] steps) : this(steps)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
    }

    /// <summary>The first step, which turns a table into a matrix, or null for a pipeline of matrices.</summary>
    public ColumnTransformer? Columns { get; }

    /// <summary>The preprocessing steps, in order.</summary>
    public IReadOnlyList<ITransformer<IFittedTransformer>> Steps => _steps;

    /// <summary>Fits every step on the previous step's output.</summary>
    /// <exception cref="InvalidOperationException">The pipeline starts with a <see cref="ColumnTransformer"/> (fit it on a Table).</exception>
    public FittedPipeline Fit(Matrix<double> x) => FitTransform(x, out _);

    /// <summary>Fits every step and also returns the transformed training data (one pass, as fit_transform).</summary>
    /// <exception cref="InvalidOperationException">The pipeline starts with a <see cref="ColumnTransformer"/> (fit it on a Table).</exception>
    public FittedPipeline FitTransform(Matrix<double> x, out Matrix<double> transformed)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (Columns is not null)
            throw new InvalidOperationException("Pipeline.Fit: this pipeline starts with a ColumnTransformer, which selects columns " +
                "of a Table by name; call Fit with a Table.");
        if (_steps.Length == 0)
            DataCheck.Features(x, "Pipeline.Fit");
        return FitSteps([], x, x.Columns, out transformed);
    }

    /// <summary>Fits the pipeline on a table: its <see cref="Columns"/> step (or, without one, the table's numeric columns as they are), then the steps.</summary>
    /// <exception cref="DescentDataException">A column or cell is refused (named with its line).</exception>
    public FittedPipeline FitTransform(Table table, out Matrix<double> transformed)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Columns is null)
            return FitTransform(table.ToMatrix(), out transformed);
        var columns = Columns.FitTransform(table, out var x);
        return FitSteps([columns], x, columns.InputFeatureCount, out transformed);
    }

    /// <summary>Fits the pipeline on a table.</summary>
    /// <exception cref="DescentDataException">A column or cell is refused (named with its line).</exception>
    public FittedPipeline Fit(Table table) => FitTransform(table, out _);

    private FittedPipeline FitSteps(List<IFittedTransformer> fitted, Matrix<double> x, int inputColumns, out Matrix<double> transformed)
    {
        transformed = x;
        foreach (var step in _steps)
        {
            fitted.Add(step.Fit(transformed));
            transformed = fitted[^1].Transform(transformed);
        }
        return new FittedPipeline(fitted, inputColumns);
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

    /// <summary>
    /// Every step's transform of <paramref name="table"/>: a first <see cref="ColumnTransformerModel"/> reads its
    /// columns by name; without one, the table's columns are the numeric input matrix.
    /// </summary>
    /// <exception cref="DescentDataException">A column or cell is refused (named with its line).</exception>
    public Matrix<double> Transform(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (_steps.Length == 0 || _steps[0] is not ColumnTransformerModel columns)
            return Transform(table.ToMatrix());
        var result = columns.Transform(table);
        foreach (var step in _steps.Skip(1))
            result = step.Transform(result);
        return result;
    }

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
