using System.Buffers;
using Descent.Numerics;
using Descent.Trees;

namespace Descent.Persistence;

/// <summary>
/// What a model file's JSON tree holds in place of a JSON array of numbers when the array is written in the compact
/// encoding (<see cref="ArrayEncoding"/>): a packed array (read from a file, or a tree's statistics), or a model's
/// own values (a double[], float[] or int[], or doubles written on demand) that are packed, a pooled buffer at a
/// time, only as the document is written. A reader takes a packed array out (<see cref="Take"/>), so that its bytes are freed as soon as the
/// values are unpacked, not when the whole document is done.
/// </summary>
internal sealed class EncodedArray
{
    private PackedArray? _packed;
    private readonly object? _values;

    /// <summary>An array already packed.</summary>
    public EncodedArray(PackedArray packed) => _packed = packed;

    /// <summary>Values (double[], float[] or int[]) packed when written; the array is shared, not copied.</summary>
    public EncodedArray(Array values) => _values = values;

    /// <summary>A tree's node features, packed as ints when written.</summary>
    public EncodedArray(NodeFeatures features) => _values = features;

    /// <summary>Writes the values of an array given by what fills it (<see cref="Filled"/>).</summary>
    public delegate void FillDoubles(Span<double> destination);

    /// <summary><paramref name="count"/> doubles written by <paramref name="fill"/> into a pooled buffer when packed.</summary>
    public EncodedArray(int count, FillDoubles fill) => _values = new Filled(count, fill);

    /// <summary>Hands the packed form to <paramref name="use"/> (packing the values now when they were given as values).</summary>
    public T Pack<T>(PackedArray.PackedBytes<T> use)
    {
        if (_packed is { } packed)
            return use(packed.Type, packed.Count, packed.IsCompressed, packed.Bytes);
        return _values switch
        {
            double[] doubles => PackedArray.Pack(doubles, use),
            float[] floats => PackedArray.Pack(floats, use),
            int[] integers => PackedArray.Pack(integers, use),
            NodeFeatures features => PackWidened(features, use),
            Filled filled => PackFilled(filled, use),
            _ => throw new InvalidOperationException("EncodedArray: the array was already taken by a reader."),
        };
    }

    /// <summary>Packs a tree's node features as ints are packed, widened through a pooled buffer.</summary>
    private static T PackWidened<T>(NodeFeatures features, PackedArray.PackedBytes<T> use)
    {
        int[] widened = ArrayPool<int>.Shared.Rent(features.Count);
        try
        {
            features.CopyTo(widened);
            return PackedArray.Pack(widened.AsSpan(0, features.Count), use);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(widened);
        }
    }

    /// <summary>Packs doubles as doubles are packed, written first into a pooled buffer.</summary>
    private static T PackFilled<T>(Filled filled, PackedArray.PackedBytes<T> use)
    {
        double[] values = ArrayPool<double>.Shared.Rent(filled.Count);
        try
        {
            Span<double> span = values.AsSpan(0, filled.Count);
            filled.Fill(span);
            return PackedArray.Pack(span, use);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
        }
    }

    private sealed record Filled(int Count, FillDoubles Fill);

    /// <summary>The packed array, which this node then forgets (a field is read once).</summary>
    public PackedArray Take()
    {
        PackedArray packed = _packed ?? Pack(PackedArray.FromStored);
        _packed = null;
        return packed;
    }
}
