using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.Metrics;
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

    public static Result Fit(CliContext context, bool showProgress, ModelEntry entry, Estimator estimator, Pipeline preprocessing,
        Table table)
    {
        FittedPipeline fitted = preprocessing.FitTransform(table, out var x);
        Dataset data = table.ToDataset(x, Enumerable.Range(0, x.Columns).Select(j => $"x{j}").ToArray());
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
        var saved = new SavedModel(model, table.ColumnNames, table.TargetName, fitted.Steps);
        bool standardized = fitted.Steps.Any(step => step is StandardScalerModel);
        string? warning = NotConverged(model) is int iterations
            ? $"{entry.Name} did not converge in {iterations} iterations; raise --max-iter (or --epochs)" +
              (standardized ? "." : ", or add --standardize.")
            : null;
        if (saved.Regressor is { } regressor)
        {
            double r2 = RegressionMetrics.R2Score(data.RequireNumericTarget(), regressor.Predict(x));
            return new Result(saved, "R²", r2, warning);
        }
        int[] predicted = saved.Classifier!.PredictClassIndices(x);
        return new Result(saved, "accuracy", ClassificationMetrics.Accuracy(Targets.Classes(data).Indices, predicted), warning);
    }

    /// <summary>The iterations run by an iterative model that stopped before meeting its tolerance, or null.</summary>
    private static int? NotConverged(object model) => model switch
    {
        Linear.ElasticNetModel { Converged: false } m => m.Iterations,
        Linear.LogisticRegressionModel { Converged: false } m => m.Iterations,
        Linear.PerceptronModel { Converged: false } m => m.Iterations,
        _ => null,
    };
}
