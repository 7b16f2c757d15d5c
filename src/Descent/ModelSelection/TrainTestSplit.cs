using Descent.Metrics;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.ModelSelection;

/// <summary>A regression data set split into a training and a test part.</summary>
/// <param name="XTrain">Training rows of X.</param>
/// <param name="XTest">Test rows of X.</param>
/// <param name="YTrain">Training targets.</param>
/// <param name="YTest">Test targets.</param>
/// <param name="Indices">Which original rows went where.</param>
public sealed record RegressionSplit(Matrix<double> XTrain, Matrix<double> XTest, double[] YTrain, double[] YTest, TrainTestIndices Indices);

/// <summary>A classification data set split into a training and a test part.</summary>
/// <param name="XTrain">Training rows of X.</param>
/// <param name="XTest">Test rows of X.</param>
/// <param name="YTrain">Training labels.</param>
/// <param name="YTest">Test labels.</param>
/// <param name="Indices">Which original rows went where.</param>
public sealed record ClassificationSplit(Matrix<double> XTrain, Matrix<double> XTest, ClassLabels YTrain, ClassLabels YTest, TrainTestIndices Indices);

/// <summary>
/// scikit-learn's <c>train_test_split</c>: sizes as fractions (rounded up for the test set, down for the train set) or
/// counts, default test size 0.25; shuffled with a seed (Descent's own generator, so the rows chosen differ from
/// numpy's but are the same for a seed on every machine), or stratified so that each class keeps its proportion
/// (scikit-learn's StratifiedShuffleSplit allocation).
/// </summary>
public static class TrainTestSplit
{
    /// <summary>Splits X and y.</summary>
    /// <exception cref="ArgumentException">Sizes out of range (scikit-learn's messages) or X and y lengths differ.</exception>
    public static RegressionSplit Split(Matrix<double> x, double[] y, SplitSize? testSize = null, SplitSize? trainSize = null,
        bool shuffle = true, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        SameRows(x, y.Length);
        var indices = Indices(x.Rows, testSize, trainSize, shuffle, seed);
        return new RegressionSplit(Rows.Take(x, indices.Train), Rows.Take(x, indices.Test), Rows.Take(y, indices.Train), Rows.Take(y, indices.Test), indices);
    }

    /// <summary>Splits X and the class labels y, stratified by y unless <paramref name="stratify"/> is false.</summary>
    /// <exception cref="ArgumentException">Sizes out of range, a class with one member when stratifying, or X and y lengths differ.</exception>
    public static ClassificationSplit Split(Matrix<double> x, ClassLabels y, SplitSize? testSize = null, SplitSize? trainSize = null,
        bool stratify = true, bool shuffle = true, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        SameRows(x, y.Count);
        var indices = stratify ? StratifiedIndices(y.Indices, testSize, trainSize, shuffle, seed) : Indices(x.Rows, testSize, trainSize, shuffle, seed);
        return new ClassificationSplit(Rows.Take(x, indices.Train), Rows.Take(x, indices.Test), Rows.TakeLabels(y, indices.Train), Rows.TakeLabels(y, indices.Test), indices);
    }

    /// <summary>Row indices of a (shuffled) split of <paramref name="sampleCount"/> samples.</summary>
    /// <exception cref="ArgumentException">Sizes out of range.</exception>
    public static TrainTestIndices Indices(int sampleCount, SplitSize? testSize = null, SplitSize? trainSize = null, bool shuffle = true, long seed = 0)
    {
        var (nTrain, nTest) = Sizes(sampleCount, testSize, trainSize);
        if (!shuffle)
            return new TrainTestIndices(Enumerable.Range(0, nTrain).ToArray(), Enumerable.Range(nTrain, nTest).ToArray());
        int[] permutation = new Rng(seed).Permutation(sampleCount);
        return new TrainTestIndices(permutation[nTest..(nTest + nTrain)], permutation[..nTest]);
    }

