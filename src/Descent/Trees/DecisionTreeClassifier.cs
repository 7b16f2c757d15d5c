using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Trees.Criteria;

namespace Descent.Trees;

/// <summary>
/// A classification tree grown greedily by the best split at each node (CART), with the hyper-parameters, defaults
/// and split search of scikit-learn 1.2's <c>DecisionTreeClassifier</c>: the impurity decrease under
/// <see cref="Criterion"/> (Gini or entropy) chooses among thresholds at midpoints between distinct feature values,
/// features are visited in a random order at every node (so <see cref="Seed"/> decides between equally good splits
/// even when every feature is searched), and a node becomes a leaf when a stopping rule applies or no split
/// decreases the weighted impurity N_t/N·(I - N_R/N_t·I_R - N_L/N_t·I_L) by <see cref="MinImpurityDecrease"/>.
/// Features are compared as float32, as scikit-learn does. Unlike scikit-learn, the default seed is fixed (0), so
/// repeated fits give the same tree.
/// </summary>
public sealed record DecisionTreeClassifier : IClassifier<DecisionTreeClassifierModel>
{
    /// <summary>The impurity measure (scikit-learn's <c>criterion</c>); default Gini.</summary>
    public IClassificationCriterion Criterion { get; init; } = SplitCriteria.Gini;

    /// <summary>The deepest a leaf may be (root = depth 0); null grows until the leaves are pure or too small.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The fewest rows a node needs to be split (default 2).</summary>
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>The fewest rows each child of a split must keep (default 1).</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>How many features are searched at each node (default all).</summary>
    public MaxFeatures MaxFeatures { get; init; } = MaxFeatures.All;

    /// <summary>A split is kept only when its weighted impurity decrease is at least this (default 0).</summary>
    public double MinImpurityDecrease { get; init; }

    /// <summary>Seeds the random order in which features are searched at each node.</summary>
    public long Seed { get; init; }

    /// <summary>Grows the tree on <paramref name="x"/> (n × p, finite) and the class of each row.</summary>
    /// <remarks>A tree is not iterative: <paramref name="progress"/> hears once, when the tree is grown (Cost = the root's
    /// impurity); <paramref name="cancellationToken"/> is checked every 1024 nodes.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    /// <exception cref="InsufficientMemoryException">Growing the trees would need more than <see cref="MemoryBudget"/> (checked before
    /// allocating; a forest also stops once its finished trees pass it).</exception>
    /// <exception cref="DescentDataException">X is empty, X and y differ in length, or X contains NaN, ±Inf or a value too large for float32 (the message names row and column).</exception>
    public DecisionTreeClassifierModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string operation = nameof(DecisionTreeClassifier) + ".Fit";
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        IClassificationCriterion criterion = Criterion ?? throw new ArgumentOutOfRangeException(nameof(Criterion),
            "DecisionTreeClassifier: Criterion must be SplitCriteria.Gini, SplitCriteria.Entropy or another criterion, got null.");
        TreeGrowth growth = TreeGrowth.Resolve(nameof(DecisionTreeClassifier), MaxDepth, MinSamplesSplit, MinSamplesLeaf,
            MaxFeatures, MinImpurityDecrease, x.Columns);
        DataCheck.TargetCount(x, y.Count, operation);
        DataCheck.ClassCount(y, operation);
        TreeMemory.CheckGrowing(operation, x.Rows, x.Columns, y.Classes.Count, growth, 1);
        SortedFeatures sorted = SortedFeatures.Build(x, operation);
        var builder = new ClassificationTreeBuilder(sorted, y.Indices.ToArray(), y.Classes.Count, criterion);
        var weights = new double[x.Rows];
        Array.Fill(weights, 1.0);
        Tree tree = builder.Build(weights, growth, new Rng(Seed), cancellationToken);
        progress?.Report(new FitProgress(1, 1, tree.Impurity[0]));
        return new DecisionTreeClassifierModel(tree, y.Classes.ToArray(), criterion.Name);
    }
}
