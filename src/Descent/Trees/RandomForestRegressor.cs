using Descent.Numerics;
using Descent.Trees.Criteria;

namespace Descent.Trees;

/// <summary>
/// A random forest of regression trees with the defaults of scikit-learn 1.2's <c>RandomForestRegressor</c>: each of
/// <see cref="TreeCount"/> trees is grown to full depth on a bootstrap sample, searching every feature at each split
/// (<c>max_features = 1.0</c>) in a random order, and the forest predicts the mean of the trees' predictions. Trees
/// are grown in parallel; tree t draws from Rng.Derive(Seed, t), so the forest is the same for any thread count.
/// The default seed is fixed (0).
/// </summary>
public sealed record RandomForestRegressor : IRegressor<RandomForestRegressorModel>
{
    /// <summary>Number of trees (scikit-learn's <c>n_estimators</c>, default 100).</summary>
    public int TreeCount { get; init; } = 100;

    /// <summary>The impurity measure of every tree (default squared error).</summary>
    public IRegressionCriterion Criterion { get; init; } = SplitCriteria.SquaredError;

    /// <summary>The deepest a leaf may be; null (the default) grows each tree until its leaves are pure.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The fewest rows a node needs to be split (default 2).</summary>
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>The fewest rows each child of a split must keep (default 1).</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Features searched at each split (default all).</summary>
    public MaxFeatures MaxFeatures { get; init; } = MaxFeatures.All;

    /// <summary>A split is kept only when its weighted impurity decrease is at least this (default 0).</summary>
    public double MinImpurityDecrease { get; init; }

    /// <summary>Grow each tree on a bootstrap sample (default true); false gives every tree all the rows.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Compute the out-of-bag R² after fitting (default false; needs <see cref="Bootstrap"/>).</summary>
    public bool OobScore { get; init; }

    /// <summary>Seeds the bootstrap samples and feature draws.</summary>
    public long Seed { get; init; }

    /// <summary>Grows the forest on <paramref name="x"/> (n × p, finite) and targets <paramref name="y"/>. Reports progress once per tree (Cost is NaN).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range, or OobScore without Bootstrap.</exception>
    /// <exception cref="InsufficientMemoryException">Growing the trees would need more than <see cref="MemoryBudget"/> (checked before
    /// allocating; a forest also stops once its finished trees pass it).</exception>
    /// <exception cref="DescentDataException">X is empty, X and y differ in length, or X contains NaN, ±Inf or a value too large for float32, or y contains NaN or ±Inf (the message names row and column).</exception>
    public RandomForestRegressorModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(RandomForestRegressor), operation = name + ".Fit";
        ArgumentNullException.ThrowIfNull(x);
        IRegressionCriterion criterion = Criterion ?? throw new ArgumentOutOfRangeException(nameof(Criterion),
            $"{name}: Criterion must be SplitCriteria.SquaredError or another criterion, got null.");
        Check.Parameter(TreeCount >= 1, name, nameof(TreeCount), ">= 1", TreeCount);
        Check.Parameter(Bootstrap || !OobScore, name, nameof(OobScore), "false when Bootstrap is false", OobScore,
            "The out-of-bag score needs rows that a tree did not see.");
        TreeGrowth growth = TreeGrowth.Resolve(name, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures, MinImpurityDecrease, x.Columns);
        DataCheck.Targets(x, y, operation);
        double[] targets = y.ToArray();
        TreeMemory.CheckGrowing(operation, x.Rows, x.Columns, 1, growth, Math.Min(Parallelism.MaxThreads, TreeCount));
        SortedFeatures sorted = SortedFeatures.Build(x, operation);
        ForestTrainer.Result result = ForestTrainer.Grow(operation, TreeCount, Seed, Bootstrap, OobScore, x.Rows, growth,
            () => new RegressionTreeBuilder(sorted, targets, criterion), progress, cancellationToken);
        var model = new RandomForestRegressorModel(result.Trees, criterion.Name, null);
        if (!OobScore)
            return model;
        double oob = OutOfBag.RSquared(model, x, targets, result.OutOfBag!);
        return new RandomForestRegressorModel(result.Trees, criterion.Name, oob);
    }
}
