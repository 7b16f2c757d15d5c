using System.Text.Json;
using Descent.Numerics;
using Descent.Trees;
using Descent.Trees.Criteria;

namespace Descent.Tests.Trees;

/// <summary>Trees against scikit-learn 1.2 (tests/reference/trees.py → golden/trees/trees.json).</summary>
public class DecisionTreeGoldenTests
{
    private static readonly JsonElement Cases = TreeTestData.Golden("trees.json").GetProperty("cases");

    public static TheoryData<int, string> CaseIndices() => TreeTestData.CaseIndices(Cases);

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Fit_MatchesScikitLearn(int index, string description)
    {
        JsonElement c = Cases[index];
        var (x, y) = TreeTestData.Load(c.GetProperty("dataset").GetString()!);
        JsonElement p = c.GetProperty("params");
        bool classification = c.GetProperty("task").GetString() == "clf";
        Tree tree;
        double score;
        string text, shortText;
        string[] names = c.GetProperty("feature_names").EnumerateArray().Select(n => n.GetString()!).ToArray();
        if (classification)
        {
            var model = new DecisionTreeClassifier
            {
                Criterion = p.TryGetProperty("criterion", out var cr) ? SplitCriteria.Classification(cr.GetString()!) : SplitCriteria.Gini,
                MaxDepth = Int(p, "max_depth"),
                MinSamplesLeaf = Int(p, "min_samples_leaf") ?? 1,
                MinSamplesSplit = Int(p, "min_samples_split") ?? 2,
                MinImpurityDecrease = p.TryGetProperty("min_impurity_decrease", out var mid) ? mid.GetDouble() : 0.0,
                MaxFeatures = MaxFeaturesOf(p),
            }.Fit(x, TreeTestData.Classes(y));
            tree = model.Tree;
            int[] predicted = model.PredictClassIndices(x);
            score = predicted.Where((k, i) => model.Classes[k].Number == y[i]).Count() / (double)y.Length;
            text = model.Explain(names);
            shortText = model.Explain(maxDepth: 1, decimals: 3, showWeights: true);
            if (c.TryGetProperty("proba_first_rows", out JsonElement proba))
            {
                Matrix<double> ours = model.PredictProbabilities(x.RowRange(0, 10));
                for (int i = 0; i < 10; i++)
                    for (int k = 0; k < ours.Columns; k++)
                        Assert.Equal(proba[i][k].GetDouble(), ours[i, k], 12);
            }
        }
        else
        {
            var model = new DecisionTreeRegressor
            {
                MaxDepth = Int(p, "max_depth"),
                MinSamplesLeaf = Int(p, "min_samples_leaf") ?? 1,
                MinSamplesSplit = Int(p, "min_samples_split") ?? 2,
                MinImpurityDecrease = p.TryGetProperty("min_impurity_decrease", out var mid) ? mid.GetDouble() : 0.0,
                MaxFeatures = MaxFeaturesOf(p),
            }.Fit(x, y);
            tree = model.Tree;
            score = RSquared(y, model.Predict(x));
            text = model.Explain(names);
            shortText = model.Explain(maxDepth: 1, decimals: 3);
            if (c.TryGetProperty("predict_first_rows", out JsonElement expected))
            {
                double[] ours = model.Predict(x.RowRange(0, 10));
                for (int i = 0; i < 10; i++)
                    Assert.Equal(expected[i].GetDouble(), ours[i], 1e-9 * Math.Abs(expected[i].GetDouble()));
            }
        }

        Assert.InRange(score, c.GetProperty("score_min").GetDouble() - 1e-12, c.GetProperty("score_max").GetDouble() + 1e-12);
        if (c.GetProperty("depth").ValueKind == JsonValueKind.Number)
            Assert.Equal(c.GetProperty("depth").GetInt32(), tree.Depth);
        if (c.GetProperty("leaves").ValueKind == JsonValueKind.Number)
            Assert.Equal(c.GetProperty("leaves").GetInt32(), tree.LeafCount);
        foreach (JsonProperty split in c.GetProperty("first_splits").EnumerateObject())
            AssertNode(tree, split.Name, split.Value, description);
        if (c.GetProperty("export_text").ValueKind == JsonValueKind.String)
            Assert.Equal(c.GetProperty("export_text").GetString(), text);
        if (c.GetProperty("export_text_short").ValueKind == JsonValueKind.String)
            Assert.Equal(c.GetProperty("export_text_short").GetString(), shortText);
        if (c.GetProperty("stable").GetBoolean())
            AssertWholeTree(tree, c);
    }