    /// <summary>Row indices of a stratified split: each class (given by <paramref name="classOfRow"/>) in proportion in both parts.</summary>
    /// <exception cref="ArgumentException">Sizes out of range, a class with one member, or fewer train/test rows than classes.</exception>
    public static TrainTestIndices StratifiedIndices<TLabel>(IReadOnlyList<TLabel> classOfRow, SplitSize? testSize = null, SplitSize? trainSize = null,
        bool shuffle = true, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(classOfRow);
        if (!shuffle)
            throw new ArgumentException("TrainTestSplit: Stratified train/test split is not implemented for shuffle=False; shuffle, or do not stratify.",
                nameof(shuffle));
        int n = classOfRow.Count;
        var (nTrain, nTest) = Sizes(n, testSize, trainSize);
        int[][] members = ClassMembers(classOfRow);
        int classes = members.Length;
        var counts = members.Select(m => m.Length).ToArray();
        if (counts.Min() < 2)
            throw new ArgumentException("TrainTestSplit: The least populated class in y has only 1 member, which is too few. " +
                "The minimum number of groups for any class cannot be less than 2.", nameof(classOfRow));
        if (nTrain < classes)
            throw new ArgumentException($"TrainTestSplit: The train_size = {nTrain} should be greater or equal to the number of classes = {classes}", nameof(trainSize));
        if (nTest < classes)
            throw new ArgumentException($"TrainTestSplit: The test_size = {nTest} should be greater or equal to the number of classes = {classes}", nameof(testSize));
        var rng = new Rng(seed);
        int[] trainPerClass = Sampling.ApproximateMode(counts, nTrain, rng);
        int[] testPerClass = Sampling.ApproximateMode(counts.Select((c, k) => c - trainPerClass[k]).ToArray(), nTest, rng);
        var train = new List<int>(nTrain);
        var test = new List<int>(nTest);
        for (int k = 0; k < classes; k++)
        {
            int[] shuffled = (int[])members[k].Clone();
            rng.Shuffle(shuffled.AsSpan());
            train.AddRange(shuffled[..trainPerClass[k]]);
            test.AddRange(shuffled[trainPerClass[k]..(trainPerClass[k] + testPerClass[k])]);
        }
        int[] trainRows = train.ToArray(), testRows = test.ToArray();
        rng.Shuffle(trainRows.AsSpan());
        rng.Shuffle(testRows.AsSpan());
        return new TrainTestIndices(trainRows, testRows);
    }

    /// <summary>scikit-learn's _validate_shuffle_split: (n_train, n_test) from the requested sizes.</summary>
    /// <exception cref="ArgumentException">A size out of range, sizes that add up to more than the samples, or an empty train set.</exception>
    public static (int Train, int Test) Sizes(int sampleCount, SplitSize? testSize = null, SplitSize? trainSize = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        if (testSize is null && trainSize is null)
            testSize = 0.25;
        CheckSize("test_size", testSize, sampleCount);
        CheckSize("train_size", trainSize, sampleCount);
        if (testSize is { IsFraction: true } te && trainSize is { IsFraction: true } tr && te.Value + tr.Value > 1)
            throw new ArgumentException($"TrainTestSplit: The sum of test_size and train_size = {SplitSize.Fraction(te.Value + tr.Value)}, " +
                "should be in the (0, 1) range. Reduce test_size and/or train_size.");
        double nTest = testSize is { } t ? (t.IsFraction ? Math.Ceiling(t.Value * sampleCount) : t.Value) : 0;
        double nTrain = trainSize is { } r ? (r.IsFraction ? Math.Floor(r.Value * sampleCount) : r.Value) : 0;
        if (trainSize is null)
            nTrain = sampleCount - nTest;
        else if (testSize is null)
            nTest = sampleCount - nTrain;
        if (nTrain + nTest > sampleCount)
            throw new ArgumentException($"TrainTestSplit: The sum of train_size and test_size = {(long)(nTrain + nTest)}, should be smaller than the " +
                $"number of samples {sampleCount}. Reduce test_size and/or train_size.");
        if (nTrain == 0)
            throw new ArgumentException($"TrainTestSplit: With n_samples={sampleCount}, test_size={Text(testSize)} and train_size={Text(trainSize)}, " +
                "the resulting train set will be empty. Adjust any of the aforementioned parameters.");
        return ((int)nTrain, (int)nTest);
    }

    /// <summary>The rows of each class, classes in sorted label order, rows ascending.</summary>
    internal static int[][] ClassMembers<TLabel>(IReadOnlyList<TLabel> classOfRow)
    {
        var comparer = LabelFormat.Comparer<TLabel>();
        int[] order = Enumerable.Range(0, classOfRow.Count).ToArray();
        var keys = classOfRow.ToArray();
        Array.Sort(keys, order, comparer);
        var groups = new List<int[]>();
        int start = 0;
        for (int i = 1; i <= keys.Length; i++)
        {
            if (i < keys.Length && comparer.Compare(keys[i], keys[start]) == 0)
                continue;
            int[] rows = order[start..i];
            Array.Sort(rows);
            groups.Add(rows);
            start = i;
        }
        return groups.ToArray();
    }

    private static void CheckSize(string name, SplitSize? size, int n)
    {
        if (size is not { } s)
            return;
        bool bad = s.IsFraction ? s.Value <= 0 || s.Value >= 1 : s.Value >= n || s.Value <= 0;
        if (bad)
            throw new ArgumentOutOfRangeException(name == "test_size" ? "testSize" : "trainSize", s.Value,
                $"TrainTestSplit: {name}={s} should be either positive and smaller than the number of samples {n} or a float in the (0, 1) range");
    }

    private static string Text(SplitSize? size) => size?.ToString() ?? "None";

    private static void SameRows(Matrix<double> x, int yCount)
    {
        if (x.Rows != yCount)
            throw new ArgumentException($"TrainTestSplit: X has {x.Rows} rows but y has {yCount} values; every row of X needs one target.");
    }
}
