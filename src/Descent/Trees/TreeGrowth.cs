namespace Descent.Trees;

/// <summary>
/// The stopping and sampling rules of one tree, resolved against the data: scikit-learn's max_depth,
/// min_samples_split (already raised to at least 2·min_samples_leaf), min_samples_leaf, max_features (as a count)
/// and min_impurity_decrease.
/// </summary>
internal sealed record TreeGrowth(int MaxDepth, int MinSamplesSplit, int MinSamplesLeaf, int MaxFeatures, double MinImpurityDecrease)
{
    /// <summary>Validates the settings of <paramref name="estimator"/> and resolves them for <paramref name="featureCount"/> features.</summary>
    public static TreeGrowth Resolve(string estimator, int? maxDepth, int minSamplesSplit, int minSamplesLeaf,
        MaxFeatures maxFeatures, double minImpurityDecrease, int featureCount)
    {
        Numerics.Check.Parameter(maxDepth is null or >= 1, estimator, "MaxDepth", ">= 1 (or null for unlimited)", maxDepth);
        Numerics.Check.Parameter(minSamplesSplit >= 2, estimator, "MinSamplesSplit", ">= 2", minSamplesSplit);
        Numerics.Check.Parameter(minSamplesLeaf >= 1, estimator, "MinSamplesLeaf", ">= 1", minSamplesLeaf);
        Numerics.Check.Parameter(minImpurityDecrease >= 0.0 && double.IsFinite(minImpurityDecrease), estimator,
            "MinImpurityDecrease", "a finite number >= 0", minImpurityDecrease);
        int features = maxFeatures.Resolve(featureCount, estimator);
        return new TreeGrowth(maxDepth ?? int.MaxValue, Math.Max(minSamplesSplit, 2 * minSamplesLeaf), minSamplesLeaf,
            features, minImpurityDecrease);
    }
}
