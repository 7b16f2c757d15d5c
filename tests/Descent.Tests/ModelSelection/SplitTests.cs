using System.Text.Json;
using Descent.ModelSelection;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Tests.Metrics;

namespace Descent.Tests.ModelSelection;

public class SplitTests
{
    private static readonly JsonElement G = Golden.Load("metrics", "model_selection");

    [Fact]
    public void KFold_Unshuffled_EqualsScikitLearn()
    {
        foreach (var c in G.GetProperty("kfold").EnumerateArray())
        {
            var splits = new KFold(c.GetProperty("k").GetInt32()).Split(c.GetProperty("n").GetInt32());
            Assert.Equal(c.GetProperty("test").EnumerateArray().Select(Golden.Ints), splits.Select(s => s.Test));
            Assert.Equal(c.GetProperty("train").EnumerateArray().Select(Golden.Ints), splits.Select(s => s.Train));
        }
    }

    [Fact]
    public void StratifiedKFold_Unshuffled_EqualsScikitLearn_ForAnyLabelType()
    {
        foreach (var c in G.GetProperty("stratified_kfold").EnumerateArray())
        {
            var cv = new StratifiedKFold(c.GetProperty("k").GetInt32());
            var expected = c.GetProperty("test").EnumerateArray().Select(Golden.Ints).ToArray();
            string[] y = Golden.Strings(c.GetProperty("y"));
            Assert.Equal(expected, cv.Split(y).Select(s => s.Test));
            Assert.Equal(expected, cv.Split(y.Length, ClassLabels.FromText(y)).Select(s => s.Test));
        }
    }

    [Fact]
    public void ShuffledFolds_PartitionTheRows_AndDependOnlyOnTheSeed()
    {
        var y = ClassLabels.FromIntegers(Enumerable.Range(0, 47).Select(i => i % 3 == 0 ? 1 : 0).ToArray());
        foreach (ICrossValidator cv in new ICrossValidator[] { new KFold(4) { Shuffle = true, Seed = 3 }, new StratifiedKFold(4) { Shuffle = true, Seed = 3 } })
        {
            var splits = cv.Split(47, y);
            Assert.Equal(Enumerable.Range(0, 47), splits.SelectMany(s => s.Test).Order());
            foreach (var s in splits)
                Assert.Equal(Enumerable.Range(0, 47), s.Train.Concat(s.Test).Order());
            Assert.Equal(splits.Select(s => s.Test), cv.Split(47, y).Select(s => s.Test));
            Assert.NotEqual(Enumerable.Range(0, 12), splits[0].Test);
        }
        var other = new KFold(4) { Shuffle = true, Seed = 4 }.Split(47);
        Assert.NotEqual(new KFold(4) { Shuffle = true, Seed = 3 }.Split(47)[0].Test, other[0].Test);
        // stratified folds keep the class proportions: 16 of class 1 over 4 folds = 4 each
        Assert.All(new StratifiedKFold(4) { Shuffle = true, Seed = 3 }.Split(47, y), s => Assert.Equal(4, s.Test.Count(i => i % 3 == 0)));
    }

    [Fact]
    public void Sizes_FollowScikitLearnsRules()
    {
        foreach (var c in G.GetProperty("split_sizes").EnumerateArray())
        {
            int n = c.GetProperty("n").GetInt32();
            SplitSize? test = Size(c.GetProperty("test_size")), train = Size(c.GetProperty("train_size"));
            var result = c.GetProperty("result");
            if (Golden.IsError(result))
                Golden.Raises(result, () => TrainTestSplit.Sizes(n, test, train));
            else
                Assert.Equal((result.GetProperty("value")[0].GetInt32(), result.GetProperty("value")[1].GetInt32()), TrainTestSplit.Sizes(n, test, train));
        }
    }

    [Fact]
    public void BadSizesAndFolds_RaiseScikitLearnsMessages()
    {
        var e = G.GetProperty("errors");
        Golden.Raises(e.GetProperty("test_too_big"), () => TrainTestSplit.Sizes(10, 10));
        Golden.Raises(e.GetProperty("fraction_one"), () => TrainTestSplit.Sizes(10, 1.0));
        Golden.Raises(e.GetProperty("sum_above_one"), () => TrainTestSplit.Sizes(10, 0.6, 0.6));
        Golden.Raises(e.GetProperty("counts_too_many"), () => TrainTestSplit.Sizes(10, 6, 5));
        Golden.Raises(e.GetProperty("empty_train"), () => TrainTestSplit.Sizes(1, 0.5));
        Golden.Raises(e.GetProperty("stratify_one_member"), () => TrainTestSplit.StratifiedIndices(new[] { 0, 0, 0, 1, 1, 2 }));
        Golden.Raises(e.GetProperty("stratify_test_too_small"), () => TrainTestSplit.StratifiedIndices(new[] { 0, 0, 0, 1, 1, 1, 2, 2, 2 }, 2));
        Golden.Raises(e.GetProperty("kfold_too_many"), () => new KFold(5).Split(3));
        Golden.Raises(e.GetProperty("kfold_one"), () => new KFold(1));
        Golden.Raises(e.GetProperty("stratified_too_many"), () => new StratifiedKFold(3).Split(new[] { 0, 0, 1, 1 }));
    }

    [Fact]
    public void ApproximateMode_AllocatesAsScikitLearn()
    {
        foreach (var c in G.GetProperty("approximate_mode").EnumerateArray())
            Assert.Equal(Golden.Ints(c.GetProperty("result")),
                Sampling.ApproximateMode(Golden.Ints(c.GetProperty("counts")), c.GetProperty("draws").GetInt32(), new Rng(0)));
    }

    [Fact]
    public void Split_IsSeeded_Disjoint_AndStratifiedKeepsProportions()
    {
        var x = Matrix.FromRows(Enumerable.Range(0, 40).Select(i => new double[] { i, -i }).ToArray());
        var labels = ClassLabels.FromText(Enumerable.Range(0, 40).Select(i => i < 28 ? "common" : "rare").ToArray());
        var split = TrainTestSplit.Split(x, labels, testSize: 0.25, seed: 5);
        Assert.Equal(30, split.XTrain.Rows);
        Assert.Equal(10, split.XTest.Rows);
        Assert.Equal(Enumerable.Range(0, 40), split.Indices.Train.Concat(split.Indices.Test).Order());
        Assert.Equal(3, split.YTest.Indices.Count(k => split.YTest.Classes[k].Text == "rare"));   // 12 of 40 rare: 30% of the test set
        for (int r = 0; r < split.XTest.Rows; r++)
            Assert.Equal(split.Indices.Test[r], split.XTest[r, 0]);
        Assert.Equal(split.Indices.Test, TrainTestSplit.Split(x, labels, testSize: 0.25, seed: 5).Indices.Test);
        Assert.NotEqual(split.Indices.Test, TrainTestSplit.Split(x, labels, testSize: 0.25, seed: 6).Indices.Test);
        var y = Enumerable.Range(0, 40).Select(i => i * 0.5).ToArray();
        var plain = TrainTestSplit.Split(x, y, testSize: 7, shuffle: false);
        Assert.Equal(Enumerable.Range(33, 7), plain.Indices.Test);
        Assert.Equal(y[33..], plain.YTest);
    }

    private static SplitSize? Size(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        _ when e.GetRawText().Contains('.') => SplitSize.Fraction(e.GetDouble()),
        _ => SplitSize.Count(e.GetInt32()),
    };
}
