using Descent.Numerics;
using Descent.Trees;

namespace Descent.Tests.Trees;

/// <summary>
/// Trees estimate their memory before they grow (issue 17, item 9): the node bound holds for real trees, and a tree
/// or forest whose class weights would pass the budget is refused before its sorted lists or nodes are allocated.
/// Sizes are taken from this machine's budget, so the refusal is the same everywhere.
/// </summary>
public class TreeMemoryTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 3)]
    [InlineData(4, 1)]
    [InlineData(6, 2)]
    public void MaxNodes_BoundsTheNodesOfRealTrees(int? maxDepth, int minSamplesLeaf)
    {
        var (x, y) = TreeTestData.Load("diabetes");
        var regressor = new DecisionTreeRegressor { MaxDepth = maxDepth, MinSamplesLeaf = minSamplesLeaf };
        Tree tree = regressor.Fit(x, y).Tree;
        TreeGrowth growth = TreeGrowth.Resolve("test", maxDepth, 2, minSamplesLeaf, MaxFeatures.All, 0.0, x.Columns);
        long bound = TreeMemory.MaxNodes(x.Rows, growth);
        Assert.InRange(tree.NodeCount, 1, bound);
        if (maxDepth is null && minSamplesLeaf == 1)
            Assert.True(tree.NodeCount > bound / 2, $"{tree.NodeCount} nodes: the bound {bound} should be close for a full-depth tree");
    }

    /// <summary>n rows with n/2 classes (allowed: not one class per row): a full-depth tree could have 2n nodes of n/2 weights each.</summary>
    private static (Matrix<double> X, ClassLabels Y) ManyClasses(int rows)
    {
        var x = new Matrix<double>(rows, 1);
        var labels = new string[rows];
        for (int i = 0; i < rows; i++)
        {
            x[i, 0] = i;
            labels[i] = "c" + (i % (rows / 2));
        }
        return (x, ClassLabels.FromText(labels));
    }

    [Theory]
    [InlineData("tree")]
    [InlineData("forest")]
    public void ManyClasses_OverTheBudget_AreRefusedBeforeAllocating(string kind)
    {
        // 2n nodes × n/2 classes × 8 bytes, grown and copied: about 16·n² bytes, twice the budget
        int rows = (int)Math.Sqrt(MemoryBudget.Bytes / 8.0);
        var (x, y) = ManyClasses(rows);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InsufficientMemoryException>(() =>
        {
            if (kind == "tree")
                new DecisionTreeClassifier().Fit(x, y);
            else
                new RandomForestClassifier { TreeCount = 3 }.Fit(x, y);
        });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1_000_000, $"{allocated:N0} bytes were allocated before the refusal");
        Assert.Contains(kind == "tree" ? "DecisionTreeClassifier.Fit: growing a tree of up to" : "RandomForestClassifier.Fit: growing a tree of up to",
            error.Message);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"× {rows / 2:N0} class weights"), error.Message);
        Assert.Contains("more than the memory budget of", error.Message);
    }

    [Fact]
    public void Forest_StopsOnceItsFinishedTreesPassTheBudget()
    {
        Assert.Throws<InsufficientMemoryException>(() => TreeMemory.CheckForest("RandomForestRegressor.Fit", MemoryBudget.Bytes + 1, 3, 100));
        TreeMemory.CheckForest("RandomForestRegressor.Fit", MemoryBudget.Bytes, 3, 100);
    }
}
