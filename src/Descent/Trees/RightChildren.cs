namespace Descent.Trees;

/// <summary>
/// The right child of each node of a tree, -1 at a leaf, stored as ushort when the tree has at most 65,535 nodes
/// (0xFFFF marking a leaf) and as int otherwise: half the memory for all but the largest trees. Immutable.
/// </summary>
internal sealed class RightChildren
{
    private const ushort Leaf = ushort.MaxValue;

    private RightChildren(Array storage, int count)
    {
        Storage = storage;
        Count = count;
    }

    /// <summary>The values themselves: a ushort[] (0xFFFF at a leaf) or an int[] (-1 at a leaf) of <see cref="Count"/> entries.</summary>
    public Array Storage { get; }

    /// <summary>Number of nodes.</summary>
    public int Count { get; }

    /// <summary>The right child of node <paramref name="node"/>, or -1 at a leaf.</summary>
    public int this[int node] => Storage is ushort[] shorts
        ? (shorts[node] == Leaf ? -1 : shorts[node])
        : ((int[])Storage)[node];

    /// <summary>A copy of <paramref name="right"/> (each -1 or a node index) in the narrowest type for its length.</summary>
    public static RightChildren From(ReadOnlySpan<int> right)
    {
        if (right.Length > Leaf)
            return new RightChildren(right.ToArray(), right.Length);
        var shorts = new ushort[right.Length];
        for (int i = 0; i < right.Length; i++)
            shorts[i] = (ushort)right[i]; // -1 becomes 0xFFFF, the leaf mark: no branch on a node's kind
        return new RightChildren(shorts, right.Length);
    }

    /// <summary>The right children as ints, -1 at leaves (a new array).</summary>
    public int[] ToIntegers()
    {
        var result = new int[Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = this[i];
        return result;
    }
}
