using Descent.Numerics;

namespace Descent.ModelSelection;

/// <summary>One candidate of a grid search: its parameters, fold scores, mean, standard deviation and rank (1 = best).</summary>
/// <typeparam name="TParam">The parameters' type.</typeparam>
/// <param name="Parameters">The candidate's parameters.</param>
/// <param name="FoldScores">The validation score on each fold.</param>
/// <param name="MeanScore">Mean of the fold scores (NaN when a fit failed).</param>
/// <param name="StandardDeviation">Population standard deviation of the fold scores.</param>
/// <param name="Rank">1 for the best mean score (ties share the smaller rank; NaN ranks last).</param>
public sealed record GridSearchCandidate<TParam>(TParam Parameters, double[] FoldScores, double MeanScore, double StandardDeviation, int Rank);

/// <summary>The outcome of a grid search: every candidate's scores and the best one, refitted on all the data.</summary>
/// <typeparam name="TParam">The parameters' type.</typeparam>
/// <typeparam name="TModel">The fitted model type.</typeparam>
/// <param name="Candidates">Every candidate, in grid order.</param>
/// <param name="BestIndex">Index of the best candidate (the first on ties).</param>
/// <param name="BestModel">The best candidate fitted on all the data (scikit-learn's refit=True).</param>
/// <param name="Scorer">The scorer's name.</param>
/// <param name="GreaterIsBetter">Whether greater scores are better.</param>
/// <param name="Warnings">Fits that failed (their scores are NaN).</param>
public sealed record GridSearchResult<TParam, TModel>(IReadOnlyList<GridSearchCandidate<TParam>> Candidates, int BestIndex, TModel BestModel,
    string Scorer, bool GreaterIsBetter, IReadOnlyList<string> Warnings)
{
    /// <summary>The best candidate's parameters.</summary>
    public TParam BestParameters => Candidates[BestIndex].Parameters;

    /// <summary>The best candidate's mean validation score.</summary>
    public double BestScore => Candidates[BestIndex].MeanScore;
}

/// <summary>Cartesian products of small lists of hyper-parameter values, the first varying slowest.</summary>
public static class ParameterGrid
{
    /// <summary>Every (a, b) pair.</summary>
    public static (TA, TB)[] Combine<TA, TB>(IEnumerable<TA> first, IEnumerable<TB> second) =>
        first.SelectMany(a => second.Select(b => (a, b))).ToArray();

    /// <summary>Every (a, b, c) triple.</summary>
    public static (TA, TB, TC)[] Combine<TA, TB, TC>(IEnumerable<TA> first, IEnumerable<TB> second, IEnumerable<TC> third) =>
        first.SelectMany(a => second.SelectMany(b => third.Select(c => (a, b, c)))).ToArray();
}

/// <summary>
/// scikit-learn's <c>GridSearchCV</c> with a factory instead of parameter names: cross-validate
/// <c>factory(p)</c> for every candidate p (e.g. from <see cref="ParameterGrid.Combine{TA, TB}"/>), rank by mean
/// validation score (highest, or lowest for an error scorer), and refit the best on all the data. Default scorer:
/// R² / accuracy, as scikit-learn's estimator score.
/// </summary>
public static class GridSearch
{
    /// <summary>Searches regressors.</summary>
    /// <exception cref="ArgumentException">No candidates, X and y lengths differ, or every candidate failed.</exception>
    public static GridSearchResult<TParam, TModel> Run<TParam, TModel>(IReadOnlyList<TParam> candidates, Func<TParam, IRegressor<TModel>> factory,
        Matrix<double> x, IReadOnlyList<double> y, ICrossValidator? cv = null, RegressionScorer? scorer = null, CancellationToken cancellationToken = default)
        where TModel : IRegressionModel
    {
        ArgumentNullException.ThrowIfNull(factory);
        var chosen = scorer ?? RegressionScorer.R2;
        return Run<TParam, TModel>(candidates, p => Problems.Regression(factory(p), x, y, chosen, "GridSearch"), cv ?? new KFold(5), cancellationToken);
    }

    /// <summary>Searches classifiers.</summary>
    /// <exception cref="ArgumentException">No candidates, X and y lengths differ, or every candidate failed.</exception>
    public static GridSearchResult<TParam, TModel> Run<TParam, TModel>(IReadOnlyList<TParam> candidates, Func<TParam, IClassifier<TModel>> factory,
        Matrix<double> x, ClassLabels y, ICrossValidator? cv = null, ClassificationScorer? scorer = null, CancellationToken cancellationToken = default)
        where TModel : IClassificationModel
    {
        ArgumentNullException.ThrowIfNull(factory);
        var chosen = scorer ?? ClassificationScorer.Accuracy;
        return Run<TParam, TModel>(candidates, p => Problems.Classification(factory(p), x, y, chosen, "GridSearch"), cv ?? new StratifiedKFold(5), cancellationToken);
    }

    private static GridSearchResult<TParam, TModel> Run<TParam, TModel>(IReadOnlyList<TParam> candidates, Func<TParam, IFoldProblem> problemOf,
        ICrossValidator cv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
            throw new ArgumentException("GridSearch: the grid is empty; give at least one candidate.", nameof(candidates));
        var problems = candidates.Select(problemOf).ToArray();
        var splits = cv.Split(problems[0].SampleCount, problems[0].Labels);
        int folds = splits.Count;
        var scores = FoldRunner.RunGrid(candidates.Count, folds, (c, f) =>
            FoldRunner.FitAndScore(problems[c], splits[f].Train, splits[f].Test, false, $"candidate {candidates[c]}, fold {f}", cancellationToken));
        bool greater = problems[0].GreaterIsBetter;
        double[][] foldScores = FoldRunner.ByRow(scores, candidates.Count, folds, train: false);
        double[] means = foldScores.Select(FoldRunner.Mean).ToArray();
        // sort key: better first; NaN last
        double Key(int c) => double.IsNaN(means[c]) ? double.PositiveInfinity : greater ? -means[c] : means[c];
        var result = new GridSearchCandidate<TParam>[candidates.Count];
        int best = -1;
        for (int c = 0; c < candidates.Count; c++)
        {
            int rank = 1 + Enumerable.Range(0, candidates.Count).Count(o => Key(o) < Key(c));
            result[c] = new GridSearchCandidate<TParam>(candidates[c], foldScores[c], means[c], FoldRunner.StandardDeviation(foldScores[c]), rank);
            if (rank == 1 && best < 0 && !double.IsNaN(means[c]))
                best = c;
        }
        string[] warnings = FoldRunner.Warnings(scores);
        if (best < 0)
            throw new ArgumentException($"GridSearch: every candidate failed to fit; the first error: {warnings.FirstOrDefault()}");
        var bestModel = (TModel)problems[best].Fit(problems[best].Take(Enumerable.Range(0, problems[best].SampleCount).ToArray()), cancellationToken);
        return new GridSearchResult<TParam, TModel>(result, best, bestModel, problems[0].ScorerName, greater, warnings);
    }
}
