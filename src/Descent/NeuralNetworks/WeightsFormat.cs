namespace Descent.NeuralNetworks;

/// <summary>How <see cref="Module{T}.SaveWeights"/> writes a network's parameters.</summary>
public enum WeightsFormat
{
    /// <summary>
    /// Readable JSON: <c>{"format": "descent-weights", "formatVersion": 1, "dtype": "float32", "parameters":
    /// [{"name": "0.weight", "shape": [128, 784], "values": [[...], ...]}, ...]}</c>, a matrix row by row, every number
    /// in its shortest exact form.
    /// </summary>
    Json,

    /// <summary>
    /// Compact binary, little-endian: "DSCW", format version (uint32 = 1), element size (uint8: 4 = float32,
    /// 8 = float64), parameter count (uint32), then per parameter its name (uint16 byte count, UTF-8), rank (uint8),
    /// sizes (uint32 each) and values (row-major). About a third of the JSON's size, and read without parsing text.
    /// </summary>
    Binary,
}
