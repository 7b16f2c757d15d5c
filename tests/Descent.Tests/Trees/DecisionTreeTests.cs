using Descent.Numerics;
using Descent.Trees;
using Descent.Trees.Criteria;

namespace Descent.Tests.Trees;

/// <summary>Behaviour of single trees beyond the golden cases: bad input, degenerate data, settings, properties.</summary>
public class DecisionTreeTests
{
    [Fact]
    public void Fit_NaN_NamesRowAndColumn()
    {
        var x = Matrix.FromRows(new[] { new[] { 1.0, 2.0 }, new[] { 3.0, double.NaN }, new[] { 5.0, 6.0 }, new[] { double.PositiveInfinity, 1.0 } });
        var error = Assert.Throws<DescentDataException>(() => new DecisionTreeClassifier().Fit(x, new[] { 0, 1, 0, 1 }));
        Assert.Equal(1, error.Row);
        Assert.Equal(1, error.Column);
        Assert.StartsWith("DecisionTreeClassifier.Fit: X contains NaN at row 1, column 1 (and 1 more non-finite value in column 0).", error.Message);
        Assert.Contains("drop or impute", error.Message);
        Assert.Throws<DescentDataException>(() => new RandomForestRegressor().Fit(x, [1.0, 2.0, 3.0, 4.0]));
    }

    [Fact]
    public void Fit_ValueTooLargeForFloat32_IsRejected()
    {
        var x = Matrix.FromRows(new[] { new[] { 1.0 }, new[] { 1e300 } });
        var error = Assert.Throws<DescentDataException>(() => new DecisionTreeRegressor().Fit(x, [1.0, 2.0]));
        Assert.StartsWith("DecisionTreeRegressor.Fit: X contains 1E+300, which is too large for float32", error.Message);
        Assert.Equal(1, error.Row);
        Assert.Equal(0, error.Column);
    }

    [Fact]
    public void Fit_NaNTarget_NamesRow()
    {
        var x = Matrix.FromRows(new[] { new[] { 1.0 }, new[] { 2.0 }, new[] { 3.0 } });
        var error = Assert.Throws<DescentDataException>(() => new DecisionTreeRegressor().Fit(x, [1.0, 2.0, double.NaN]));
        Assert.Equal("DecisionTreeRegressor.Fit: y contains NaN at row 2. Targets must be finite numbers; drop or impute those rows first.", error.Message);
    }

    [Fact]
    public void Fit_LengthMismatch_AndEmptyX_AreRejected()
    {
        var x = Matrix.FromRows(new[] { new[] { 1.0 }, new[] { 2.0 } });
        var error = Assert.Throws<DescentDataException>(() => new DecisionTreeClassifier().Fit(x, new[] { 0, 1, 1 }));
        Assert.Contains("X has 2 rows but y has 3 values", error.Message);
        var empty = Assert.Throws<DescentDataException>(() => new DecisionTreeRegressor().Fit(new Matrix<double>(0, 3), []));
        Assert.Contains("X has 0 rows (shape 0×3)", empty.Message);
    }

    [Fact]
    public void Predict_WrongColumnCount_IsRejected()
    {
        var (x, y) = TreeTestData.Load("iris");
        var model = new DecisionTreeClassifier { MaxDepth = 2 }.Fit(x, TreeTestData.Classes(y));
        var error = Assert.Throws<DescentDataException>(() => model.Predict(new Matrix<double>(1, 3)));
        Assert.StartsWith("DecisionTreeClassifierModel.Predict: X has 3 columns, but the model was fitted on 4", error.Message);
    }

