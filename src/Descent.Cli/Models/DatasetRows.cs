using Descent.Data;
using Descent.ModelSelection;

namespace Descent.Cli.Models;

/// <summary>Row subsets of a <see cref="Dataset"/> (a train or test part), keeping names, target and labels as written.</summary>
internal static class DatasetRows
{
    /// <summary>The rows <paramref name="indices"/> of <paramref name="data"/>, in that order.</summary>
    public static Dataset Take(Dataset data, IReadOnlyList<int> indices)
    {
        double[]? target = data.Target is { } values ? Rows.Take(values, indices) : null;
        string[]? labels = data.TargetLabels is { } texts ? indices.Select(i => texts[i]).ToArray() : null;
        return new Dataset(Rows.Take(data.Features, indices), data.FeatureNames, data.TargetName, target, labels, data.Source);
    }

    /// <summary>
    /// A shuffled split of <paramref name="data"/> with <paramref name="testSize"/> of the rows held out, stratified by
    /// class when <paramref name="stratify"/> (a classifier's target), seeded by <paramref name="seed"/>.
    /// </summary>
    public static (Dataset Train, Dataset Test) Split(Dataset data, double testSize, bool stratify, long seed)
    {
        var indices = SplitIndices(data, testSize, stratify, seed);
        return (Take(data, indices.Train), Take(data, indices.Test));
    }

    /// <summary>The row numbers of a split of <paramref name="table"/>, as <see cref="SplitIndices(Dataset, double, bool, long)"/>.</summary>
    public static TrainTestIndices SplitIndices(Table table, double testSize, bool stratify, long seed) =>
        stratify
            ? TrainTestSplit.StratifiedIndices(Targets.Classes(table).Indices.ToArray(), testSize, seed: seed)
            : TrainTestSplit.Indices(table.Rows, testSize, seed: seed);

    /// <summary>The row numbers of the split <see cref="Split"/> makes (as scikit-learn's train_test_split).</summary>
    public static TrainTestIndices SplitIndices(Dataset data, double testSize, bool stratify, long seed) =>
        stratify
            ? TrainTestSplit.StratifiedIndices(Targets.Classes(data).Indices.ToArray(), testSize, seed: seed)
            : TrainTestSplit.Indices(data.Rows, testSize, seed: seed);
}
