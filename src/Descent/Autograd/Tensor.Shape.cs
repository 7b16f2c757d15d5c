using System.Numerics;
using System.Runtime.CompilerServices;
using Descent.Numerics;

namespace Descent.Autograd;

// Operations that move elements without changing them: transpose, reshape, slicing and indexing, gathering, and
// concatenation. Their backward rules put each element of g back where the element came from (added, when an element
// was used more than once). Transpose, reshape of contiguous values, slices and selections are views: no copy, and
// they share the version counter of the tensor they view.
public sealed partial class Tensor<T>
{
    /// <summary>The transpose (a view) of a matrix; a scalar or vector is returned unchanged (as <c>Tensor.t()</c>). ∂/∂x = gᵀ.</summary>
    public Tensor<T> Transpose()
    {
        if (Rank < 2)
            return this;
        var x = this;
        // The gradient a rule receives is the node's own, so its transposed view is handed on without a copy.
        return Result("transpose", x.Data.Transpose(), 2, [x], Saves.Nothing, g => x.AccumulateGrad(g.Transpose(), owned: true), x._version);
    }

    /// <summary>The same elements, read row-major, as a [rows, columns] matrix (one size may be −1: inferred). A view when the values are contiguous. ∂/∂x = g reshaped back.</summary>
    /// <exception cref="ArgumentException">The new shape does not hold exactly <see cref="Length"/> elements.</exception>
    public Tensor<T> Reshape(int rows, int columns) => ReshapeTo(rows, columns, 2);

    /// <summary>The same elements, read row-major, as a vector of <paramref name="length"/> (−1: all of them). ∂/∂x = g reshaped back.</summary>
    /// <exception cref="ArgumentException"><paramref name="length"/> is not the number of elements.</exception>
    public Tensor<T> Reshape(int length) => ReshapeTo(1, length, 1);

    private Tensor<T> ReshapeTo(int rows, int columns, int rank)
    {
        var x = this;
        int r = rows == -1 && columns > 0 && Length % columns == 0 ? Length / columns : rows;
        int c = columns == -1 && r > 0 && Length % r == 0 ? Length / r : columns;
        if (r < 0 || c < 0 || (long)r * c != Length)
            throw new ArgumentException(
                $"Tensor.Reshape: cannot reshape {Describe()} ({Length} elements) into {(rank == 1 ? $"[{columns}]" : $"[{rows}, {columns}]")}.");
        var value = x.Data.Reshape(r, c);
        bool view = ReferenceEquals(value.Data, x.Data.Data);
        return Result("reshape", value, rank, [x], Saves.Nothing, g => x.AccumulateGrad(g.Reshape(x.Data.Rows, x.Data.Columns), owned: true),
            view ? x._version : null);
    }

    /// <summary>
    /// Rows [start, start + count) of a matrix, or elements [start, start + count) of a vector, as a view
    /// (PyTorch's <c>x[start:start + count]</c>). ∂/∂x = g in those rows (elements), 0 elsewhere.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the tensor.</exception>
    /// <exception cref="InvalidOperationException">The tensor is a scalar.</exception>
    public Tensor<T> Slice(int start, int count)
    {
        var x = this;
        RequireRank(1, "Slice");
        int size = Shape[0];
        if (start < 0 || count < 0 || (long)start + count > size)
            throw new ArgumentOutOfRangeException(nameof(start),
                $"Tensor.Slice: [{start}, {(long)start + count}) is outside [0, {size}) along axis 0 of {Describe()}.");
        var value = Rank == 2 ? x.Data.RowRange(start, count) : x.Data.ColumnRange(start, count);
        return Result("slice", value, Rank, [x], Saves.Nothing, g =>
        {
            var dx = new Matrix<T>(x.Data.Rows, x.Data.Columns);
            g.CopyTo(x.Rank == 2 ? dx.RowRange(start, count) : dx.ColumnRange(start, count));
            x.AccumulateGrad(dx, owned: true);
        }, x._version);
    }

