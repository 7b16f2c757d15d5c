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
        var waiting = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && feature[i - 1] < 0)
            {
                if (waiting.Count == 0)
                {
                    problem = $"the tree is complete after node {i - 1}, but {n} nodes are listed";
                    return null;
                }
                right[waiting.Pop()] = i;
            }
            right[i] = -1;
            if (feature[i] >= 0)
                waiting.Push(i);
        }
        if (waiting.Count > 0)
        {
            problem = $"split node {waiting.Peek()} has no right subtree: the nodes end too early";
            return null;
        }
        problem = null;
        return right;
    }
}
