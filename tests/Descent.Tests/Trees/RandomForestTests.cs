using System.Text.Json;
using Descent.Numerics;
using Descent.Trees;

namespace Descent.Tests.Trees;

/// <summary>Forests against scikit-learn 1.2 (golden/trees/forests.json) and their own guarantees.</summary>
[Collection("Parallelism")]
public class RandomForestTests
{
    private static readonly JsonElement Cases = TreeTestData.Golden("forests.json").GetProperty("cases");

    public static TheoryData<int, string> CaseIndices() => TreeTestData.CaseIndices(Cases);

    /// <summary>
    /// Mean test score over seeds 0..4 within 1 percentage point of scikit-learn's mean (accuracy), or 0.02 (R², whose
    /// seed-to-seed spread on 111 diabetes test rows is about 0.02); the out-of-bag score likewise.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void TestScore_MatchesScikitLearnOnAverage(int index, string description)
    {
        JsonElement c = Cases[index];
        var data = TreeTestData.Load(c.GetProperty("dataset").GetString()!);
        var (xTrain, yTrain) = TreeTestData.Rows(data, Ints(c, "train"));
        var (xTest, yTest) = TreeTestData.Rows(data, Ints(c, "test"));
        JsonElement p = c.GetProperty("params");
        int? maxDepth = p.TryGetProperty("max_depth", out var md) ? md.GetInt32() : null;
        int minLeaf = p.TryGetProperty("min_samples_leaf", out var ml) ? ml.GetInt32() : 1;
        bool classification = c.GetProperty("task").GetString() == "clf";
        double scoreSum = 0.0, oobSum = 0.0;
        for (int seed = 0; seed < 5; seed++)
        {
            if (classification)
            {
                var model = new RandomForestClassifier { Seed = seed, OobScore = true, MaxDepth = maxDepth, MinSamplesLeaf = minLeaf }
                    .Fit(xTrain, TreeTestData.Classes(yTrain));
                Label[] predicted = model.Predict(xTest);
                scoreSum += predicted.Where((label, i) => label.Number == yTest[i]).Count() / (double)yTest.Length;
                oobSum += model.OobScore!.Value;
            }
            else
            {
                var model = new RandomForestRegressor { Seed = seed, OobScore = true, MaxDepth = maxDepth, MinSamplesLeaf = minLeaf }
                    .Fit(xTrain, yTrain);
                scoreSum += DecisionTreeGoldenTests.RSquared(yTest, model.Predict(xTest));
                oobSum += model.OobScore!.Value;
            }
        }
        double tolerance = classification ? 0.01 : 0.02;
        double expected = c.GetProperty("mean_score").GetDouble();
        Assert.True(Math.Abs(scoreSum / 5 - expected) <= tolerance, $"{description}: mean test score {scoreSum / 5} vs scikit-learn's {expected} ± {tolerance}");
        Assert.InRange(oobSum / 5, c.GetProperty("mean_oob_score").GetDouble() - 2 * tolerance,
            c.GetProperty("mean_oob_score").GetDouble() + 2 * tolerance);
    }

    [Fact]
    public void Fit_IsIdenticalForOneAndTwoThreads()
    {
        var (x, y) = TreeTestData.Load("wine");
        var one = ThreadCount.With(1, () => new RandomForestClassifier { TreeCount = 12, Seed = 7 }.Fit(x, TreeTestData.Classes(y)));
        var two = ThreadCount.With(2, () => new RandomForestClassifier { TreeCount = 12, Seed = 7 }.Fit(x, TreeTestData.Classes(y)));
        for (int t = 0; t < 12; t++)
            Assert.Equal(one.Trees[t].Nodes, two.Trees[t].Nodes);
        Assert.Equal(one.PredictProbabilities(x).ToArray(), two.PredictProbabilities(x).ToArray());
    }

    [Fact]
    public void Fit_DifferentSeedsGiveDifferentForests()
    {
        var (x, y) = TreeTestData.Load("wine");
        var a = new RandomForestClassifier { TreeCount = 5, Seed = 1 }.Fit(x, TreeTestData.Classes(y));
        var b = new RandomForestClassifier { TreeCount = 5, Seed = 2 }.Fit(x, TreeTestData.Classes(y));
        Assert.NotEqual(a.Trees[0].Nodes, b.Trees[0].Nodes);
    }

    [Fact]
    public void PredictProbabilities_IsTheMeanOfTheTrees()
    {
        var (x, y) = TreeTestData.Load("iris");
        var model = new RandomForestClassifier { TreeCount = 9, Seed = 3 }.Fit(x, TreeTestData.Classes(y));
        Matrix<double> proba = model.PredictProbabilities(x);
        int[] leafCounts = new int[3];
        for (int i = 0; i < x.Rows; i += 7)
        {
            var expected = new double[3];
            foreach (Tree tree in model.Trees)
            {
                ReadOnlySpan<double> leaf = tree.Value(tree.Apply(x.RowRange(i, 1))[0]);
                double total = leaf[0] + leaf[1] + leaf[2];
                for (int k = 0; k < 3; k++)
                    expected[k] += leaf[k] / total / model.Trees.Count;
            }
            for (int k = 0; k < 3; k++)
                Assert.Equal(expected[k], proba[i, k], 12);
            Assert.Equal(1.0, proba[i, 0] + proba[i, 1] + proba[i, 2], 12);
        }
    }

