using Descent.Cli.Models;
using System.CommandLine;
using System.Globalization;
using Descent.Cli.Commands;
using Descent.Plotting.Models;
using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.Persistence;
using Descent.Plotting;
using Descent.Preprocessing;
using Descent.Trees;

namespace Descent.Cli.Plots;

/// <summary>
/// <c>descent plot tree</c>: the diagram of a saved tree, or of one tree of a saved forest; <c>descent plot information-gain</c>:
/// the gain of splitting a table on each of its columns, which a tree grown with entropy compares at its root.
/// </summary>
internal static class TreePlots
{
    public static IReadOnlyList<PlotKind> Kinds { get; } =
    [
        new("tree",
            "The diagram of a decision tree: each split, the node's impurity, samples and class counts (or mean value), boxes " +
            "tinted by the majority class. For a forest, the tree given by --tree-index (default 0, the first). Levels below " +
            "--max-depth (default 4) are summarised.\n\nExamples:\n" +
            "  descent fit tree-classifier --data iris --target species --max-depth 3 --out tree.json\n" +
            "  descent plot tree --model tree.json --out tree.svg\n" +
            "  descent fit forest-classifier --data wine --target cultivar --out forest.json\n" +
            "  descent plot tree --model forest.json --tree-index 7 --max-depth 3 --out tree7.svg",
            () =>
            [
                ModelInputs.ModelOption(),
                CommonOptions.Int("--tree-index", "Which tree of a forest to draw, from 0.", 0, min: 0),
                CommonOptions.Int("--max-depth", "The deepest level drawn; deeper subtrees are summarised.", 4, min: 0, max: 64),
            ],
            (p, o) => Draw(p, o)),
        new("information-gain",
            "How much each feature column of --data tells about the class target: its information gain Gain(S, A) = H(S) − " +
            "Σ_v |S_v|/|S|·H(S_v) in bits, largest first, the split a decision tree grown with entropy chooses highlighted, and the " +
            "target's entropy H(S) dashed (the most a split can gain). A categorical column splits into one group per category; " +
            "a numeric column at its best threshold (\"petal_length_cm ≤ 2.45\"). The target defaults to a dataset's last column; " +
            "give --target for a file.\n\nExamples:\n" +
            "  descent plot information-gain --data play_tennis --out gain.svg\n" +
            "  descent plot information-gain --data iris --out iris-gain.svg\n" +
            "  descent plot information-gain --data customers.csv --target churned --features plan,region,tenure --out gain.svg",
            () => [CommonOptions.Data(), CommonOptions.Target(), CommonOptions.Features()],
            (p, o) => Gains(p, o)),
    ];

    private static Figure Gains(ParseResult parse, IReadOnlyList<Option> options)
    {
        string data = parse.GetValue((Option<string>)options[0])!;
        string? target = parse.GetValue((Option<string?>)options[1]);
        if (target is null && File.Exists(data))
            throw new CliUsageException($"plot information-gain needs the class column of '{data}': give --target COL.");
        string[]? features = parse.GetValue((Option<string[]?>)options[2]);
        var table = TableSource.Load(data, new TableReadOptions { Target = target, Features = features is { Length: > 0 } ? features : null });
        if (table.Target is { } numbers && !TrainingPlots.LooksLikeClassLabels(numbers))
            throw new CliUsageException(
                $"plot information-gain measures what the columns tell about a class, but '{table.TargetName}' holds " +
                $"{numbers.Distinct().Count()} distinct numbers, not class labels (text, or at most 20 distinct whole numbers); give --target a class column.");
        return ModelFigures.InformationGain(table);
    }

    private static Figure Draw(ParseResult parse, IReadOnlyList<Option> options)
    {
        var inputs = ModelInputs.Load(parse, options, "tree", null);
        return Diagram(inputs, parse.GetValue((Option<int>)options[1]), parse.GetValue((Option<int>)options[2]));
    }

    /// <summary>True when the model is a tree or a forest.</summary>
    public static bool IsTreeModel(object model) =>
        model is DecisionTreeClassifierModel or DecisionTreeRegressorModel or RandomForestClassifierModel or RandomForestRegressorModel;

    /// <summary>The diagram of the model's tree (of tree <paramref name="index"/> of a forest), <paramref name="maxDepth"/> levels drawn.</summary>
    public static Figure Diagram(ModelInputs inputs, int index, int maxDepth)
    {
        var (tree, criterion, classNames, what) = Select(inputs, index);
        var featureNames = FeatureNames(inputs.Model, tree.FeatureCount);
        var nodes = ModelFigures.DiagramNodes(tree, featureNames, classNames, criterion);
        string title = string.Create(CultureInfo.InvariantCulture,
            $"{what} (depth {tree.Depth}, {tree.LeafCount} leaves{(tree.Depth > maxDepth ? $"; levels below {maxDepth} summarised" : "")})");
        return Plotting.Figures.TreeDiagram(nodes, classNames, maxDepth, title);
    }

    private static (Tree Tree, string Criterion, string[]? ClassNames, string What) Select(ModelInputs inputs, int index)
    {
        int? forestSize = inputs.Model.Model switch
        {
            RandomForestClassifierModel f => f.Trees.Count,
            RandomForestRegressorModel f => f.Trees.Count,
            _ => null,
        };
        if (forestSize is int count && index >= count)
            throw new CliUsageException($"--tree-index {index} is out of range: '{inputs.ModelPath}' is a forest of {count} trees (0 to {count - 1}).");
        if (forestSize is null && index > 0)
            throw new CliUsageException($"--tree-index {index} is out of range: '{inputs.ModelPath}' holds a single tree (index 0); --tree-index chooses a tree of a forest.");
        string[]? classes = inputs.Model.Classifier?.Classes.Select(c => c.Text).ToArray();
        return inputs.Model.Model switch
        {
            DecisionTreeClassifierModel m => (m.Tree, m.Criterion, classes, "Decision tree"),
            DecisionTreeRegressorModel m => (m.Tree, m.Criterion, null, "Regression tree"),
            RandomForestClassifierModel m => (m.Trees[index], m.Criterion, classes, $"Tree {index} of a forest of {m.Trees.Count}"),
            RandomForestRegressorModel m => (m.Trees[index], m.Criterion, null, $"Tree {index} of a forest of {m.Trees.Count}"),
            _ => throw new CliUsageException(
                $"plot tree draws a tree or forest model, but '{inputs.ModelPath}' holds a {inputs.Kind} model; fit one with " +
                "'descent fit tree-classifier ...' (or tree-regressor, forest-classifier, forest-regressor)."),
        };
    }

    /// <summary>
    /// The names of the columns the tree splits on (<see cref="ModelFeatureNames.Of"/>: city=Paris, or after --degree the
    /// monomials' names "a^2", "a b", as scikit-learn's get_feature_names_out).
    /// </summary>
    public static IReadOnlyList<string> FeatureNames(SavedModel model, int count)
    {
        var names = ModelFeatureNames.Of(model);
        if (names.Count == count)
            return names;
        return Enumerable.Range(0, count).Select(j => string.Create(CultureInfo.InvariantCulture, $"column {j}")).ToArray();
    }
}
