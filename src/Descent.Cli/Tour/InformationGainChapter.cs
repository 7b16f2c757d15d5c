using Descent.Data;
using Descent.Plotting.Models;
using Descent.Preprocessing;
using Descent.Trees;
using Descent.Trees.Criteria;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// How a decision tree chooses its question, on Quinlan's play-tennis table: the entropy of the target, the information
/// gain of each attribute, the split with the largest gain (outlook) and, below it, the next splits chosen the same way
/// (humidity on sunny days, wind on rainy ones); then the binary trees grown with entropy and with Gini side by side.
/// </summary>
internal sealed class InformationGainChapter : TourChapter
{
    private static readonly string[] Attributes = ["outlook", "temperature", "humidity", "wind"];

    public override string Key => "information_gain";

    public override string Title => "Entropy and information gain: how a tree chooses its question";

    public override void Run(ChapterWriter chapter)
    {
        // <code gains>
        Table days = Datasets.LoadTable("play_tennis");
        ClassLabels play = days.RequireClassLabels();
        double entropy = Impurity.Entropy(play);                       // H(S), in bits
        double[] gains = Attributes.Select(a => Impurity.InformationGain(play, Values(days, a))).ToArray();   // Gain(S, A)
        // </code>
        int yes = play.Indices.Count(k => play.Classes[k].Text == "yes");
        int best = Array.IndexOf(gains, gains.Max());

        chapter.Paragraph(
            $"J. R. Quinlan's classic table: on {days.Rows} days someone noted the outlook, the temperature, the humidity and " +
            $"the wind, and whether they played tennis ({yes} days yes, {days.Rows - yes} no). A decision tree predicts 'play' by " +
            "asking about one attribute at a time. Which question first? The one that tells the most about the answer, measured " +
            "in bits. The entropy of a set is how uncertain its label is: 0 when every day has the same label, 1 bit for a 50/50 split.");
        chapter.Section.Table(["day", .. Attributes, "play"], Enumerable.Range(0, days.Rows)
            .Select(i => (IReadOnlyList<string>)[Count(i + 1), .. Attributes.Select(a => days[a].Text(i)!), play.Classes[play.Indices[i]].Text]),
            "The play-tennis table (Quinlan 1986; Mitchell, Machine Learning, Table 3.2)");
        chapter.Formula("H(S) = −Σₖ pₖ·log₂ pₖ          Gain(S, A) = H(S) − Σᵥ |Sᵥ|/|S| · H(Sᵥ)");
        chapter.Paragraph(
            $"Here H(S) = −(9/14)·log₂(9/14) − (5/14)·log₂(5/14) = {Fixed(entropy, 3)} bits. Splitting the days by an attribute A " +
            "makes one group Sᵥ per value v; the information gain is how much the entropy falls, the groups' entropies weighted " +
            "by their sizes. Descent computes both:");
        chapter.Code("gains");
        chapter.Figure("information-gain", ModelFigures.InformationGain(days, "Information gain of each attribute about 'play' (14 days)"),
            $"The gain of splitting the {days.Rows} days on each attribute, largest first. Outlook gains {Fixed(gains[best], 3)} of " +
            $"the {Fixed(entropy, 3)} bits (the dashed line, what a split into pure groups would gain), so it is the first question.");

        var groups = days[Attributes[best]] is CategoricalColumn outlook
            ? Enumerable.Range(0, days.Rows).GroupBy(i => outlook[i]!).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray()
            : throw new InvalidOperationException("play_tennis: outlook is read as categories.");
        var rows = new List<IReadOnlyList<string>>();
        var next = new List<string>();
        foreach (var group in groups)
        {
            Table subset = days.Take(group.ToArray());
            ClassLabels labels = subset.RequireClassLabels();
            string[] rest = Attributes.Where((_, j) => j != best).ToArray();
            double[] restGains = rest.Select(a => Impurity.InformationGain(labels, Values(subset, a))).ToArray();
            double h = Impurity.Entropy(labels);
            string question = h == 0 ? "none: pure" : $"{rest[Array.IndexOf(restGains, restGains.Max())]} (gain {Fixed(restGains.Max(), 3)})";
            next.Add(h == 0 ? "" : rest[Array.IndexOf(restGains, restGains.Max())]);
            int groupYes = labels.Indices.Count(k => labels.Classes[k].Text == "yes");
            rows.Add([$"outlook = {group.Key}", Count(subset.Rows), $"{groupYes} / {subset.Rows - groupYes}", Fixed(h, 3), question]);
        }
        chapter.Section.Table(["group", "days", "yes / no", "entropy (bits)", "next question, by largest gain"], rows,
            "The three groups outlook makes, and the question chosen inside each the same way");
        chapter.Notice(
            "the overcast days are all 'yes': a pure group, a leaf. On sunny days humidity then separates the labels perfectly, " +
            "and on rainy days wind does: each of those gains all the group's entropy. Asking, at every node, the question of " +
            "largest gain is Quinlan's ID3 algorithm; it grows a small tree because it removes the most uncertainty first.");

        // <code trees>
        var encoder = new OneHotEncoder().Fit(days);                  // outlook=sunny, outlook=rain, … as 0/1 columns
        var x = encoder.Transform(days).ToMatrix();
        var byEntropy = new DecisionTreeClassifier { Criterion = SplitCriteria.Entropy }.Fit(x, play);
        var byGini = new DecisionTreeClassifier { Criterion = SplitCriteria.Gini }.Fit(x, play);
        // </code>
        var names = encoder.OutputColumns;
        string[] classes = [.. play.Classes.Select(c => c.Text)];
        chapter.Paragraph(
            "Descent's trees, like scikit-learn's, ask only yes/no questions about numbers, so each category becomes a 0/1 column " +
            "(one-hot encoding) and a question reads \"outlook=overcast ≤ 0.5\" (not overcast). The criterion is a setting: " +
            "entropy, or the Gini impurity 1 − Σₖ pₖ², which is cheaper (no logarithm) and behaves much the same.");
        chapter.Code("trees");
        chapter.Figure("tree-entropy", ModelFigures.TreeDiagram(byEntropy, names, classes,
                title: $"Grown with entropy (depth {byEntropy.Depth}, {byEntropy.LeafCount} leaves)"),
            "The tree grown by choosing, at every node, the yes/no question of largest information gain.");
        chapter.Figure("tree-gini", ModelFigures.TreeDiagram(byGini, names, classes,
                title: $"Grown with Gini (depth {byGini.Depth}, {byGini.LeafCount} leaves)"),
            "The tree grown on the same days with the Gini impurity: each node's number is now its Gini impurity, not its entropy.");
        string rootEntropy = ModelFigures.DiagramNodes(byEntropy.Tree, names, classes, byEntropy.Criterion)[0].Split!;
        string rootGini = ModelFigures.DiagramNodes(byGini.Tree, names, classes, byGini.Criterion)[0].Split!;
        bool same = byEntropy.Tree.Nodes.Select(n => (n.Feature, n.Threshold)).SequenceEqual(byGini.Tree.Nodes.Select(n => (n.Feature, n.Threshold)));
        int rightByEntropy = Correct(byEntropy, x, play), rightByGini = Correct(byGini, x, play);
        chapter.Notice(
            $"both trees first ask \"{rootEntropy}\"{(rootEntropy == rootGini ? "" : $" (Gini: \"{rootGini}\")")}: overcast, the pure " +
            $"group, is set apart in one yes/no question. {(same ? "Here the two criteria grow the very same tree; they often do" : "Further down they differ, though rarely by much")}: " +
            "entropy and Gini rise and fall together and seldom disagree on the best question. " +
            (rightByEntropy == days.Rows && rightByGini == days.Rows
                ? $"Both trees classify all {days.Rows} days correctly: "
                : $"They classify {Count(rightByEntropy)} and {Count(rightByGini)} of the {days.Rows} days correctly: ") +
            "grown until their leaves are pure, they memorise so few rows; how well such a tree does on new rows is the next chapter's question.");

        chapter.Metric("dataset", "play_tennis").Metric("rows", days.Rows).Metric("entropy_bits", entropy)
            .Metric("attributes", Attributes).Metric("information_gains", gains).Metric("chosen_split", Attributes[best])
            .Metric("outlook_values", groups.Select(g => g.Key).ToArray()).Metric("next_split", next)
            .Metric("entropy_tree_depth", byEntropy.Depth).Metric("entropy_tree_leaves", byEntropy.LeafCount)
            .Metric("gini_tree_depth", byGini.Depth).Metric("gini_tree_leaves", byGini.LeafCount)
            .Metric("entropy_tree_root", rootEntropy).Metric("gini_tree_root", rootGini);
        chapter.SetSummary("information gain", "play_tennis", "gain of outlook (bits)", Fixed(gains[best], 3));
    }

    private static int Correct(DecisionTreeClassifierModel tree, Numerics.Matrix<double> x, ClassLabels y) =>
        tree.PredictClassIndices(x).Where((k, i) => k == y.Indices[i]).Count();

    private static string[] Values(Table table, string column) =>
        Enumerable.Range(0, table.Rows).Select(i => table[column].Text(i)!).ToArray();
}
