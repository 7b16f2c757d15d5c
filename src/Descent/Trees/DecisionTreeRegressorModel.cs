using Descent.Numerics;

namespace Descent.Trees;

/// <summary>
/// A fitted regression tree: predicts the mean training target of the leaf a row falls into. Immutable and
/// thread-safe; its <see cref="Tree"/> is open for inspection and drawing.
/// </summary>
public sealed class DecisionTreeRegressorModel : IRegressionModel
{
    internal DecisionTreeRegressorModel(Tree tree, string criterion)
    {
        Tree = tree;
        Criterion = criterion;
        FeatureImportances = tree.FeatureImportances();
    }

    /// <summary>The tree: nodes with feature, threshold, impurity (MSE), samples and children; values are node means.</summary>
    public Tree Tree { get; }

    /// <summary>The criterion the tree was grown with ("squared_error").</summary>
    public string Criterion { get; }

    /// <inheritdoc />
    public int FeatureCount => Tree.FeatureCount;

    /// <summary>Mean decrease in impurity per feature, normalised to sum to 1 (scikit-learn's <c>feature_importances_</c>).</summary>
    public IReadOnlyList<double> FeatureImportances { get; }

    /// <summary>The longest root-to-leaf path.</summary>
    public int Depth => Tree.Depth;

    /// <summary>Number of leaves.</summary>
    public int LeafCount => Tree.LeafCount;

    /// <summary>The mean target of each row's leaf.</summary>
    public double[] Predict(Matrix<double> x)
    {
        FeatureRows rows = FeatureRows.From(x, FeatureCount, nameof(DecisionTreeRegressorModel) + ".Predict");
        var leaves = new int[rows.Count];
        Tree.Leaves(rows, 0, leaves);
        var result = new double[rows.Count];
        ReadOnlySpan<double> values = Tree.LeafValues;
        for (int i = 0; i < result.Length; i++)
            result[i] = values[leaves[i]];
        return result;
    }

    /// <summary>The tree as indented if/else rules, exactly as scikit-learn's <c>export_text</c> prints it ("value: [m]" at leaves).</summary>
    public string Explain(IReadOnlyList<string>? featureNames = null, int maxDepth = 10, int decimals = 2) =>
        TreeText.Render(Tree, null, featureNames, maxDepth, decimals, false, nameof(DecisionTreeRegressorModel) + ".Explain");
}