    /// <summary>
    /// Row <paramref name="index"/> of a matrix as a vector, or element <paramref name="index"/> of a vector as a scalar,
    /// as a view (PyTorch's <c>x[index]</c>; −1 is the last). ∂/∂x = g at that row (element), 0 elsewhere.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the tensor.</exception>
    /// <exception cref="InvalidOperationException">The tensor is a scalar.</exception>
    [IndexerName("Select")]
    public Tensor<T> this[int index]
    {
        get
        {
            RequireRank(1, "this[index]");
            int i = CheckIndex(index, Shape[0], 0, "this[index]");
            return Rank == 2 ? Element("select", i, 0, 1, Data.Columns, 1) : Element("select", 0, i, 1, 1, 0);
        }
    }

    /// <summary>Element (<paramref name="row"/>, <paramref name="column"/>) of a matrix as a scalar view (PyTorch's <c>x[row, column]</c>). ∂/∂x = g there, 0 elsewhere.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    /// <exception cref="InvalidOperationException">The tensor is not a matrix.</exception>
    [IndexerName("Select")]
    public Tensor<T> this[int row, int column]
    {
        get
        {
            RequireRank(2, "this[row, column]");
            int i = CheckIndex(row, Data.Rows, 0, "this[row, column]"), j = CheckIndex(column, Data.Columns, 1, "this[row, column]");
            return Element("select", i, j, 1, 1, 0);
        }
    }

    /// <summary>The block of <paramref name="rows"/> × <paramref name="columns"/> at (row, column) as a view of the given rank.</summary>
    private Tensor<T> Element(string operation, int row, int column, int rows, int columns, int rank)
    {
        var x = this;
        return Result(operation, x.Data.Slice(row, rows, column, columns), rank, [x], Saves.Nothing, g =>
        {
            var dx = new Matrix<T>(x.Data.Rows, x.Data.Columns);
            g.CopyTo(dx.Slice(row, rows, column, columns));
            x.AccumulateGrad(dx, owned: true);
        }, x._version);
    }

    /// <summary>
    /// The rows of a matrix (elements of a vector) at <paramref name="indices"/>, in that order, repeats allowed, as a
    /// new tensor (PyTorch's <c>x[indices]</c> / <c>index_select(0, indices)</c>): a mini-batch of rows. ∂/∂x = each
    /// row of g added to the row it came from.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the tensor.</exception>
    /// <exception cref="InvalidOperationException">The tensor is a scalar.</exception>
    public Tensor<T> IndexSelect(params int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var x = this;
        RequireRank(1, "IndexSelect");
        var at = new int[indices.Length];
        for (int k = 0; k < at.Length; k++)
            at[k] = CheckIndex(indices[k], Shape[0], 0, "IndexSelect");
        // A vector's elements are its columns; work on its transpose so both cases pick rows.
        var source = Rank == 2 ? x.Data : x.Data.Transpose();
        var picked = new Matrix<T>(at.Length, source.Columns);
        for (int k = 0; k < at.Length; k++)
            source.RowRange(at[k], 1).CopyTo(picked.RowRange(k, 1));
        return Result("index_select", Rank == 2 ? picked : picked.Transpose(), Rank, [x], Saves.Nothing, g =>
        {
            var dx = new Matrix<T>(source.Rows, source.Columns);
            var rowsOfG = x.Rank == 2 ? g : g.Transpose();
            for (int k = 0; k < at.Length; k++)
            {
                var target = dx.RowRange(at[k], 1);
                Elementwise.Add(target, rowsOfG.RowRange(k, 1), target);
            }
            x.AccumulateGrad(x.Rank == 2 ? dx : dx.Transpose(), owned: true);
        });
    }

