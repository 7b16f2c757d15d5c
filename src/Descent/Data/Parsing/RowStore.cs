using Descent.Numerics;

namespace Descent.Data.Parsing;

/// <summary>
/// Rows of a fixed width appended without knowing how many will come: values go into chunks of about 1 MB, so a
/// large file never pays for repeated doubling copies; <see cref="ToMatrix"/> copies them once into the result.
/// </summary>
internal sealed class RowStore
{
    private const int ChunkValues = 1 << 17;

    private readonly int _width;
    private readonly int _rowsPerChunk;
    private readonly List<double[]> _chunks = [];
    private double[]? _current;
    private int _rowsInCurrent;

    public RowStore(int width)
    {
        _width = width;
        _rowsPerChunk = Math.Max(1, ChunkValues / Math.Max(1, width));
    }

    /// <summary>Number of rows appended.</summary>
    public int Rows { get; private set; }

    /// <summary>Space for the next row; call <see cref="Commit"/> once it is filled.</summary>
    public Span<double> NextRow()
    {
        if (_current is null || _rowsInCurrent == _rowsPerChunk)
        {
            _current = new double[_rowsPerChunk * _width];
            _chunks.Add(_current);
            _rowsInCurrent = 0;
        }
        return _current.AsSpan(_rowsInCurrent * _width, _width);
    }

    /// <summary>Keeps the row last returned by <see cref="NextRow"/>.</summary>
    public void Commit()
    {
        _rowsInCurrent++;
        Rows = checked(Rows + 1);
    }

    /// <summary>All rows as a contiguous rows × width matrix.</summary>
    public Matrix<double> ToMatrix() => Concatenate([this], _width);

    /// <summary>The rows of several stores, one after the other, as one contiguous matrix (the stores are emptied).</summary>
    public static Matrix<double> Concatenate(IReadOnlyList<RowStore> stores, int width)
    {
        var matrix = new Matrix<double>(checked(stores.Sum(s => s.Rows)), width);
        Span<double> destination = matrix.AsSpan();
        int offset = 0;
        foreach (RowStore store in stores)
        {
            int remaining = store.Rows * width;
            foreach (double[] chunk in store._chunks)
            {
                int count = Math.Min(chunk.Length, remaining);
                chunk.AsSpan(0, count).CopyTo(destination[offset..]);
                offset += count;
                remaining -= count;
            }
            store._chunks.Clear();
        }
        return matrix;
    }
}
