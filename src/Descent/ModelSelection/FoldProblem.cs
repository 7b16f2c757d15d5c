using System.Runtime.ExceptionServices;
using Descent.Numerics;

namespace Descent.ModelSelection;

/// <summary>One estimator on one data set with one scorer: fit on some rows, score on others (regression or classification).</summary>
internal interface IFoldProblem
{
    int SampleCount { get; }

    ClassLabels? Labels { get; }

    string ScorerName { get; }

    bool GreaterIsBetter { get; }

    object Fit(int[] rows, CancellationToken cancellationToken);

    double Score(object model, int[] rows);
}

internal sealed class RegressionProblem<TModel>(IRegressor<TModel> estimator, Matrix<double> x, double[] y, RegressionScorer scorer) : IFoldProblem
    where TModel : IRegressionModel
{
    public int SampleCount => x.Rows;

    public ClassLabels? Labels => null;

    public string ScorerName => scorer.Name;

    public bool GreaterIsBetter => scorer.GreaterIsBetter;

    public object Fit(int[] rows, CancellationToken cancellationToken) =>
        estimator.Fit(Rows.Take(x, rows), Rows.Take(y, rows), null, cancellationToken);

    public double Score(object model, int[] rows) => scorer.Score((TModel)model, Rows.Take(x, rows), Rows.Take(y, rows));
}

internal sealed class ClassificationProblem<TModel>(IClassifier<TModel> estimator, Matrix<double> x, ClassLabels y, ClassificationScorer scorer) : IFoldProblem
    where TModel : IClassificationModel
{
    public int SampleCount => x.Rows;

    public ClassLabels? Labels => y;

    public string ScorerName => scorer.Name;

    public bool GreaterIsBetter => scorer.GreaterIsBetter;

    public object Fit(int[] rows, CancellationToken cancellationToken) =>
        estimator.Fit(Rows.Take(x, rows), Rows.TakeLabels(y, rows), null, cancellationToken);

    public double Score(object model, int[] rows) => scorer.Score((TModel)model, Rows.Take(x, rows), Rows.TakeLabels(y, rows));
}

/// <summary>The train and test score of one fit; NaN with a warning when the fit or scoring rejected the fold's data.</summary>
internal readonly record struct FoldScore(double Train, double Test, string? Warning);

/// <summary>Runs independent fits in parallel (up to <see cref="Parallelism.MaxThreads"/>), each result in its own slot, so results never depend on the thread count.</summary>
internal static class FoldRunner
{
    public static T[] Run<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        var errors = new Exception?[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Parallelism.MaxThreads) };
        Parallel.For(0, count, options, i =>
        {
            try
            {
                results[i] = work(i);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });
        foreach (var error in errors)
            if (error is not null)
                ExceptionDispatchInfo.Capture(error).Throw();
        return results;
    }

    /// <summary>Fits on <paramref name="train"/> and scores on it and on <paramref name="test"/>, as scikit-learn with error_score=NaN.</summary>
    public static FoldScore FitAndScore(IFoldProblem problem, int[] train, int[] test, bool scoreTrain, string where, CancellationToken cancellationToken)
    {
        try
        {
            object model = problem.Fit(train, cancellationToken);
            return new FoldScore(scoreTrain ? problem.Score(model, train) : double.NaN, problem.Score(model, test), null);
        }
        catch (ArgumentException e)
        {
            return new FoldScore(double.NaN, double.NaN, $"{where}: the fit failed and its score is NaN: {e.Message}");
        }
    }

    public static double Mean(IReadOnlyList<double> values)
    {
        double sum = 0;
        foreach (double v in values)
            sum += v;
        return sum / values.Count;
    }

    /// <summary>Population standard deviation (numpy's std, ddof 0).</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        double mean = Mean(values), sum = 0;
        foreach (double v in values)
            sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / values.Count);
    }
}
