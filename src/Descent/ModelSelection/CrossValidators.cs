using Descent.Numerics.Random;

namespace Descent.ModelSelection;

/// <summary>A way of splitting n samples into train/test folds (scikit-learn's CV splitters).</summary>
public interface ICrossValidator
{
    /// <summary>The number of splits.</summary>
    int SplitCount { get; }

    /// <summary>The splits of <paramref name="sampleCount"/> samples; <paramref name="labels"/> is the class of each (needed to stratify).</summary>
    IReadOnlyList<TrainTestIndices> Split(int sampleCount, ClassLabels? labels = null);
}

/// <summary>
/// scikit-learn's <c>KFold</c>: k consecutive test folds (the first n mod k folds one sample larger), of the rows in
/// order or, with <see cref="Shuffle"/>, of a seeded permutation; each train set is the other rows, ascending.
/// </summary>
public sealed record KFold : ICrossValidator
{
    /// <summary>k folds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitCount"/> &lt; 2.</exception>
    public KFold(int splitCount = 5)
    {
        if (splitCount < 2)
            throw new ArgumentOutOfRangeException(nameof(splitCount), splitCount,
                $"KFold: k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits={splitCount}.");
        SplitCount = splitCount;
    }

    /// <inheritdoc />
    public int SplitCount { get; }

    /// <summary>Shuffle the rows before cutting folds (default false, as scikit-learn).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Seed of the shuffle.</summary>
    public long Seed { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">More folds than samples.</exception>
    public IReadOnlyList<TrainTestIndices> Split(int sampleCount, ClassLabels? labels = null)
    {
        if (SplitCount > sampleCount)
            throw new ArgumentException(
                $"KFold: Cannot have number of splits n_splits={SplitCount} greater than the number of samples: n_samples={sampleCount}.");
        int[] order = Shuffle ? new Rng(Seed).Permutation(sampleCount) : Enumerable.Range(0, sampleCount).ToArray();
        var splits = new TrainTestIndices[SplitCount];
        int start = 0;
        for (int f = 0; f < SplitCount; f++)
        {
            int size = sampleCount / SplitCount + (f < sampleCount % SplitCount ? 1 : 0);
            int[] test = order[start..(start + size)];
            var inTest = new bool[sampleCount];
            foreach (int row in test)
                inTest[row] = true;
            splits[f] = new TrainTestIndices(Enumerable.Range(0, sampleCount).Where(i => !inTest[i]).ToArray(), test);
            start += size;
        }
        return splits;
    }
}

/// <summary>
/// scikit-learn's <c>StratifiedKFold</c>: folds that keep each class's proportion. Classes are dealt round-robin over
/// the folds in order of first appearance, each class's rows assigned to folds in blocks (shuffled with
/// <see cref="Shuffle"/>); test and train rows ascending. Identical to scikit-learn without shuffling.
/// </summary>
public sealed record StratifiedKFold : ICrossValidator
{
    /// <summary>k folds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitCount"/> &lt; 2.</exception>
    public StratifiedKFold(int splitCount = 5)
    {
        if (splitCount < 2)
            throw new ArgumentOutOfRangeException(nameof(splitCount), splitCount,
                $"StratifiedKFold: k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits={splitCount}.");
        SplitCount = splitCount;
    }

    /// <inheritdoc />
    public int SplitCount { get; }

    /// <summary>Shuffle each class's fold assignment (default false, as scikit-learn).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Seed of the shuffle.</summary>
    public long Seed { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="labels"/> is missing or has a different length, or every class has fewer members than folds.</exception>
    public IReadOnlyList<TrainTestIndices> Split(int sampleCount, ClassLabels? labels = null)
    {
        if (labels is null)
            throw new ArgumentException("StratifiedKFold needs the class of every sample; for a regression target use KFold.", nameof(labels));
        if (labels.Count != sampleCount)
            throw new ArgumentException($"StratifiedKFold: {sampleCount} samples but {labels.Count} labels.", nameof(labels));
        return Split(labels.Indices);
    }

    /// <summary>The folds of samples whose classes are <paramref name="y"/> (any label type).</summary>
    /// <exception cref="ArgumentException">Every class has fewer members than folds.</exception>
    public IReadOnlyList<TrainTestIndices> Split<TLabel>(IReadOnlyList<TLabel> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        int n = y.Count;
        int[][] members = TrainTestSplit.ClassMembers(y);
        // classes in order of first appearance, as scikit-learn encodes them
        members = members.OrderBy(m => m[0]).ToArray();
        int classes = members.Length;
        var counts = members.Select(m => m.Length).ToArray();
        if (counts.All(c => SplitCount > c))
            throw new ArgumentException($"StratifiedKFold: n_splits={SplitCount} cannot be greater than the number of members in each class.", nameof(y));
        // allocation[f, k]: samples of class k in test fold f, dealt round robin over the sorted encoded labels
        var allocation = new int[SplitCount, classes];
        int position = 0;
        for (int k = 0; k < classes; k++)
            for (int i = 0; i < counts[k]; i++, position++)
                allocation[position % SplitCount, k]++;
        var testFold = new int[n];
        var rng = new Rng(Seed);
        for (int k = 0; k < classes; k++)
        {
            var folds = new List<int>(counts[k]);
            for (int f = 0; f < SplitCount; f++)
                for (int c = 0; c < allocation[f, k]; c++)
                    folds.Add(f);
            int[] assignment = folds.ToArray();
            if (Shuffle)
                rng.Shuffle(assignment.AsSpan());
            for (int i = 0; i < members[k].Length; i++)
                testFold[members[k][i]] = assignment[i];
        }
        var splits = new TrainTestIndices[SplitCount];
        for (int f = 0; f < SplitCount; f++)
            splits[f] = new TrainTestIndices(Enumerable.Range(0, n).Where(i => testFold[i] != f).ToArray(),
                Enumerable.Range(0, n).Where(i => testFold[i] == f).ToArray());
        return splits;
    }
}
