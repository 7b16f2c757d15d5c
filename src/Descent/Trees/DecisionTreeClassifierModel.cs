using Descent.Numerics;
using Descent.Numerics.Kernels;

namespace Descent.Trees;

/// <summary>
/// A fitted classification tree: predicts the majority class of the leaf a row falls into, and the leaf's class
/// frequencies as probabilities. Immutable and thread-safe; its <see cref="Tree"/> is open for inspection and drawing.
/// </summary>
public sealed class DecisionTreeClassifierModel : IClassificationModel
{
    private readonly Label[] _classes;

    internal DecisionTreeClassifierModel(Tree tree, Label[] classes, string criterion)
    {
        Tree = tree;
        _classes = classes;
        Criterion = criterion;
        FeatureImportances = tree.FeatureImportances();
    }

    /// <summary>The tree: nodes with feature, threshold, impurity, samples and children; values are weighted class counts.</summary>
    public Tree Tree { get; }

    /// <summary>The criterion the tree was grown with ("gini" or "entropy").</summary>
    public string Criterion { get; }

    /// <inheritdoc />
    public IReadOnlyList<Label> Classes => _classes;

    /// <inheritdoc />
    public int FeatureCount => Tree.FeatureCount;

    /// <summary>Mean decrease in impurity per feature, normalised to sum to 1 (scikit-learn's <c>feature_importances_</c>).</summary>
    public IReadOnlyList<double> FeatureImportances { get; }

    /// <summary>The longest root-to-leaf path.</summary>
    public int Depth => Tree.Depth;

    /// <summary>Number of leaves.</summary>
    public int LeafCount => Tree.LeafCount;

    /// <summary>The predicted class of each row, as written in the training labels.</summary>
    public Label[] Predict(Matrix<double> x)
    {
        int[] indices = PredictClassIndices(x);
        var labels = new Label[indices.Length];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = _classes[indices[i]];
        return labels;
    }

    /// <summary>For each row, the index of the class with the largest weight in its leaf (the first on a tie).</summary>
    public int[] PredictClassIndices(Matrix<double> x)
    {
        FeatureRows rows = FeatureRows.From(x, FeatureCount, nameof(DecisionTreeClassifierModel) + ".Predict");
        int[] result = new int[rows.Count];
        Tree.Leaves(rows, 0, result);
        for (int i = 0; i < result.Length; i++)
            result[i] = SpanStatistics.IndexOfMax(Tree.Value(result[i]));
        return result;
    }

    /// <summary>n × K matrix: P(class k | row) = weight of class k in the row's leaf / the leaf's weight.</summary>
    public Matrix<double> PredictProbabilities(Matrix<double> x)
    {
        FeatureRows rows = FeatureRows.From(x, FeatureCount, nameof(DecisionTreeClassifierModel) + ".PredictProbabilities");
        var leaves = new int[rows.Count];
        Tree.Leaves(rows, 0, leaves);
        var result = new Matrix<double>(rows.Count, _classes.Length);
        for (int i = 0; i < rows.Count; i++)
            TreePredictions.AddProbabilities(Tree.Value(leaves[i]), result.RowSpan(i));
        return result;
    }

    /// <summary>
    /// The tree as indented if/else rules, exactly as scikit-learn's <c>export_text</c> prints it (feature names
    /// default to feature_0, feature_1, …; leaves show the class, and with <paramref name="showWeights"/> the class weights).
    /// </summary>
    public string Explain(IReadOnlyList<string>? featureNames = null, int maxDepth = 10, int decimals = 2, bool showWeights = false) =>
        TreeText.Render(Tree, _classes, featureNames, maxDepth, decimals, showWeights, nameof(DecisionTreeClassifierModel) + ".Explain");
}
