using System.Globalization;
using Descent.Plotting;
using Descent.Trees;

namespace Descent.Plotting.Models;

/// <summary>
/// Drawing a fitted model: each function reads what a figure needs from a model (or a metric or model-selection
/// result) and draws it with the figures of <see cref="Figures"/>, which know nothing of models.
/// <c>Descent.Plotting.Models</c> is the one part of Plotting that imports the model folders (Linear, Trees,
/// Metrics, ModelSelection); Plotting's core does not import it, so the models and the figures stay independent.
/// </summary>
public static partial class ModelFigures
{
    /// <summary>
    /// A classification tree as a diagram: each split "feature ≤ threshold", the node's impurity, samples, class
    /// counts and majority class; boxes tinted by the majority class, more strongly the purer the node
    /// (scikit-learn's plot_tree colouring: (p₁ − p₂)/(1 − p₂) with p₁, p₂ the two largest class fractions).
    /// </summary>
    /// <param name="model">The fitted tree.</param>
    /// <param name="featureNames">One name per feature the tree was fitted on.</param>
    /// <param name="classNames">A display name per class (default: the labels as written).</param>
    /// <param name="maxDepth">The deepest level drawn; deeper subtrees are summarised.</param>
    /// <param name="title">Figure title (default: "Decision tree (depth d, n leaves)").</param>
    /// <exception cref="ArgumentException">The names do not match the model's features or classes.</exception>
    public static Figure TreeDiagram(DecisionTreeClassifierModel model, IReadOnlyList<string> featureNames,
        IReadOnlyList<string>? classNames = null, int maxDepth = 4, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        classNames ??= model.Classes.Select(c => c.Text).ToArray();
        if (classNames.Count != model.Classes.Count)
            throw new ArgumentException(
                $"ModelFigures.TreeDiagram: {classNames.Count} class names for a model with {model.Classes.Count} classes.", nameof(classNames));
        var nodes = DiagramNodes(model.Tree, featureNames, classNames, model.Criterion);
        return Figures.TreeDiagram(nodes, classNames, maxDepth, title ?? DefaultTreeTitle(model.Tree, maxDepth));
    }

    /// <summary>
    /// A regression tree as a diagram: each split, the node's squared error, samples and mean target (value);
    /// boxes tinted more strongly the larger the value, as scikit-learn's plot_tree does.
    /// </summary>
    /// <exception cref="ArgumentException">The names do not match the model's features.</exception>
    public static Figure TreeDiagram(DecisionTreeRegressorModel model, IReadOnlyList<string> featureNames, int maxDepth = 4,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var nodes = DiagramNodes(model.Tree, featureNames, null, model.Criterion);
        return Figures.TreeDiagram(nodes, null, maxDepth, title ?? DefaultTreeTitle(model.Tree, maxDepth));
    }

    /// <summary>
    /// The neutral description of <paramref name="tree"/>'s nodes (same numbering): the split, then
    /// "criterion = impurity", "samples = n", "value = …" and, for a classifier, "class = majority".
    /// <paramref name="classNames"/> is null for a regression tree.
    /// </summary>
    /// <exception cref="ArgumentException">The names do not match the tree.</exception>
    public static TreeDiagramNode[] DiagramNodes(Tree tree, IReadOnlyList<string> featureNames, IReadOnlyList<string>? classNames,
        string criterion)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(criterion);
        if (featureNames.Count != tree.FeatureCount)
            throw new ArgumentException(
                $"ModelFigures.TreeDiagram: {featureNames.Count} feature names for a tree fitted on {tree.FeatureCount} features.", nameof(featureNames));
        if (classNames is not null && classNames.Count != tree.ValueLength)
            throw new ArgumentException(
                $"ModelFigures.TreeDiagram: {classNames.Count} class names for a tree with {tree.ValueLength} classes.", nameof(classNames));
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        if (classNames is null)
        {
            for (int i = 0; i < tree.NodeCount; i++)
            {
                low = Math.Min(low, tree.Value(i)[0]);
                high = Math.Max(high, tree.Value(i)[0]);
            }
        }
        var nodes = new TreeDiagramNode[tree.NodeCount];
        for (int i = 0; i < nodes.Length; i++)
        {
            TreeNode node = tree.Nodes[i];
            ReadOnlySpan<double> value = tree.Value(i);
            var details = new List<string>
            {
                $"{criterion} = {Short(node.Impurity)}",
                $"samples = {node.Samples.ToString(CultureInfo.InvariantCulture)}",
            };
            int colour;
            double strength;
            if (classNames is null)
            {
                details.Add($"value = {Short(value[0])}");
                colour = 0;
                strength = high > low ? (value[0] - low) / (high - low) : 0.5;
            }
            else
            {
                var counts = new string[value.Length];
                for (int k = 0; k < counts.Length; k++) counts[k] = Short(value[k]);
                details.Add($"value = [{string.Join(", ", counts)}]");
                colour = MajorityAndPurity(value, out strength);
                details.Add($"class = {classNames[colour]}");
            }
            nodes[i] = new TreeDiagramNode
            {
                Split = node.IsLeaf ? null : $"{featureNames[node.Feature]} ≤ {Short(node.Threshold)}",
                Details = details,
                Left = node.Left,
                Right = node.Right,
                ColorIndex = colour,
                Strength = strength,
            };
        }
        return nodes;
    }

    /// <summary>The first largest class and (p₁ − p₂)/(1 − p₂) over the class fractions (1 when p₂ = 1 or one class).</summary>
    private static int MajorityAndPurity(ReadOnlySpan<double> counts, out double purity)
    {
        double total = 0;
        int best = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            total += counts[k];
            if (counts[k] > counts[best]) best = k;
        }
        double second = 0;
        for (int k = 0; k < counts.Length; k++)
            if (k != best) second = Math.Max(second, counts[k]);
        double p1 = total > 0 ? counts[best] / total : 1, p2 = total > 0 ? second / total : 0;
        purity = p2 < 1 ? (p1 - p2) / (1 - p2) : 1;
        return best;
    }

    private static string DefaultTreeTitle(Tree tree, int maxDepth) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Decision tree (depth {tree.Depth}, {tree.LeafCount} leaves{(tree.Depth > maxDepth ? $"; levels below {maxDepth} summarised" : "")})");

    /// <summary>At most three decimals, trailing zeros dropped, a true minus sign: 0.8, 1.575, 755, −2.5.</summary>
    internal static string Short(double value)
    {
        if (!double.IsFinite(value)) return "n/a";
        string text = value.ToString("0.###", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text.Replace('-', '\u2212');
    }
}