    /// <summary>
    /// A forest converts the rows it predicts a chunk of 1,024 at a time: 2,500 rows (three chunks, the last one short),
    /// read through a view of a larger matrix, get the mean of the trees' leaf values, and a value too large for
    /// float32 is refused naming its row and column as before.
    /// </summary>
    [Fact]
    public void Predict_ChunkByChunk_IsTheMeanOfTheTreesLeaves()
    {
        var data = Descent.Data.Generators.MakeRegression(2600, 5, informative: 3, noise: 5.0, seed: 8);
        var model = new RandomForestRegressor { TreeCount = 3, MaxDepth = 6 }.Fit(data.Features, data.RequireNumericTarget());
        Matrix<double> rows = data.Features.RowRange(50, 2500);
        double[] predicted = model.Predict(rows);
        var expected = new double[rows.Rows];
        foreach (Tree tree in model.Trees)
        {
            int[] leaves = tree.Apply(rows);
            for (int i = 0; i < rows.Rows; i++)
                expected[i] += tree.Values[leaves[i]] / model.Trees.Count;
        }
        for (int i = 0; i < rows.Rows; i++)
            Assert.Equal(expected[i], predicted[i], 1e-9);

        Matrix<double> bad = rows.Copy();
        bad[1500, 2] = 1e300;
        var error = Assert.Throws<DescentDataException>(() => model.Predict(bad));
        Assert.Contains("too large for float32 (trees compare features as float32, as scikit-learn's do) at row 1500, column 2", error.Message);
    }

    [Fact]
    public void WithoutBootstrap_EveryTreeIsTheDecisionTree()
    {
        // diabetes, max_depth 3 has no tied splits (golden "stable"), so the random feature order cannot matter
        var (x, y) = TreeTestData.Load("diabetes");
        Tree single = new DecisionTreeRegressor { MaxDepth = 3 }.Fit(x, y).Tree;
        var forest = new RandomForestRegressor { TreeCount = 4, MaxDepth = 3, Bootstrap = false, Seed = 5 }.Fit(x, y);
        foreach (Tree tree in forest.Trees)
        {
            Assert.Equal(single.NodeCount, tree.NodeCount);
            for (int i = 0; i < single.NodeCount; i++)
            {
                Assert.Equal(single.Nodes[i].Feature, tree.Nodes[i].Feature);
                Assert.Equal(single.Nodes[i].Threshold, tree.Nodes[i].Threshold);
                Assert.Equal(single.Nodes[i].Samples, tree.Nodes[i].Samples);
            }
        }
    }

    [Fact]
    public void Bootstrap_WeightsCountDraws_AndLeavesOutUnsampledRows()
    {
        var (x, y) = TreeTestData.Load("breast_cancer");
        var forest = new RandomForestClassifier { TreeCount = 3, Seed = 11 }.Fit(x, TreeTestData.Classes(y));
        foreach (Tree tree in forest.Trees)
        {
            Assert.Equal(x.Rows, tree.Nodes[0].WeightedSamples);       // n draws with replacement
            Assert.InRange(tree.Nodes[0].Samples, 0.55 * x.Rows, 0.71 * x.Rows); // about 1 - 1/e distinct rows
        }
    }

    [Fact]
    public void FeatureImportances_SumToOne()
    {
        var (x, y) = TreeTestData.Load("diabetes");
        var forest = new RandomForestRegressor { TreeCount = 10, MaxDepth = 4 }.Fit(x, y);
        Assert.Equal(1.0, forest.FeatureImportances.Sum(), 12);
        Assert.All(forest.FeatureImportances, v => Assert.True(v >= 0.0));
    }

    [Fact]
    public void Fit_RejectsOobScoreWithoutBootstrap()
    {
        var (x, y) = TreeTestData.Load("iris");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new RandomForestClassifier { Bootstrap = false, OobScore = true }.Fit(x, TreeTestData.Classes(y)));
        Assert.Contains("OobScore must be false when Bootstrap is false", error.Message);
    }

    [Fact]
    public void Fit_ReportsEveryTree_AndHonoursCancellation()
    {
        var (x, y) = TreeTestData.Load("iris");
        var reports = new List<FitProgress>();
        var progress = new SynchronousProgress(reports);
        new RandomForestClassifier { TreeCount = 6 }.Fit(x, TreeTestData.Classes(y), progress);
        Assert.Equal(Enumerable.Range(1, 6), reports.Select(r => r.Iteration).Order());
        Assert.All(reports, r => Assert.Equal(6, r.MaxIterations));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new RandomForestClassifier { TreeCount = 6 }.Fit(x, TreeTestData.Classes(y), cancellationToken: cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new DecisionTreeRegressor().Fit(x, y, cancellationToken: cancelled.Token));
    }

    private sealed class SynchronousProgress(List<FitProgress> reports) : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
            lock (reports)
                reports.Add(value);
        }
    }

    private static int[] Ints(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
}