    private static void AssertNode(Tree tree, string path, JsonElement expected, string description)
    {
        int index = 0;
        foreach (char step in path)
        {
            Assert.False(tree.Nodes[index].IsLeaf, $"{description}: node {path} is missing (a leaf above it)");
            index = step == 'L' ? tree.Nodes[index].Left : tree.Nodes[index].Right;
        }
        TreeNode node = tree.Nodes[index];
        Assert.Equal(expected.GetProperty("feature").GetInt32(), node.Feature);
        if (!node.IsLeaf)
            Assert.Equal(expected.GetProperty("threshold").GetDouble(), node.Threshold);
        Assert.Equal(expected.GetProperty("samples").GetInt32(), node.Samples);
        double impurity = expected.GetProperty("impurity").GetDouble();
        Assert.Equal(impurity, node.Impurity, 1e-9 * Math.Max(1.0, Math.Abs(impurity)));
        double[] value = expected.GetProperty("value").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        ReadOnlySpan<double> ours = tree.Value(index);
        for (int k = 0; k < value.Length; k++)
            Assert.Equal(value[k], ours[k], 1e-9 * Math.Max(1.0, Math.Abs(value[k])));
    }

    private static void AssertWholeTree(Tree tree, JsonElement c)
    {
        JsonElement t = c.GetProperty("tree");
        int[] feature = Ints(t, "feature"), left = Ints(t, "left"), right = Ints(t, "right"), samples = Ints(t, "samples");
        Assert.Equal(feature.Length, tree.NodeCount);
        for (int i = 0; i < feature.Length; i++)
        {
            TreeNode node = tree.Nodes[i];
            Assert.Equal(left[i], node.Left);
            Assert.Equal(right[i], node.Right);
            Assert.Equal(samples[i], node.Samples);
            if (left[i] >= 0)
            {
                Assert.Equal(feature[i], node.Feature);
                Assert.Equal(t.GetProperty("threshold")[i].GetDouble(), node.Threshold);
            }
            double impurity = t.GetProperty("impurity")[i].GetDouble();
            Assert.Equal(impurity, node.Impurity, 1e-9 * Math.Max(1.0, Math.Abs(impurity)));
        }
        double[] importances = c.GetProperty("feature_importances").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double[] ours = tree.FeatureImportances();
        for (int f = 0; f < importances.Length; f++)
            Assert.Equal(importances[f], ours[f], 1e-9);
    }

    private static MaxFeatures MaxFeaturesOf(JsonElement p)
    {
        if (!p.TryGetProperty("max_features", out JsonElement m))
            return MaxFeatures.All;
        if (m.ValueKind == JsonValueKind.String)
            return MaxFeatures.Parse(m.GetString()!);
        return m.TryGetInt32(out int count) && !m.GetRawText().Contains('.') ? MaxFeatures.Count(count) : MaxFeatures.Fraction(m.GetDouble());
    }

    private static int? Int(JsonElement p, string name) => p.TryGetProperty(name, out JsonElement v) ? v.GetInt32() : null;

    private static int[] Ints(JsonElement t, string name) => t.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    internal static double RSquared(double[] y, double[] predicted)
    {
        double mean = y.Average(), residual = 0.0, total = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            residual += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return 1.0 - residual / total;
    }
}