    [Theory]
    [InlineData(0, 2, 1)]
    [InlineData(null, 1, 1)]
    [InlineData(null, 2, 0)]
    public void Fit_InvalidSettings_AreRejected(int? maxDepth, int minSplit, int minLeaf)
    {
        var x = Matrix.FromRows(new[] { new[] { 1.0 }, new[] { 2.0 } });
        var tree = new DecisionTreeClassifier { MaxDepth = maxDepth, MinSamplesSplit = minSplit, MinSamplesLeaf = minLeaf };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tree.Fit(x, new[] { 0, 1 }));
        Assert.StartsWith("DecisionTreeClassifier: ", error.Message);
    }

    [Fact]
    public void MaxFeatures_ResolvesAsScikitLearn()
    {
        Assert.Equal(4, MaxFeatures.Sqrt.Resolve(20, "t"));
        Assert.Equal(4, MaxFeatures.Log2.Resolve(20, "t"));
        Assert.Equal(1, MaxFeatures.Log2.Resolve(1, "t"));
        Assert.Equal(10, ((MaxFeatures)0.5).Resolve(20, "t"));
        Assert.Equal(1, ((MaxFeatures)0.01).Resolve(20, "t"));
        Assert.Equal(7, ((MaxFeatures)7).Resolve(20, "t"));
        Assert.Equal(20, MaxFeatures.All.Resolve(20, "t"));
        Assert.Equal(20, default(MaxFeatures).Resolve(20, "t"));
        Assert.Equal(MaxFeatures.Sqrt, MaxFeatures.Parse("sqrt"));
        Assert.Equal(MaxFeatures.Count(3), MaxFeatures.Parse("3"));
        Assert.Equal(MaxFeatures.Fraction(0.25), MaxFeatures.Parse("0.25"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxFeatures.Count(21).Resolve(20, "t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxFeatures.Fraction(1.5).Resolve(20, "t"));
        Assert.Throws<FormatException>(() => MaxFeatures.Parse("most"));
    }

    [Fact]
    public void Fit_SingleRow_GivesOneLeaf()
    {
        var x = Matrix.FromRows(new[] { new[] { 1.0, 2.0 } });
        var clf = new DecisionTreeClassifier().Fit(x, new[] { 3 });
        Assert.Equal(1, clf.Tree.NodeCount);
        Assert.Equal(0, clf.Depth);
        Assert.Equal(new Label[] { 3 }, clf.Predict(Matrix.FromRows(new[] { new[] { 9.0, 9.0 } })));
        Assert.Equal(1.0, clf.PredictProbabilities(x)[0, 0]);
        Assert.Equal(new[] { 0.0, 0.0 }, clf.FeatureImportances);
        var reg = new DecisionTreeRegressor().Fit(x, [4.5]);
        Assert.Equal(new[] { 4.5 }, reg.Predict(x));
        Assert.Equal("|--- value: [4.50]\n", reg.Explain());
    }

    [Fact]
    public void Fit_SingleClass_GivesOneLeaf()
    {
        var (x, _) = TreeTestData.Load("iris");
        var labels = ClassLabels.FromText(Enumerable.Repeat("setosa", x.Rows).ToArray());
        var model = new DecisionTreeClassifier().Fit(x, labels);
        Assert.Equal(1, model.Tree.LeafCount);
        Assert.All(model.Predict(x), l => Assert.Equal("setosa", l.Text));
        Assert.Equal("|--- class: setosa\n", model.Explain());
        var forest = new RandomForestClassifier { TreeCount = 3, OobScore = true }.Fit(x, labels);
        Assert.Equal(1.0, forest.OobScore);
    }

    [Fact]
    public void Fit_ConstantFeatures_GiveOneLeaf()
    {
        var x = Matrix.FromRows(Enumerable.Range(0, 10).Select(_ => new[] { 1.0, 5.0 }).ToArray());
        var model = new DecisionTreeRegressor().Fit(x, Enumerable.Range(0, 10).Select(i => (double)i).ToArray());
        Assert.Equal(1, model.Tree.NodeCount);
        Assert.Equal(4.5, model.Predict(x)[0]);
    }

    [Fact]
    public void Fit_ValuesCloserThanFeatureThreshold_AreNotSplit()
    {
        // scikit-learn treats values within 1e-7 as equal; only the gap between 1 and 2 may be split
        // (near 0.1, float32 spacing is 7e-9, so 0.1 and 0.10000005 stay distinct as float32 but are within 1e-7)
        var x = Matrix.FromRows(new[] { new[] { 0.1 }, new[] { 0.10000005 }, new[] { 2.0 }, new[] { 2.0 } });
        var model = new DecisionTreeClassifier().Fit(x, new[] { 0, 1, 0, 1 });
        Assert.NotEqual((float)0.1, (float)0.10000005);
        Assert.Equal(3, model.Tree.NodeCount);
        Assert.Equal((double)(float)0.10000005 / 2 + 1.0, model.Tree.Nodes[0].Threshold);
    }

    [Fact]
    public void Fit_IsDeterministic_AndSeedOnlyBreaksTies()
    {
        var (x, y) = TreeTestData.Load("breast_cancer");
        var a = new DecisionTreeClassifier { Seed = 4 }.Fit(x, TreeTestData.Classes(y));
        var b = new DecisionTreeClassifier { Seed = 4 }.Fit(x, TreeTestData.Classes(y));
        Assert.Equal(a.Tree.Nodes, b.Tree.Nodes);
        var random = new DecisionTreeClassifier { Seed = 4, MaxFeatures = MaxFeatures.Sqrt }.Fit(x, TreeTestData.Classes(y));
        Assert.NotEqual(a.Tree.Nodes, random.Tree.Nodes);
    }

    [Fact]
    public void Tree_NodesAreConsistent()
    {
        var (x, y) = TreeTestData.Load("wine");
        var model = new DecisionTreeClassifier { Criterion = SplitCriteria.Entropy, MinSamplesLeaf = 3 }.Fit(x, TreeTestData.Classes(y));
        Tree tree = model.Tree;
        Assert.Equal(x.Rows, tree.Nodes[0].Samples);
        for (int i = 0; i < tree.NodeCount; i++)
        {
            TreeNode node = tree.Nodes[i];
            ReadOnlySpan<double> value = tree.Value(i);
            Assert.Equal(node.Samples, value[0] + value[1] + value[2]);
            Assert.Equal(Impurity.Entropy(value), node.Impurity, 12);
            Assert.True(node.Samples >= 3);
            if (node.IsLeaf)
                continue;
            Assert.Equal(i, tree.Nodes[node.Left].Parent);
            Assert.Equal(node.Depth + 1, tree.Nodes[node.Right].Depth);
            Assert.Equal(node.Samples, tree.Nodes[node.Left].Samples + tree.Nodes[node.Right].Samples);
        }
        // every training row lands in a leaf whose counts include it
        int[] leaves = tree.Apply(x);
        for (int r = 0; r < x.Rows; r++)
            Assert.True(tree.Value(leaves[r])[(int)y[r]] >= 1.0);
        Assert.Equal(1.0, model.FeatureImportances.Sum(), 12);
    }

    [Fact]
    public void MinImpurityDecrease_UsesTheWeightedDecrease()
    {
        var (x, y) = TreeTestData.Load("iris");
        var model = new DecisionTreeClassifier { MinImpurityDecrease = 0.05 }.Fit(x, TreeTestData.Classes(y));
        Tree tree = model.Tree;
        double n = tree.Nodes[0].WeightedSamples;
        foreach (TreeNode node in tree.Nodes.Where(nd => !nd.IsLeaf))
        {
            TreeNode l = tree.Nodes[node.Left], r = tree.Nodes[node.Right];
            double decrease = node.WeightedSamples / n * (node.Impurity - r.WeightedSamples / node.WeightedSamples * r.Impurity
                - l.WeightedSamples / node.WeightedSamples * l.Impurity);
            Assert.True(decrease >= 0.05 - 1e-12);
        }
        Assert.True(tree.LeafCount < new DecisionTreeClassifier().Fit(x, TreeTestData.Classes(y)).Tree.LeafCount);
    }

    [Fact]
    public void Explain_ValidatesFeatureNames()
    {
        var (x, y) = TreeTestData.Load("iris");
        var model = new DecisionTreeClassifier { MaxDepth = 1 }.Fit(x, TreeTestData.Classes(y));
        var error = Assert.Throws<ArgumentException>(() => model.Explain(["a", "b"]));
        Assert.Contains("2 feature names were given, but the tree has 4 features", error.Message);
        TreeNode root = model.Tree.Nodes[0];
        string name = "abcd"[root.Feature].ToString(), threshold = root.Threshold.ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"|--- {name} <= {threshold}\n|   |--- class: 0\n|--- {name} >  {threshold}\n|   |--- class: 1\n",
            model.Explain(["a", "b", "c", "d"]));
    }
}
