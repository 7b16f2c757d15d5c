using System.Globalization;

namespace Descent.Autograd;

/// <summary>
/// The shape of a <see cref="Tensor{T}"/>: rank 0 (a scalar, []), rank 1 (a vector, [n]) or rank 2 (a matrix,
/// [rows, columns]). Printed as PyTorch prints sizes: <c>[]</c>, <c>[5]</c>, <c>[3, 4]</c>.
/// </summary>
public readonly record struct TensorShape
{
    private TensorShape(int rank, int rows, int columns)
    {
        Rank = rank;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The shape [] of a scalar.</summary>
    public static TensorShape Scalar => new(0, 1, 1);

    /// <summary>The shape [length] of a vector.</summary>
    public static TensorShape Vector(int length) => new(1, 1, length);

    /// <summary>The shape [rows, columns] of a matrix.</summary>
    public static TensorShape Matrix(int rows, int columns) => new(2, rows, columns);

    /// <summary>0, 1 or 2.</summary>
    public int Rank { get; }

    /// <summary>Rows of the matrix that holds the values: 1 for a scalar or a vector (a vector is stored as one row).</summary>
    internal int Rows { get; }

    /// <summary>Columns of the matrix that holds the values: the length of a vector, 1 for a scalar.</summary>
    internal int Columns { get; }

    /// <summary>The number of elements.</summary>
    public int Length => Rows * Columns;

    /// <summary>The size along <paramref name="axis"/> (0 ≤ axis &lt; Rank; −1 is the last axis, as in PyTorch).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tensor has no such axis.</exception>
    public int this[int axis] => NormalizeAxis(axis, "TensorShape") switch
    {
        0 when Rank == 2 => Rows,
        _ => Columns,
    };

    /// <summary>The axis as 0 ≤ axis &lt; Rank, accepting −1 (last) and −2 as PyTorch does.</summary>
    internal int NormalizeAxis(int axis, string operation)
    {
        int normalized = axis < 0 ? axis + Rank : axis;
        if (normalized < 0 || normalized >= Rank)
            throw new ArgumentOutOfRangeException(nameof(axis), axis,
                $"{operation}: a tensor of shape {this} has {(Rank == 0 ? "no axes" : $"axes 0..{Rank - 1} (or −{Rank}..−1)")}, got axis {axis}.");
        return normalized;
    }

    /// <summary>"[]", "[n]" or "[rows, columns]".</summary>
    public override string ToString() => Rank switch
    {
        0 => "[]",
        1 => string.Create(CultureInfo.InvariantCulture, $"[{Columns}]"),
        _ => string.Create(CultureInfo.InvariantCulture, $"[{Rows}, {Columns}]"),
    };
}
