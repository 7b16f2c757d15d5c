using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Trees.Criteria;

namespace Descent.Trees;

/// <summary>
/// A regression tree (CART) with the hyper-parameters, defaults and split search of scikit-learn 1.2's
/// <c>DecisionTreeRegressor</c>: each split minimises the children's weighted squared error around their means,
/// thresholds lie at midpoints between distinct feature values, features are visited in a random order at every
/// node (<see cref="Seed"/> breaks ties between equally good splits), and each leaf predicts the mean target of its
/// training rows. Features are compared as float32, as scikit-learn does. The default seed is fixed (0).
/// </summary>
public sealed record DecisionTreeRegressor : IRegressor<DecisionTreeRegressorModel>
{
    /// <summary>The impurity measure (scikit-learn's <c>criterion</c>); default squared error.</summary>
    public IRegressionCriterion Criterion { get; init; } = SplitCriteria.SquaredError;

    /// <summary>The deepest a leaf may be (root = depth 0); null grows until the leaves are pure or too small.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The fewest rows a node needs to be split (default 2).</summary>
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>The fewest rows each child of a split must keep (default 1).</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>How many features are searched at each node (default all).</summary>
    public MaxFeatures MaxFeatures { get; init; } = MaxFeatures.All;

    /// <summary>A split is kept only when its weighted impurity decrease N_t/N·(I - N_R/N_t·I_R - N_L/N_t·I_L) is at least this (default 0).</summary>
    public double MinImpurityDecrease { get; init; }

    /// <summary>Seeds the random order in which features are searched at each node.</summary>
    public long Seed { get; init; }

    /// <summary>Grows the tree on <paramref name="x"/> (n × p, finite) and the targets <paramref name="y"/>.</summary>
    /// <remarks>A tree is not iterative: <paramref name="progress"/> hears once, when the tree is grown (Cost = the root's
    /// impurity); <paramref name="cancellationToken"/> is checked every 1024 nodes.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    /// <exception cref="InsufficientMemoryException">Growing the trees would need more than <see cref="MemoryBudget"/> (checked before
    /// allocating; a forest also stops once its finished trees pass it).</exception>
    /// <exception cref="DescentDataException">X is empty, X and y differ in length, or X contains NaN, ±Inf or a value too large for float32, or y contains NaN or ±Inf (the message names row and column).</exception>
    public DecisionTreeRegressorModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string operation = nameof(DecisionTreeRegressor) + ".Fit";
        ArgumentNullException.ThrowIfNull(x);
        IRegressionCriterion criterion = Criterion ?? throw new ArgumentOutOfRangeException(nameof(Criterion),
            "DecisionTreeRegressor: Criterion must be SplitCriteria.SquaredError or another criterion, got null.");
        TreeGrowth growth = TreeGrowth.Resolve(nameof(DecisionTreeRegressor), MaxDepth, MinSamplesSplit, MinSamplesLeaf,
            MaxFeatures, MinImpurityDecrease, x.Columns);
        DataCheck.Targets(x, y, operation);
        double[] targets = y.ToArray();
        TreeMemory.CheckGrowing(operation, x.Rows, x.Columns, 1, growth, 1);
        SortedFeatures sorted = SortedFeatures.Build(x, operation);
        var builder = new RegressionTreeBuilder(sorted, targets, criterion);
        var weights = new double[x.Rows];
        Array.Fill(weights, 1.0);
        Tree tree = builder.Build(weights, growth, new Rng(Seed), cancellationToken);
        progress?.Report(new FitProgress(1, 1, tree.Impurity[0]));
        return new DecisionTreeRegressorModel(tree, criterion.Name);
    }
}
