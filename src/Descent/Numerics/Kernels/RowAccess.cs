using System.Buffers;
using System.Numerics;

namespace Descent.Numerics.Kernels;

/// <summary>
/// Reads the rows of a matrix as spans, for a result with <c>rows</c> rows: a 1-row matrix is broadcast (row 0 is
/// returned for every row). A row with column stride 1 is returned in place; any other row is gathered into a
/// pooled buffer, so the op code runs on contiguous memory whatever the view. Call <see cref="Return"/> when done.
/// </summary>
internal struct RowSource<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Matrix<T> _matrix;
    private T[]? _buffer;
    private int _gatheredRow;

    public RowSource(Matrix<T> matrix)
    {
        _matrix = matrix;
        _buffer = null;
        _gatheredRow = -1;
    }

    /// <summary>Row <paramref name="row"/> of the result's rows (row 0 when the matrix has one row).</summary>
    public ReadOnlySpan<T> Row(int row)
    {
        var m = _matrix;
        int r = m.Rows == 1 ? 0 : row;
        int columns = m.Columns;
        if (columns == 0)
            return ReadOnlySpan<T>.Empty; // a row of an empty view may start past the end of its storage
        int start = m.Offset + r * m.RowStride;
        if (m.ColumnStride == 1 || columns <= 1)
            return m.Data.AsSpan(start, columns);
        _buffer ??= ArrayPool<T>.Shared.Rent(columns);
        if (_gatheredRow != r)
        {
            var data = m.Data;
            int stride = m.ColumnStride;
            for (int j = 0; j < columns; j++)
                _buffer[j] = data[start + j * stride];
            _gatheredRow = r;
        }
        return _buffer.AsSpan(0, columns);
    }

    /// <summary>Gives the gather buffer back to the pool.</summary>
    public void Return()
    {
        if (_buffer is not null)
            ArrayPool<T>.Shared.Return(_buffer);
        _buffer = null;
    }
}

/// <summary>
/// Writes the rows of a destination matrix: a row with column stride 1 is written in place; any other row is
/// written into a pooled buffer and scattered by <see cref="Commit"/>. Call <see cref="Return"/> when done.
/// </summary>
internal struct RowSink<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Matrix<T> _matrix;
    private T[]? _buffer;

    public RowSink(Matrix<T> matrix)
    {
        _matrix = matrix;
        _buffer = null;
    }

    /// <summary>Where row <paramref name="row"/> is to be written.</summary>
    public Span<T> Row(int row)
    {
        var m = _matrix;
        if (m.Columns == 0)
            return Span<T>.Empty;
        if (m.ColumnStride == 1 || m.Columns <= 1)
            return m.Data.AsSpan(m.Offset + row * m.RowStride, m.Columns);
        _buffer ??= ArrayPool<T>.Shared.Rent(m.Columns);
        return _buffer.AsSpan(0, m.Columns);
    }

    /// <summary>Stores row <paramref name="row"/> when it was written into the buffer.</summary>
    public void Commit(int row)
    {
        var m = _matrix;
        if (m.ColumnStride == 1 || m.Columns <= 1)
            return;
        var data = m.Data;
        int start = m.Offset + row * m.RowStride, stride = m.ColumnStride;
        for (int j = 0; j < m.Columns; j++)
            data[start + j * stride] = _buffer![j];
    }

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Return()
    {
        if (_buffer is not null)
            ArrayPool<T>.Shared.Return(_buffer);
        _buffer = null;
    }
}
