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

    /// <summary>The features and targets of <paramref name="rows"/>, copied once for a fit and the scores on them.</summary>
    FoldRows Take(int[] rows);

    object Fit(FoldRows rows, CancellationToken cancellationToken);

    double Score(object model, FoldRows rows);
}

/// <summary>Some rows of a problem's X (a matrix, or a table) and their targets (double[] for regression, <see cref="ClassLabels"/> for classification).</summary>
internal sealed record FoldRows(object X, object Y);

internal sealed class RegressionProblem<TModel>(IRegressor<TModel> estimator, Matrix<double> x, double[] y, RegressionScorer scorer) : IFoldProblem
    where TModel : IRegressionModel
{
    public int SampleCount => x.Rows;

    public ClassLabels? Labels => null;

    public string ScorerName => scorer.Name;

    public bool GreaterIsBetter => scorer.GreaterIsBetter;

    public FoldRows Take(int[] rows) => new(Rows.Take(x, rows), Rows.Take(y, rows));

    public object Fit(FoldRows rows, CancellationToken cancellationToken) =>
        estimator.Fit((Matrix<double>)rows.X, (double[])rows.Y, null, cancellationToken);

    public double Score(object model, FoldRows rows) => scorer.Score((TModel)model, (Matrix<double>)rows.X, (double[])rows.Y);
}

internal sealed class ClassificationProblem<TModel>(IClassifier<TModel> estimator, Matrix<double> x, ClassLabels y, ClassificationScorer scorer) : IFoldProblem
    where TModel : IClassificationModel
{
    public int SampleCount => x.Rows;

    public ClassLabels? Labels => y;

    public string ScorerName => scorer.Name;

    public bool GreaterIsBetter => scorer.GreaterIsBetter;

    public FoldRows Take(int[] rows) => new(Rows.Take(x, rows), Rows.TakeLabels(y, rows));

    public object Fit(FoldRows rows, CancellationToken cancellationToken) =>
        estimator.Fit((Matrix<double>)rows.X, (ClassLabels)rows.Y, null, cancellationToken);

    public double Score(object model, FoldRows rows) => scorer.Score((TModel)model, (Matrix<double>)rows.X, (ClassLabels)rows.Y);
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

    /// <summary>Runs <paramref name="fit"/>(r, f) for every row r (a candidate, value or size) and fold f; result[r·folds + f].</summary>
    public static FoldScore[] RunGrid(int rows, int folds, Func<int, int, FoldScore> fit) =>
        Run(rows * folds, job => fit(job / folds, job % folds));

    /// <summary>The train (or test) scores of a <see cref="RunGrid"/> result: table[r][f].</summary>
    public static double[][] ByRow(FoldScore[] scores, int rows, int folds, bool train)
    {
        var table = new double[rows][];
        for (int r = 0; r < rows; r++)
        {
            table[r] = new double[folds];
            for (int f = 0; f < folds; f++)
                table[r][f] = train ? scores[r * folds + f].Train : scores[r * folds + f].Test;
        }
        return table;
    }

    /// <summary>The warnings of the failed fits, in job order.</summary>
    public static string[] Warnings(FoldScore[] scores) => scores.Where(s => s.Warning is not null).Select(s => s.Warning!).ToArray();

    /// <summary>Fits on <paramref name="train"/> and scores on it and on <paramref name="test"/>, as scikit-learn with
    /// error_score=NaN. The training rows are copied once, for the fit and its score.</summary>
    public static FoldScore FitAndScore(IFoldProblem problem, int[] train, int[] test, bool scoreTrain, string where, CancellationToken cancellationToken)
    {
        try
        {
            var trainRows = problem.Take(train);
            object model = problem.Fit(trainRows, cancellationToken);
            double trainScore = scoreTrain ? problem.Score(model, trainRows) : double.NaN;
            return new FoldScore(trainScore, problem.Score(model, problem.Take(test)), null);
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