    /// <summary>
    /// One element per row of a matrix: result[i] = x[i, columns[i]] (PyTorch's
    /// <c>x.gather(1, columns[:, None]).squeeze(1)</c>; with class indices, each row's score of its class).
    /// ∂/∂x = g[i] at (i, columns[i]), 0 elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not a matrix, or there is not one index per row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, columns).</exception>
    public Tensor<T> Gather(ReadOnlySpan<int> columns)
    {
        var x = this;
        if (Rank != 2 || columns.Length != Data.Rows)
            throw new ArgumentException(
                $"Tensor.Gather: needs a matrix and one column index per row; got {Describe()} and {columns.Length} indices.",
                nameof(columns));
        var at = new int[columns.Length];
        var picked = new Matrix<T>(1, at.Length);
        for (int i = 0; i < at.Length; i++)
        {
            at[i] = CheckIndex(columns[i], Data.Columns, 1, "Gather");
            picked[0, i] = Data[i, at[i]];
        }
        return Result("gather", picked, 1, [x], Saves.Nothing, g =>
        {
            var dx = new Matrix<T>(x.Data.Rows, x.Data.Columns);
            for (int i = 0; i < at.Length; i++)
                dx[i, at[i]] = g[0, i];
            x.AccumulateGrad(dx, owned: true);
        });
    }

    /// <summary>
    /// Tensors of the same rank joined along <paramref name="axis"/> (rows: 0, columns: 1; a vector's only axis is 0),
    /// as <c>torch.cat</c>. ∂/∂ each part = its block of g.
    /// </summary>
    internal static Tensor<T> Concat(IReadOnlyList<Tensor<T>> parts, int axis)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
            throw new ArgumentException("Tensor.Concat: needs at least one tensor.", nameof(parts));
        var first = parts[0];
        if (first.Rank == 0)
            throw new ArgumentException("Tensor.Concat: scalars have no axis to join along; make them vectors with Reshape(1).", nameof(parts));
        int along = first.Shape.NormalizeAxis(axis, "Tensor.Concat");
        bool byRows = first.Rank == 2 && along == 0;           // otherwise the parts are joined column after column
        int total = 0;
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
            int other = byRows ? part.Data.Columns : part.Data.Rows;
            if (part.Rank != first.Rank || other != (byRows ? first.Data.Columns : first.Data.Rows))
                throw new ArgumentException(
                    $"Tensor.Concat: cannot join {part.Shape} to {first.Shape} along axis {along}: the ranks and every other axis must match.",
                    nameof(parts));
            total += byRows ? part.Data.Rows : part.Data.Columns;
        }
        var value = byRows ? new Matrix<T>(total, first.Data.Columns) : new Matrix<T>(first.Data.Rows, total);
        int offset = 0;
        foreach (var part in parts)
        {
            int size = byRows ? part.Data.Rows : part.Data.Columns;
            part.Data.CopyTo(byRows ? value.RowRange(offset, size) : value.ColumnRange(offset, size));
            offset += size;
        }
        var inputs = parts.ToArray();
        return Result("cat", value, first.Rank, inputs, Saves.Nothing, g =>
        {
            int start = 0;
            foreach (var part in inputs)
            {
                int size = byRows ? part.Data.Rows : part.Data.Columns;
                part.AccumulateGrad(byRows ? g.RowRange(start, size) : g.ColumnRange(start, size));
                start += size;
            }
        });
    }

    private void RequireRank(int minimum, string operation)
    {
        if (Rank < minimum)
            throw new InvalidOperationException(
                $"Tensor.{operation}: {Describe()} has rank {Rank}, but this needs rank {minimum}{(minimum < 2 ? " or more" : "")}.");
    }

    /// <summary>The index as 0 ≤ i &lt; size, accepting −size ≤ i &lt; 0 counted from the end (as Python).</summary>
    private int CheckIndex(int index, int size, int axis, string operation)
    {
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size)
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"Tensor.{operation}: index {index} is outside [0, {size}) along axis {axis} of {Describe()}.");
        return i;
    }
}

public static partial class Tensor
{
    /// <summary>
    /// The tensors joined along <paramref name="axis"/> (0: one after another as rows, or elements of vectors; 1: side by
    /// side as columns), as <c>torch.cat</c>. ∂/∂ each part = its block of the gradient.
    /// </summary>
    /// <exception cref="ArgumentException">No tensors, scalars, or shapes that differ on an axis other than <paramref name="axis"/>.</exception>
    public static Tensor<T> Concat<T>(IReadOnlyList<Tensor<T>> tensors, int axis = 0) where T : unmanaged, IFloatingPointIeee754<T> =>
        Tensor<T>.Concat(tensors, axis);
}
