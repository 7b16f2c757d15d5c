using Descent.Numerics;
using Descent.Trees;

namespace Descent.Tests.Trees;

/// <summary>
/// The flat arrays of a fitted tree, read the way an exporter or a learner reads them: depth-first numbering (left
/// child = next node), right children, values by offset; and the rebuilding of children from split/leaf marks.
/// </summary>
public class TreeArraysTests
{
    private static Tree Fitted(string dataset, int? maxDepth = null)
    {
        var (x, y) = TreeTestData.Load(dataset);
        return dataset == "diabetes"
            ? new DecisionTreeRegressor { MaxDepth = maxDepth }.Fit(x, y).Tree
            : new DecisionTreeClassifier { MaxDepth = maxDepth }.Fit(x, TreeTestData.Classes(y)).Tree;
    }

    /// <summary>A walk that uses only the public spans.</summary>
    private static int WalkToLeaf(Tree tree, ReadOnlySpan<double> row)
    {
        int node = 0;
        while (tree.Feature[node] >= 0)
            node = (float)row[tree.Feature[node]] <= tree.Threshold[node] ? node + 1 : tree.RightChild[node];
        return node;
    }

    [Theory]
    [InlineData("iris")]
    [InlineData("wine")]
    [InlineData("diabetes")]
    public void Spans_WalkToTheSameLeavesAsApply(string dataset)
    {
        var (x, _) = TreeTestData.Load(dataset);
        Tree tree = Fitted(dataset);
        int[] leaves = tree.Apply(x);
        for (int r = 0; r < x.Rows; r++)
            Assert.Equal(leaves[r], WalkToLeaf(tree, x.RowSpan(r)));
        Assert.Equal(tree.NodeCount * tree.ValueLength, tree.Values.Length);
        Assert.Equal(tree.Value(leaves[0]).ToArray(), tree.Values.Slice(leaves[0] * tree.ValueLength, tree.ValueLength).ToArray());
    }

