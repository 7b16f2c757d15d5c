using Descent.Metrics;
using Descent.ModelSelection;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.ModelSelection;

[Collection("Parallelism")]
public class CrossValidationTests
{
    /// <summary>y = 3 − 2x + noise on x in [0, 4).</summary>
    private static (Matrix<double> X, double[] Y) Line(int n, long seed)
    {
        var rng = new Rng(seed);
        var x = new Matrix<double>(n, 1);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = 4 * rng.NextDouble();
            y[i] = 3 - 2 * x[i, 0] + 0.5 * rng.NextNormal();
        }
        return (x, y);
    }

    /// <summary>Two Gaussian blobs in 2-D centred at (0, 0) and (d, d), labels "a" and "b".</summary>
    private static (Matrix<double> X, ClassLabels Y) Blobs(int n, double d, long seed)
    {
        var rng = new Rng(seed);
        var x = new Matrix<double>(n, 2);
        var labels = new string[n];
        for (int i = 0; i < n; i++)
        {
            bool b = i % 2 == 1;
            labels[i] = b ? "b" : "a";
            x[i, 0] = (b ? d : 0) + rng.NextNormal();
            x[i, 1] = (b ? d : 0) + rng.NextNormal();
        }
        return (x, ClassLabels.FromText(labels));
    }

    [Fact]
    public void CrossValidate_ScoresEachFoldOnItsHeldOutRows()
    {
        var (x, y) = Line(53, 1);
        var cv = new KFold(4) { Shuffle = true, Seed = 9 };
        var result = CrossValidation.Run(new ShrunkLine(), x, y, cv, RegressionScorer.MeanSquaredError, returnTrainScores: true);
        var splits = cv.Split(53);
        for (int f = 0; f < 4; f++)
        {
            var model = new ShrunkLine().Fit(Rows.Take(x, splits[f].Train), Rows.Take(y, splits[f].Train));
            double expected = RegressionMetrics.MeanSquaredError(Rows.Take(y, splits[f].Test), model.Predict(Rows.Take(x, splits[f].Test)));
            Assert.Equal(expected, result.TestScores[f]);
            Assert.Equal(RegressionMetrics.MeanSquaredError(Rows.Take(y, splits[f].Train), model.Predict(Rows.Take(x, splits[f].Train))), result.TrainScores![f]);
        }
        Assert.Equal(result.TestScores.Average(), result.MeanTestScore, 12);
        Assert.False(result.GreaterIsBetter);
        Assert.Empty(result.Warnings);
        // the default scorer is R², and the folds are KFold(5)
        Assert.All(CrossValidation.Run(new ShrunkLine(), x, y).TestScores, r2 => Assert.InRange(r2, 0.8, 1.0));
    }

    [Fact]
    public void Results_AreIdenticalForOneAndTwoThreads()
    {
        var (x, y) = Line(60, 2);
        var one = ThreadCount.With(1, () => ValidationCurve.Compute([0.0, 1.0, 10.0, 100.0], a => new ShrunkLine(a), x, y));
        var two = ThreadCount.With(2, () => ValidationCurve.Compute([0.0, 1.0, 10.0, 100.0], a => new ShrunkLine(a), x, y));
        Assert.Equal(one.ValidationScores, two.ValidationScores);
        Assert.Equal(one.TrainScores, two.TrainScores);
    }

    [Fact]
    public void LearningCurve_TrainsOnTheFirstRowsOfEachFold_EInRisesAndEOutFalls()
    {
        var (x, y) = Line(100, 3);
        var result = LearningCurve.Compute(new ShrunkLine(), x, y);
        Assert.Equal([8, 26, 44, 62, 80], result.TrainSizes);   // linspace(0.1, 1, 5) × 80, truncated, as scikit-learn
        Assert.Equal("mse", result.Scorer);
        var splits = new KFold(5).Split(100);
        var model = new ShrunkLine().Fit(Rows.Take(x, splits[2].Train[..26]), Rows.Take(y, splits[2].Train[..26]));
        Assert.Equal(RegressionMetrics.MeanSquaredError(Rows.Take(y, splits[2].Test), model.Predict(Rows.Take(x, splits[2].Test))),
            result.ValidationScores[1][2]);
        double[] eIn = result.MeanTrainScores, eOut = result.MeanValidationScores;
        Assert.True(eIn[0] < eIn[^1], $"E_in grows with more data: {string.Join(", ", eIn)}");
        Assert.True(eOut[0] > eOut[^1], $"E_out falls with more data: {string.Join(", ", eOut)}");
        Assert.All(Enumerable.Range(0, 5), s => Assert.True(eIn[s] < eOut[s] + 0.2));
        Assert.Equal([3, 10], LearningCurve.Compute(new ShrunkLine(), x, y, [SplitSize.Count(10), SplitSize.Count(3), SplitSize.Count(10)]).TrainSizes);
        var e = Assert.Throws<ArgumentException>(() => LearningCurve.Compute(new ShrunkLine(), x, y, [0.0, 0.5]));
        Assert.Contains("must be within (0, 1], but is within [0.000000, 0.500000]", e.Message);
    }

    [Fact]
    public void ValidationCurve_StrongerShrinkage_RaisesTheTrainingError()
    {
        var (x, y) = Line(80, 4);
        double[] alphas = [0.0, 10.0, 100.0, 1000.0];
        var result = ValidationCurve.Compute(alphas, a => new ShrunkLine(a), x, y, new KFold(4));
        Assert.Equal(alphas, result.Values);
        double[] train = result.MeanTrainScores;
        for (int v = 1; v < alphas.Length; v++)
            Assert.True(train[v] > train[v - 1], $"training MSE must grow with alpha: {string.Join(", ", train)}");
        var split = new KFold(4).Split(80)[1];
        var model = new ShrunkLine(100).Fit(Rows.Take(x, split.Train), Rows.Take(y, split.Train));
        Assert.Equal(RegressionMetrics.MeanSquaredError(Rows.Take(y, split.Test), model.Predict(Rows.Take(x, split.Test))), result.ValidationScores[2][1]);
        // the bands of a validation curve: numpy's std (ddof 0) of the fold scores
        for (int v = 0; v < alphas.Length; v++)
        {
            Assert.Equal(PopulationStd(result.TrainScores[v]), result.StandardDeviationTrainScores[v], 12);
            Assert.Equal(PopulationStd(result.ValidationScores[v]), result.StandardDeviationValidationScores[v], 12);
        }
        var curve = LearningCurve.Compute(new ShrunkLine(), x, y);
        Assert.Equal(curve.ValidationScores.Select(PopulationStd), curve.StandardDeviationValidationScores);
        var folds = CrossValidation.Run(new ShrunkLine(), x, y, new KFold(4), RegressionScorer.MeanSquaredError, returnTrainScores: true);
        Assert.Equal(folds.TrainScores!.Average(), folds.MeanTrainScore, 12);
        Assert.Equal(PopulationStd(folds.TrainScores!.ToArray()), folds.StandardDeviationTrainScore, 12);
        Assert.True(double.IsNaN(CrossValidation.Run(new ShrunkLine(), x, y).StandardDeviationTrainScore), "no train scores asked for");
    }

    private static double PopulationStd(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }

    [Fact]
    public void GridSearch_PicksTheBestMeanScore_AndRefitsOnAllData()
    {
        var (x, y) = Line(70, 5);
        var grid = ParameterGrid.Combine(new[] { 1000.0, 0.0, 50.0 }, new[] { "unused", "also" });
        var result = GridSearch.Run(grid, p => new ShrunkLine(p.Item1), x, y, new KFold(5), RegressionScorer.MeanSquaredError);
        Assert.Equal(6, result.Candidates.Count);
        Assert.Equal((1000.0, "unused"), result.Candidates[0].Parameters);
        int best = Enumerable.Range(0, 6).MinBy(c => result.Candidates[c].MeanScore);
        Assert.Equal(best, result.BestIndex);
        Assert.Equal(0.0, result.BestParameters.Item1);
        Assert.Equal(result.Candidates[best].MeanScore, result.BestScore);
        Assert.Equal(1, result.Candidates[best].Rank);
        Assert.Equal(1, result.Candidates[best + 1].Rank);        // the same alpha scores the same: a tie shares rank 1
        Assert.Equal(5, result.Candidates[0].Rank);
        Assert.Equal(new ShrunkLine(0).Fit(x, y), result.BestModel);
        // R² (greater is better) picks the same candidate
        Assert.Equal(best, GridSearch.Run(grid, p => new ShrunkLine(p.Item1), x, y, new KFold(5)).BestIndex);
    }

    [Fact]
    public void Classification_StratifiedByDefault_AndAFailedFoldIsNaNWithAWarning()
    {
        var (x, y) = Blobs(60, 6, 6);
        var result = CrossValidation.Run(new NearestCentroid(), x, y);
        Assert.Equal(5, result.TestScores.Count);
        Assert.All(result.TestScores, accuracy => Assert.Equal(1.0, accuracy));
        var auc = CrossValidation.Run(new NearestCentroid(), x, y, new StratifiedKFold(3), ClassificationScorer.RocAuc);
        Assert.All(auc.TestScores, a => Assert.Equal(1.0, a));
        var curve = LearningCurve.Compute(new NearestCentroid(), x, y, [SplitSize.Count(1), SplitSize.Count(48)]);
        Assert.Equal("error", curve.Scorer);
        Assert.All(curve.ValidationScores[0], v => Assert.True(double.IsNaN(v)));          // one training row holds one class: the fit fails
        Assert.Equal(5, curve.Warnings.Count);
        Assert.Contains("a classifier needs at least two", curve.Warnings[0]);
        Assert.All(curve.ValidationScores[1], e => Assert.Equal(0.0, e));
        var search = GridSearch.Run([0.0, 6.0], d => new NearestCentroid(), x, y);
        Assert.Equal(1.0, search.BestScore);
    }

    [Fact]
    public void StratifiedKFold_RefusesARegressionTarget()
    {
        var (x, y) = Line(20, 7);
        var e = Assert.Throws<ArgumentException>(() => CrossValidation.Run(new ShrunkLine(), x, y, new StratifiedKFold(3)));
        Assert.Contains("use KFold", e.Message);
    }
}
