using Descent.Numerics;

namespace Descent.Persistence;

/// <summary>
/// What a model file's JSON tree holds in place of a JSON array of numbers when the array is written in the compact
/// encoding (<see cref="ArrayEncoding"/>): the packed array read from a file, or values that are packed only when the
/// document is written (so saving never holds a second, packed copy of a whole model).
/// </summary>
internal sealed class EncodedArray
{
    private readonly PackedArray? _packed;
    private readonly Func<PackedArray>? _pack;

    /// <summary>An array already packed (read from a file, or a tree's statistics).</summary>
    public EncodedArray(PackedArray packed) => _packed = packed;

    /// <summary>Values packed when written.</summary>
    public EncodedArray(Func<PackedArray> pack) => _pack = pack;

    /// <summary>The packed array (packing now when it was given as values).</summary>
    public PackedArray Pack() => _packed ?? _pack!();
}
