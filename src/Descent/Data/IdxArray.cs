namespace Descent.Data;

/// <summary>An unsigned-byte array read from an IDX file (the MNIST format): its dimensions and its values, row-major.</summary>
public sealed class IdxArray
{
    internal IdxArray(int[] dimensions, byte[] values)
    {
        Dimensions = dimensions;
        Values = values;
    }

    /// <summary>The sizes of each dimension: [count] for labels, [count, rows, columns] for images.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>The values, last dimension fastest (row-major).</summary>
    public byte[] Values { get; }

    /// <summary>The size of the first dimension (number of items).</summary>
    public int Count => Dimensions[0];

    /// <summary>Values per item: the product of the dimensions after the first (1 for labels, rows × columns for images).</summary>
    public int ItemSize => Values.Length / Math.Max(1, Count);
}
