using Descent.Numerics;
using Descent.Trees.Criteria;

namespace Descent.Trees;

/// <summary>
/// A random forest of classification trees (Breiman 2001) with the defaults of scikit-learn 1.2's
/// <c>RandomForestClassifier</c>: each of <see cref="TreeCount"/> trees is grown to full depth on a bootstrap sample
/// of the rows, searching a random subset of ⌊√p⌋ features at every split, and the forest predicts the class with
/// the largest mean of the trees' leaf class frequencies. Trees are grown in parallel (up to
/// <see cref="Parallelism.MaxThreads"/>); tree t draws from a generator seeded with Rng.Derive(Seed, t), so the
/// forest is the same for any thread count. The default seed is fixed (0).
/// </summary>
public sealed record RandomForestClassifier : IClassifier<RandomForestClassifierModel>
{
    /// <summary>Number of trees (scikit-learn's <c>n_estimators</c>, default 100).</summary>
    public int TreeCount { get; init; } = 100;

    /// <summary>The impurity measure of every tree (default Gini).</summary>
    public IClassificationCriterion Criterion { get; init; } = SplitCriteria.Gini;

    /// <summary>The deepest a leaf may be; null (the default) grows each tree until its leaves are pure.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The fewest rows a node needs to be split (default 2).</summary>
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>The fewest rows each child of a split must keep (default 1).</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Features searched at each split (default ⌊√p⌋).</summary>
    public MaxFeatures MaxFeatures { get; init; } = MaxFeatures.Sqrt;

    /// <summary>A split is kept only when its weighted impurity decrease is at least this (default 0).</summary>
    public double MinImpurityDecrease { get; init; }

    /// <summary>Grow each tree on a bootstrap sample (default true); false gives every tree all the rows.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Compute the out-of-bag accuracy after fitting (default false; needs <see cref="Bootstrap"/>).</summary>
    public bool OobScore { get; init; }

    /// <summary>Seeds the bootstrap samples and feature draws.</summary>
    public long Seed { get; init; }

    /// <summary>Grows the forest on <paramref name="x"/> (n × p, finite) and the class of each row. Reports progress once per tree (Cost is NaN).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range, or OobScore without Bootstrap.</exception>
    /// <exception cref="InsufficientMemoryException">Growing the trees would need more than <see cref="MemoryBudget"/> (checked before
    /// allocating; a forest also stops once its finished trees pass it).</exception>
    /// <exception cref="DescentDataException">X is empty, X and y differ in length, or X contains NaN, ±Inf or a value too large for float32 (the message names row and column).</exception>
    public RandomForestClassifierModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(RandomForestClassifier), operation = name + ".Fit";
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        IClassificationCriterion criterion = Criterion ?? throw new ArgumentOutOfRangeException(nameof(Criterion),
            $"{name}: Criterion must be SplitCriteria.Gini, SplitCriteria.Entropy or another criterion, got null.");
        Check.Parameter(TreeCount >= 1, name, nameof(TreeCount), ">= 1", TreeCount);
        Check.Parameter(Bootstrap || !OobScore, name, nameof(OobScore), "false when Bootstrap is false", OobScore,
            "The out-of-bag score needs rows that a tree did not see.");
        TreeGrowth growth = TreeGrowth.Resolve(name, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures, MinImpurityDecrease, x.Columns);
        DataCheck.TargetCount(x, y.Count, operation);
        DataCheck.ClassCount(y, operation);
        int classCount = y.Classes.Count;
        TreeMemory.CheckGrowing(operation, x.Rows, x.Columns, classCount, growth, Math.Min(Parallelism.MaxThreads, TreeCount));
        SortedFeatures sorted = SortedFeatures.Build(x, operation);
        int[] classOf = y.Indices.ToArray();
        ForestTrainer.Result result = ForestTrainer.Grow(operation, TreeCount, Seed, Bootstrap, OobScore, x.Rows, growth,
            () => new ClassificationTreeBuilder(sorted, classOf, classCount, criterion), progress, cancellationToken);
        var model = new RandomForestClassifierModel(result.Trees, y.Classes.ToArray(), criterion.Name, null);
        if (!OobScore)
            return model;
        double oob = OutOfBag.Accuracy(model, x, classOf, result.OutOfBag!);
        return new RandomForestClassifierModel(result.Trees, y.Classes.ToArray(), criterion.Name, oob);
    }
}
