using Descent.Data;
using Descent.Preprocessing;

namespace Descent.ModelSelection;

/// <summary>
/// A pipeline that reads a table, on one table: each fold's rows are taken from the table, the whole pipeline (its
/// ColumnTransformer included) is fitted on the training rows only, and the final model is scored on the held-out
/// rows transformed with what was learned on the training rows.
/// </summary>
internal sealed class TableRegressionProblem<TModel>(RegressionPipeline<TModel> pipeline, Table x, double[] y, RegressionScorer scorer) : IFoldProblem
    where TModel : IRegressionModel
{
    public int SampleCount => x.Rows;

    public ClassLabels? Labels => null;

    public string ScorerName => scorer.Name;

    public bool GreaterIsBetter => scorer.GreaterIsBetter;

    public FoldRows Take(int[] rows) => new(x.Take(rows), Rows.Take(y, rows));

    public object Fit(FoldRows rows, CancellationToken cancellationToken) =>
        pipeline.Fit((Table)rows.X, (double[])rows.Y, null, cancellationToken);

    public double Score(object model, FoldRows rows)
    {
        var fitted = (RegressionPipelineModel<TModel>)model;
        return scorer.Score(fitted.Model, fitted.Preprocessing.Transform((Table)rows.X), (double[])rows.Y);
    }
}

/// <summary>The classification counterpart of <see cref="TableRegressionProblem{TModel}"/>.</summary>
internal sealed class TableClassificationProblem<TModel>(ClassificationPipeline<TModel> pipeline, Table x, ClassLabels y,
    ClassificationScorer scorer) : IFoldProblem
    where TModel : IClassificationModel
{
    public int SampleCount => x.Rows;

    public ClassLabels? Labels => y;

    public string ScorerName => scorer.Name;

    public bool GreaterIsBetter => scorer.GreaterIsBetter;

    public FoldRows Take(int[] rows) => new(x.Take(rows), Rows.TakeLabels(y, rows));

    public object Fit(FoldRows rows, CancellationToken cancellationToken) =>
        pipeline.Fit((Table)rows.X, (ClassLabels)rows.Y, null, cancellationToken);

    public double Score(object model, FoldRows rows)
    {
        var fitted = (ClassificationPipelineModel<TModel>)model;
        return scorer.Score(fitted.Model, fitted.Preprocessing.Transform((Table)rows.X), (ClassLabels)rows.Y);
    }
}
