namespace Descent.Trees;

/// <summary>
/// The feature tested at each node of a tree, -1 at a leaf, stored in the narrowest of sbyte, short and int that holds
/// every feature index (one byte a node below 128 features, two below 32,768): a full-depth forest has millions of
/// nodes, and this is a quarter of what an int array would take. Immutable.
/// </summary>
internal sealed class NodeFeatures
{
    private NodeFeatures(Array storage, int count)
    {
        Storage = storage;
        Count = count;
    }

    /// <summary>The values themselves: an sbyte[], short[] or int[] of <see cref="Count"/> entries.</summary>
    public Array Storage { get; }

    /// <summary>Number of nodes.</summary>
    public int Count { get; }

    /// <summary>The feature of node <paramref name="node"/>, or -1 at a leaf.</summary>
    public int this[int node] => Storage switch
    {
        sbyte[] bytes => bytes[node],
        short[] shorts => shorts[node],
        _ => ((int[])Storage)[node],
    };

    /// <summary>A copy of <paramref name="feature"/> (each in [-1, featureCount)) in the narrowest type for <paramref name="featureCount"/> features.</summary>
    public static NodeFeatures From(ReadOnlySpan<int> feature, int featureCount)
    {
        if (featureCount <= sbyte.MaxValue)
            return new NodeFeatures(Narrow<sbyte>(feature), feature.Length);
        if (featureCount <= short.MaxValue)
            return new NodeFeatures(Narrow<short>(feature), feature.Length);
        return new NodeFeatures(feature.ToArray(), feature.Length);
    }

    /// <summary>The features as ints (a new array).</summary>
    public int[] ToIntegers()
    {
        var result = new int[Count];
        CopyTo(result);
        return result;
    }

    /// <summary>Writes the features as ints into <paramref name="destination"/> (at least <see cref="Count"/> long).</summary>
    public void CopyTo(Span<int> destination)
    {
        switch (Storage)
        {
            case sbyte[] bytes:
                for (int i = 0; i < bytes.Length; i++)
                    destination[i] = bytes[i];
                break;
            case short[] shorts:
                for (int i = 0; i < shorts.Length; i++)
                    destination[i] = shorts[i];
                break;
            default:
                ((int[])Storage).CopyTo(destination);
                break;
        }
    }

    private static T[] Narrow<T>(ReadOnlySpan<int> feature) where T : System.Numerics.IBinaryInteger<T>
    {
        var result = new T[feature.Length];
        for (int i = 0; i < feature.Length; i++)
            result[i] = T.CreateChecked(feature[i]);
        return result;
    }
}
