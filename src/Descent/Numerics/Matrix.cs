using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Numerics;

/// <summary>
/// A dense two-dimensional array of <typeparamref name="T"/> (<see cref="float"/> or <see cref="double"/>),
/// stored row-major. Element (i, j) lives at <c>Data[Offset + i*RowStride + j*ColumnStride]</c>, so row,
/// column, range and transpose views share storage with the matrix they come from (as numpy's views do).
/// A freshly created matrix is contiguous: <c>RowStride = Columns</c>, <c>ColumnStride = 1</c>.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed partial class Matrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Wraps existing storage without copying; use the factory methods unless you are writing a kernel.</summary>
    internal Matrix(T[] data, int offset, int rows, int columns, int rowStride, int columnStride)
    {
        Data = data;
        Offset = offset;
        Rows = rows;
        Columns = columns;
        RowStride = rowStride;
        ColumnStride = columnStride;
    }

    /// <summary>Creates a contiguous rows x columns matrix of zeros.</summary>
    public Matrix(int rows, int columns)
        : this(new T[CheckedSize(rows, columns)], 0, rows, columns, columns, 1)
    {
    }

    /// <summary>The transposed view, once <see cref="Transpose"/> has made it.</summary>
    private Matrix<T>? _transpose;

    /// <summary>The storage this matrix is a window on (shared with every view of it).</summary>
    internal T[] Data { get; }

    /// <summary>Index in <see cref="Data"/> of element (0, 0).</summary>
    internal int Offset { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Distance in <see cref="Data"/> between element (i, j) and (i + 1, j).</summary>
    public int RowStride { get; }

    /// <summary>Distance in <see cref="Data"/> between element (i, j) and (i, j + 1).</summary>
    public int ColumnStride { get; }

    /// <summary>Rows * Columns.</summary>
    public int Length => Rows * Columns;

    /// <summary>The shape as (rows, columns), printed as "rows×columns".</summary>
    public Shape Shape => new(Rows, Columns);

    /// <summary>True when the elements occupy one unbroken row-major run of <see cref="Data"/>.</summary>
    public bool IsContiguous => ColumnStride == 1 && (RowStride == Columns || Rows <= 1);

    /// <summary>True when each row is an unbroken run (column stride 1), as after row or range views.</summary>
    public bool HasContiguousRows => ColumnStride == 1 || Columns <= 1;

    /// <summary>Element (row, column).</summary>
    public T this[int row, int column]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            CheckIndex(row, column);
            return Data[Offset + row * RowStride + column * ColumnStride];
        }
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            CheckIndex(row, column);
            Data[Offset + row * RowStride + column * ColumnStride] = value;
        }
    }

    /// <summary>The elements of a contiguous matrix as one span, row after row.</summary>
    /// <exception cref="InvalidOperationException">The matrix is a strided view; call <see cref="ToContiguous"/> first.</exception>
    public Span<T> AsSpan()
    {
        if (!IsContiguous)
            ThrowHelper.NotContiguous(Shape, RowStride, ColumnStride);
        return Data.AsSpan(Offset, Length);
    }

    /// <summary>Row <paramref name="row"/> as a span (requires column stride 1).</summary>
    public Span<T> RowSpan(int row)
    {
        if ((uint)row >= (uint)Rows)
            ThrowHelper.IndexOutOfRange(nameof(row), row, Rows);
        if (!HasContiguousRows)
            ThrowHelper.NotContiguous(Shape, RowStride, ColumnStride);
        return Data.AsSpan(Offset + row * RowStride, Columns);
    }

    /// <summary>This matrix itself when contiguous, otherwise a contiguous copy.</summary>
    public Matrix<T> ToContiguous() => IsContiguous ? this : Copy();

    /// <summary>A contiguous copy that shares nothing with this matrix.</summary>
    public Matrix<T> Copy()
    {
        var result = new Matrix<T>(Rows, Columns);
        CopyTo(result);
        return result;
    }

    /// <summary>Copies every element into <paramref name="destination"/>, which must have the same shape.</summary>
    public void CopyTo(Matrix<T> destination)
    {
        Check.SameShape(this, destination, "Matrix.CopyTo");
        if (IsContiguous && destination.IsContiguous)
        {
            Data.AsSpan(Offset, Length).CopyTo(destination.Data.AsSpan(destination.Offset, Length));
            return;
        }
        for (int i = 0; i < Rows; i++)
        {
            int source = Offset + i * RowStride, target = destination.Offset + i * destination.RowStride;
            if (ColumnStride == 1 && destination.ColumnStride == 1)
            {
                Data.AsSpan(source, Columns).CopyTo(destination.Data.AsSpan(target, Columns));
                continue;
            }
            for (int j = 0; j < Columns; j++)
                destination.Data[target + j * destination.ColumnStride] = Data[source + j * ColumnStride];
        }
    }

    /// <summary>The elements as a new rows x columns jagged array.</summary>
    public T[][] ToJagged()
    {
        var result = new T[Rows][];
        for (int i = 0; i < Rows; i++)
            result[i] = Row(i).ToArray();
        return result;
    }

    /// <summary>The elements as a new row-major array.</summary>
    public T[] ToArray()
    {
        var result = new T[Length];
        CopyTo(new Matrix<T>(result, 0, Rows, Columns, Columns, 1));
        return result;
    }

    /// <summary>A short description such as "Matrix&lt;Double&gt; 3×4".</summary>
    public override string ToString() => $"Matrix<{typeof(T).Name}> {Shape}";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckIndex(int row, int column)
    {
        if ((uint)row >= (uint)Rows)
            ThrowHelper.IndexOutOfRange(nameof(row), row, Rows);
        if ((uint)column >= (uint)Columns)
            ThrowHelper.IndexOutOfRange(nameof(column), column, Columns);
    }

    internal static int CheckedSize(int rows, int columns)
    {
        if (rows < 0 || columns < 0)
            ThrowHelper.NegativeShape(rows, columns);
        long size = (long)rows * columns;
        if (size > Array.MaxLength)
            ThrowHelper.TooLarge(rows, columns);
        return (int)size;
    }
}
