using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Persistence;
using Descent.Preprocessing;

namespace Descent.Cli.Models;

/// <summary>
/// Trains what <c>fit</c> (and later <c>report</c>) trains: the preprocessing learned on the data, then the
/// estimator on its output, with a progress bar on a terminal; returns the model as it is saved.
/// </summary>
internal static class ModelTraining
{
    /// <summary>A fitted model, its score on the training data (R² or accuracy), and a warning when the solver did not converge.</summary>
    public sealed record Result(SavedModel Model, string ScoreName, double Score, string? Warning);

    /// <summary>
    /// What training needs of a table, without the table: the learned preprocessing, the transformed features with
    /// the target, and the table's column and target names.
    /// </summary>
    public sealed record Input(FittedPipeline Preprocessing, Matrix<double> X, Dataset Data, IReadOnlyList<string> ColumnNames, string? TargetName);

    /// <summary>
    /// Learns the preprocessing on <paramref name="table"/> and transforms it. The input holds no reference to the
    /// table, so a caller that lets the table go frees its columns before the model is fitted.
    /// </summary>
    public static Input Prepare(Pipeline preprocessing, Table table)
    {
        FittedPipeline fitted = preprocessing.FitTransform(table, out var x);
        Dataset data = table.ToDataset(x, Enumerable.Range(0, x.Columns).Select(j => $"x{j}").ToArray());
        return new Input(fitted, x, data, table.ColumnNames, table.TargetName);
    }

    public static Result Fit(CliContext context, bool showProgress, ModelEntry entry, Estimator estimator, Input input)
    {
        var (fitted, x, data) = (input.Preprocessing, input.X, input.Data);
        object model;
        try
        {
            model = FitProgressBar.Run(context, showProgress && entry.IsIterative, $"fit {entry.Name}",
                progress => estimator.Fit(x, data, progress));
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "MaxFeatures")
        {
            // Only the data tells whether a count is too large; say it in the option's name.
            string reason = CliErrors.OneLine(e);
            throw new CliUsageException("--max-features" + reason[(reason.IndexOf("MaxFeatures", StringComparison.Ordinal) + "MaxFeatures".Length)..]);
        }
        var saved = new SavedModel(model, input.ColumnNames, input.TargetName, fitted.Steps);
        string? warning = model is IIterativeModel { Converged: false } iterative
            ? StoppedShort(entry, iterative, fitted.Steps.Any(step => step is StandardScalerModel))
            : null;
        if (saved.Regressor is { } regressor)
        {
            double r2 = RegressionMetrics.R2Score(data.RequireNumericTarget(), regressor.Predict(x));
            return new Result(saved, "R²", r2, warning);
        }
        int[] predicted = saved.Classifier!.PredictClassIndices(x);
        return new Result(saved, "accuracy", ClassificationMetrics.Accuracy(Targets.Classes(data).Indices, predicted), warning);
    }

    /// <summary>Why an iterative model stopped before meeting its tolerance, and what to change.</summary>
    private static string StoppedShort(ModelEntry entry, IIterativeModel model, bool standardized)
    {
        string orStandardize = standardized ? "." : ", or add --standardize.";
        if (model.StopReason == StopReason.LineSearchFailed)
            return $"{entry.Name} stopped after {model.Iterations} iterations before meeting --tol: its line search found no " +
                "better point (the limit of floating-point precision here); the model is the best point found. Loosen --tol" +
                orStandardize;
        string limit = entry.Bind().Options.Any(o => o.Name == "--max-iter") ? "--max-iter" : "--epochs";
        return $"{entry.Name} did not converge in {model.Iterations} iterations; raise {limit}" + orStandardize;
    }
}