    /// <summary>
    /// Wide tables: the features are kept as sbyte below 128 features, short below 32,768 and int above; every width
    /// walks to the leaves the public spans reach, and a saved and reloaded tree keeps its features.
    /// </summary>
    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(32_767)]
    [InlineData(32_768)]
    public void Features_OfEveryWidth_WalkAndSaveTheSame(int featureCount)
    {
        const int rows = 60;
        var rng = new Descent.Numerics.Random.Rng(7);
        var x = new Matrix<double>(rows, featureCount);
        var y = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            // the signal sits in the last features, so the split indices need the full width
            for (int j = featureCount - 4; j < featureCount; j++)
                x[r, j] = rng.NextDouble();
            y[r] = x[r, featureCount - 1] + 2 * x[r, featureCount - 3];
        }
        DecisionTreeRegressorModel fitted = new DecisionTreeRegressor { MaxFeatures = MaxFeatures.Count(4) }.Fit(x, y);
        Tree tree = fitted.Tree;
        Assert.Contains(tree.Feature.ToArray(), f => f >= featureCount - 4);
        int[] leaves = tree.Apply(x);
        for (int r = 0; r < rows; r++)
            Assert.Equal(leaves[r], WalkToLeaf(tree, x.RowSpan(r)));
        string path = Path.Combine(Path.GetTempPath(), $"descent-wide-tree-{Guid.NewGuid():N}.json");
        try
        {
            Descent.Persistence.ModelFile.Save(path, new Descent.Persistence.SavedModel(fitted,
                Enumerable.Range(0, featureCount).Select(j => $"x{j}").ToArray(), "y"));
            var loaded = (DecisionTreeRegressorModel)Descent.Persistence.ModelFile.Load(path).Model;
            Assert.Equal(tree.Feature.ToArray(), loaded.Tree.Feature.ToArray());
            Assert.Equal(fitted.Predict(x), loaded.Predict(x));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Right children are kept as ushort up to 65,535 nodes and as int beyond: a tree on either side of the bound
    /// walks to the leaves the public spans reach, and its right children are -1 exactly at the leaves.
    /// </summary>
    [Theory]
    [InlineData(30_000)]
    [InlineData(40_000)]
    public void RightChildren_OnEitherSideOfTheUshortBound_WalkTheSame(int rows)
    {
        var rng = new Descent.Numerics.Random.Rng(3);
        var x = new Matrix<double>(rows, 2);
        var y = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            x[r, 0] = rng.NextDouble();
            x[r, 1] = rng.NextDouble();
            y[r] = rng.NextDouble(); // noise: a full-depth tree has about 2·rows nodes
        }
        Tree tree = new DecisionTreeRegressor().Fit(x, y).Tree;
        Assert.Equal(rows < 32_768, tree.NodeCount <= ushort.MaxValue);
        int[] leaves = tree.Apply(x);
        for (int r = 0; r < rows; r += 7)
            Assert.Equal(leaves[r], WalkToLeaf(tree, x.RowSpan(r)));
        for (int i = 0; i < tree.NodeCount; i++)
            Assert.Equal(tree.Feature[i] < 0, tree.RightChild[i] < 0);
    }

    [Theory]
    [InlineData("iris")]
    [InlineData("diabetes")]
    public void NodeView_ReadsTheArrays(string dataset)
    {
        Tree tree = Fitted(dataset);
        int leaves = 0, depth = 0;
        for (int i = 0; i < tree.NodeCount; i++)
        {
            TreeNode node = tree.Nodes[i];
            Assert.Equal(tree.Feature[i], node.Feature);
            Assert.Equal(tree.Threshold[i], node.Threshold);
            Assert.Equal(tree.Impurity[i], node.Impurity);
            Assert.Equal(tree.Samples[i], node.Samples);
            Assert.Equal(tree.WeightedSamples[i], node.WeightedSamples);
            Assert.Equal(tree.LeftChild(i), node.Left);
            Assert.Equal(tree.RightChild[i], node.Right);
            Assert.Equal(tree.IsLeaf(i), node.IsLeaf);
            Assert.Equal(node.IsLeaf, double.IsNaN(node.Threshold));
            if (node.IsLeaf)
            {
                leaves++;
                depth = Math.Max(depth, node.Depth);
                continue;
            }
            Assert.Equal(i + 1, node.Left);
            Assert.True(node.Right > node.Left);
            Assert.Equal(i, tree.Nodes[node.Right].Parent);
        }
        Assert.Equal(-1, tree.Nodes[0].Parent);
        Assert.Equal(leaves, tree.LeafCount);
        Assert.Equal(depth, tree.Depth);
        Assert.Equal(2 * leaves - 1, tree.NodeCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Nodes[tree.NodeCount]);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.LeftChild(-1));
    }

    [Theory]
    [InlineData("iris")]
    [InlineData("wine")]
    [InlineData("diabetes")]
    public void RightChildren_AreRebuiltFromTheSplitAndLeafMarks(string dataset)
    {
        Tree tree = Fitted(dataset);
        int[]? right = TreeStructure.RightChildren(tree.Feature, out string? problem);
        Assert.Null(problem);
        Assert.Equal(tree.RightChild.ToArray(), right);
    }

    [Theory]
    [InlineData(new[] { 0 }, "split node 0 has no right subtree")]
    [InlineData(new[] { 0, -1 }, "split node 0 has no right subtree")]
    [InlineData(new[] { -1, -1 }, "the tree is complete after node 0, but 2 nodes are listed")]
    [InlineData(new[] { 0, -1, -1, -1 }, "the tree is complete after node 2, but 4 nodes are listed")]
    [InlineData(new[] { 1, 0, -1, -1 }, "split node 0 has no right subtree")]
    public void RightChildren_RefuseMarksThatAreNotOneTree(int[] feature, string expected)
    {
        Assert.Null(TreeStructure.RightChildren(feature, out string? problem));
        Assert.StartsWith(expected, problem);
    }

    [Fact]
    public void RightChildren_OfASingleLeafAndOfAChain()
    {
        Assert.Equal([-1], TreeStructure.RightChildren([-1], out _)!);
        // split(split(leaf, leaf), leaf): node 0's right child follows node 1's subtree
        Assert.Equal([4, 3, -1, -1, -1], TreeStructure.RightChildren([0, 1, -1, -1, -1], out _)!);
    }

    /// <summary>
    /// A regression tree stores a leaf's value in the leaf's threshold slot and its splits' values apart; the public
    /// spans still show NaN thresholds at leaves and every node's value, which is the mean target of the training rows
    /// that pass through the node (worked out here from the rows' paths).
    /// </summary>
    [Fact]
    public void RegressionTree_StoresEachLeafValueOnce_AndShowsEveryNodesMean()
    {
        var (x, y) = TreeTestData.Load("diabetes");
        Tree tree = Fitted("diabetes");
        var sums = new double[tree.NodeCount];
        var counts = new int[tree.NodeCount];
        for (int r = 0; r < x.Rows; r++)
        {
            int node = 0;
            while (true)
            {
                sums[node] += y[r];
                counts[node]++;
                if (tree.Feature[node] < 0)
                    break;
                node = (float)x[r, tree.Feature[node]] <= tree.Threshold[node] ? node + 1 : tree.RightChild[node];
            }
        }
        for (int i = 0; i < tree.NodeCount; i++)
        {
            bool leaf = tree.IsLeaf(i);
            Assert.Equal(leaf, double.IsNaN(tree.Threshold[i]));
            Assert.Equal(tree.Values[i], tree.Value(i)[0]);
            Assert.Equal(sums[i] / counts[i], tree.Values[i], 1e-9);
            if (leaf)
                Assert.Equal(tree.Values[i], tree.LeafValues[i]);
            else
                Assert.Equal(tree.Threshold[i], tree.LeafValues[i]);
        }
        Assert.Equal(2L * tree.NodeCount - tree.LeafCount, tree.StoredNumbers);
        int[] leaves = tree.Apply(x);
        double[] predicted = new DecisionTreeRegressor().Fit(x, y).Predict(x);
        for (int r = 0; r < x.Rows; r++)
            Assert.Equal(tree.Values[leaves[r]], predicted[r]);
    }

    /// <summary>
    /// A builder's sorted lists hold the rows its trees include: one reused for a tree on a third of the rows, then
    /// on all of them (more than its lists took), grows the same trees as a new builder for each.
    /// </summary>
    [Fact]
    public void Builder_ReusedForATreeOnMoreRows_GrowsTheSameTreeAsANewOne()
    {
        var (x, y) = TreeTestData.Load("diabetes");
        SortedFeatures sorted = SortedFeatures.Build(x, "test");
        TreeGrowth growth = TreeGrowth.Resolve("test", null, 2, 1, MaxFeatures.All, 0.0, x.Columns);
        TreeBuilder New() => new RegressionTreeBuilder(sorted, y, Descent.Trees.Criteria.SplitCriteria.SquaredError);
        double[] third = Enumerable.Range(0, x.Rows).Select(i => i % 3 == 0 ? 2.0 : 0.0).ToArray();
        double[] all = Enumerable.Repeat(1.0, x.Rows).ToArray();
        TreeBuilder reused = New();
        foreach (double[] weights in new[] { third, all })
        {
            Tree grown = reused.Build(weights, growth, new Descent.Numerics.Random.Rng(5), default);
            Tree fresh = New().Build(weights, growth, new Descent.Numerics.Random.Rng(5), default);
            Assert.Equal(fresh.Feature.ToArray(), grown.Feature.ToArray());
            Assert.Equal(fresh.Threshold.ToArray(), grown.Threshold.ToArray());
            Assert.Equal(fresh.Values.ToArray(), grown.Values.ToArray());
        }
        Assert.True(reused.Build(third, growth, new Descent.Numerics.Random.Rng(5), default).NodeCount
            < reused.Build(all, growth, new Descent.Numerics.Random.Rng(5), default).NodeCount);
    }

    [Fact]
    public void ClassificationTree_StoresEveryNodesClassWeights()
    {
        Tree tree = Fitted("iris");
        Assert.Equal((long)tree.NodeCount * (1 + tree.ValueLength), tree.StoredNumbers);
        Assert.Throws<InvalidOperationException>(() => tree.LeafValues.Length);
    }

    [Fact]
    public void ForestTrees_AreTheSameArraysForOneAndTwoThreads()
    {
        var (x, y) = TreeTestData.Load("diabetes");
        var one = ThreadCount.With(1, () => new RandomForestRegressor { TreeCount = 6, Seed = 9 }.Fit(x, y));
        var two = ThreadCount.With(2, () => new RandomForestRegressor { TreeCount = 6, Seed = 9 }.Fit(x, y));
        for (int t = 0; t < 6; t++)
        {
            Assert.Equal(one.Trees[t].Feature.ToArray(), two.Trees[t].Feature.ToArray());
            Assert.Equal(one.Trees[t].Threshold.ToArray(), two.Trees[t].Threshold.ToArray());
            Assert.Equal(one.Trees[t].Values.ToArray(), two.Trees[t].Values.ToArray());
        }
        Assert.Equal(one.Predict(x), two.Predict(x));
    }
}
