using System.Buffers;

namespace Descent.Trees;

/// <summary>
/// Rebuilds the children of a tree from its nodes in depth-first order (left subtree before right) and which of
/// them are leaves: the left child of a split is the next node, and after a leaf comes the right child of the
/// nearest split above it still waiting for one. Any sequence of split/leaf marks either forms exactly one tree
/// this way or is refused, so a model file cannot make prediction loop or read outside the tree.
/// </summary>
internal static class TreeStructure
{
    /// <summary>
    /// The right child of each node (-1 at a leaf, where <paramref name="feature"/> is negative), or null with the
    /// reason when the marks do not form one tree.
    /// </summary>
    public static int[]? RightChildren(ReadOnlySpan<int> feature, out string? problem)
    {
        int n = feature.Length;
        var right = new int[n];
        int[] waiting = ArrayPool<int>.Shared.Rent(n + 1); // the splits still waiting for a right child
        try
        {
            int top = 0;
            for (int i = 0; i < n; i++)
            {
                // Leaves and splits alternate unpredictably, so the step is written without branching on them: after
                // a leaf the nearest waiting split gets node i as its right child; a split joins the waiting ones.
                int afterLeaf = i > 0 ? (int)((uint)feature[i - 1] >> 31) : 0;
                if (afterLeaf > top)
                {
                    problem = $"the tree is complete after node {i - 1}, but {n} nodes are listed";
                    return null;
                }
                top -= afterLeaf;
                right[i + ((waiting[top] - i) & -afterLeaf)] = i; // waiting[top] after a leaf; else right[i], reset next
                right[i] = -1;
                waiting[top] = i;
                top += 1 - (int)((uint)feature[i] >> 31);
            }
            if (top > 0)
            {
                problem = $"split node {waiting[top - 1]} has no right subtree: the nodes end too early";
                return null;
            }
            problem = null;
            return right;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(waiting);
        }
    }
}
