using System.Globalization;
using System.Numerics;

namespace Descent.Trees;

/// <summary>
/// What growing trees allocates, checked against <see cref="MemoryBudget"/> before it is allocated. A tree on n rows
/// has at most L = min(⌊n / min_samples_leaf⌋, 2^max_depth) leaves and 2L − 1 nodes. While it grows, each node takes
/// its value (one double per class, or one) and 36 bytes more (feature, threshold, right child, impurity, samples,
/// weight) in arrays that double, so up to the next power of two of nodes; the finished tree copies the nodes again
/// (value and about 16 bytes). Each worker also keeps its own copy of the sorted feature lists (n × p entries of
/// 8 bytes), and one more copy is shared. A forest keeps every finished tree, so it also adds up the nodes of the
/// trees it has grown (<see cref="FinishedBytes"/>) and stops when they pass the budget.
/// </summary>
internal static class TreeMemory
{
    private const double GrowingBytesPerNode = 36, FinishedBytesPerNode = 16, SortedEntryBytes = 8;

    /// <summary>The most nodes a tree on <paramref name="rows"/> rows can have under <paramref name="growth"/>.</summary>
    public static long MaxNodes(int rows, TreeGrowth growth)
    {
        long leaves = Math.Max(1, rows / growth.MinSamplesLeaf);
        if (growth.MaxDepth < 62)
            leaves = Math.Min(leaves, 1L << growth.MaxDepth);
        return 2 * leaves - 1;
    }

    /// <summary>
    /// Refuses, before anything is sorted or grown, trees whose builders (one per worker) would need more than the
    /// budget: the node arrays of the largest possible tree and the sorted lists, on each of <paramref name="workers"/>.
    /// </summary>
    /// <exception cref="InsufficientMemoryException">Over budget; the message names the size and what to change.</exception>
    public static void CheckGrowing(string operation, int rows, int features, int valueLength, TreeGrowth growth, int workers)
    {
        long nodes = MaxNodes(rows, growth);
        double capacity = BitOperations.RoundUpToPowerOf2((ulong)nodes);
        double tree = capacity * (GrowingBytesPerNode + 8.0 * valueLength) + nodes * (FinishedBytesPerNode + 8.0 * valueLength);
        double lists = SortedEntryBytes * rows * features;
        string values = valueLength == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" × {valueLength:N0} class weights");
        string threads = workers == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" on each of {workers} threads");
        MemoryBudget.Check(lists + workers * (lists + tree), operation,
            string.Create(CultureInfo.InvariantCulture, $"growing a tree of up to {nodes:N0} nodes{values}{threads}"),
            valueLength == 1 ? "limit MaxDepth or raise MinSamplesLeaf" : "limit MaxDepth or raise MinSamplesLeaf, or merge rare classes");
    }

    /// <summary>What a finished tree keeps, at least: its thresholds and values, and 8 bytes a node (feature, right child, statistics).</summary>
    public static long FinishedBytes(Tree tree) => tree.NodeCount * (long)(FinishedBytesPerNode - 8) + 8 * tree.StoredNumbers;

    /// <summary>Refuses a forest whose <paramref name="grown"/> finished trees already hold more than the budget.</summary>
    /// <exception cref="InsufficientMemoryException">Over budget; the message names the size and what to change.</exception>
    public static void CheckForest(string operation, long bytes, int grown, int treeCount) =>
        MemoryBudget.Check(bytes, operation,
            string.Create(CultureInfo.InvariantCulture, $"the first {grown:N0} of {treeCount:N0} trees"),
            "use fewer trees, limit MaxDepth or raise MinSamplesLeaf");
}
