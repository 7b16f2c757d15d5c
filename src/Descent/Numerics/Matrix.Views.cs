using System.Numerics;

namespace Descent.Numerics;

public sealed partial class Matrix<T>
{
    /// <summary>Row <paramref name="row"/> as a vector view (no copy; writes go to this matrix).</summary>
    public Vec<T> Row(int row)
    {
        if ((uint)row >= (uint)Rows)
            ThrowHelper.IndexOutOfRange(nameof(row), row, Rows);
        return new Vec<T>(Data, Offset + row * RowStride, Columns, ColumnStride);
    }

    /// <summary>Column <paramref name="column"/> as a vector view (no copy; strided by <see cref="RowStride"/>).</summary>
    public Vec<T> Column(int column)
    {
        if ((uint)column >= (uint)Columns)
            ThrowHelper.IndexOutOfRange(nameof(column), column, Columns);
        return new Vec<T>(Data, Offset + column * ColumnStride, Rows, RowStride);
    }

    /// <summary>Rows [start, start + count) as a view.</summary>
    public Matrix<T> RowRange(int start, int count) => Slice(start, count, 0, Columns);

    /// <summary>Columns [start, start + count) as a view.</summary>
    public Matrix<T> ColumnRange(int start, int count) => Slice(0, Rows, start, count);

    /// <summary>The block of <paramref name="rowCount"/> x <paramref name="columnCount"/> elements starting at
    /// (<paramref name="rowStart"/>, <paramref name="columnStart"/>), as a view.</summary>
    public Matrix<T> Slice(int rowStart, int rowCount, int columnStart, int columnCount)
    {
        Check.Range("rows", rowStart, rowCount, Rows);
        Check.Range("columns", columnStart, columnCount, Columns);
        return new Matrix<T>(Data, Offset + rowStart * RowStride + columnStart * ColumnStride,
            rowCount, columnCount, RowStride, ColumnStride);
    }

    /// <summary>The transpose Aᵀ as a view: element (i, j) of the result is element (j, i) of this matrix. The view is
    /// made once and kept (and its own transpose is this matrix), so transposing in a loop allocates nothing.</summary>
    public Matrix<T> Transpose() => _transpose ??= new(Data, Offset, Columns, Rows, ColumnStride, RowStride) { _transpose = this };

    /// <summary>The same elements, read row-major, as a rows x columns matrix: a view when this matrix is
    /// contiguous, otherwise a reshaped copy (as numpy's reshape does). One of the sizes may be -1 (inferred).</summary>
    /// <exception cref="ArgumentException">The new shape does not hold exactly <see cref="Length"/> elements.</exception>
    public Matrix<T> Reshape(int rows, int columns)
    {
        if (rows == -1 && columns > 0 && Length % columns == 0)
            rows = Length / columns;
        else if (columns == -1 && rows > 0 && Length % rows == 0)
            columns = Length / rows;
        if (rows < 0 || columns < 0 || (long)rows * columns != Length)
            throw new ArgumentException(
                $"Matrix.Reshape: cannot reshape {Shape} ({Length} elements) into {rows}×{columns}.");
        var source = ToContiguous();
        return new Matrix<T>(source.Data, source.Offset, rows, columns, columns, 1);
    }
}
