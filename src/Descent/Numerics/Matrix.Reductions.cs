using System.Numerics;
using Descent.Numerics.Kernels;
using Descent.Numerics.Kernels.Ops;

namespace Descent.Numerics;

// Reductions as numpy's: over all elements, or along an axis. Axis 0 runs down the columns and gives one value per
// column (a vector of length Columns); axis 1 runs along each row and gives one value per row (length Rows).
// Single-threaded with a fixed summation order, so results do not depend on Parallelism.MaxThreads. NaN propagates
// through Sum/Mean/Variance/Min/Max; ArgMin/ArgMax return the first NaN. Axis forms take an optional destination.
public sealed partial class Matrix<T>
{
    /// <summary>Σ xᵢⱼ over all elements (0 for an empty matrix).</summary>
    public T Sum() => ReduceKernel.All(this, new SumOp<T>());

    /// <summary>Σ along <paramref name="axis"/>: column sums Σᵢ xᵢⱼ (axis 0) or row sums Σⱼ xᵢⱼ (axis 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">destination does not have the result's length.</exception>
    public Vec<T> Sum(int axis, Vec<T>? destination = null) => Reduce("Matrix.Sum", axis, destination, new SumOp<T>());

    /// <summary>The mean Σ xᵢⱼ / (rows·columns); NaN for an empty matrix (numpy warns and returns NaN).</summary>
    public T Mean() => Sum() / T.CreateTruncating(Length);

    /// <summary>The mean along <paramref name="axis"/>: column means (axis 0) or row means (axis 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">destination does not have the result's length.</exception>
    public Vec<T> Mean(int axis, Vec<T>? destination = null)
    {
        var result = Sum(axis, destination);
        return Elementwise.Divide(result, T.CreateTruncating(axis == 0 ? Rows : Columns), result);
    }

    /// <summary>The population variance Σ (x − mean)² / n of all n elements (numpy's var with ddof = 0); NaN when empty.
    /// For another ddof over all elements, reduce a vector view: <c>x.Reshape(1, -1).Row(0).Variance(ddof)</c>.</summary>
    public T Variance() => VarianceKernel.All(this, 0);

    /// <summary>The variance along <paramref name="axis"/>: Σ (x − mean)² / max(n − ddof, 0) per column (axis 0) or
    /// per row (axis 1), with n the number of values reduced (numpy's var; ddof = 1 gives the unbiased estimate).
    /// A divisor of 0 gives ∞ or NaN, as in numpy.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1, or ddof &lt; 0.</exception>
    /// <exception cref="ArgumentException">destination does not have the result's length.</exception>
    public Vec<T> Variance(int axis, int ddof = 0, Vec<T>? destination = null)
    {
        CheckDdof("Matrix.Variance", ddof);
        var d = AxisDestination("Matrix.Variance", axis, destination);
        var x = Unaliased(d);
        if (axis == 0)
            VarianceKernel.DownColumns(x, ddof, d);
        else
            VarianceKernel.AlongRows(x, ddof, d);
        return d;
    }

    /// <summary>The population standard deviation √<see cref="Variance()"/> of all elements.</summary>
    public T Std() => T.Sqrt(Variance());

    /// <summary>The standard deviation √Variance(axis, ddof) along <paramref name="axis"/> (numpy's std).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1, or ddof &lt; 0.</exception>
    /// <exception cref="ArgumentException">destination does not have the result's length.</exception>
    public Vec<T> Std(int axis, int ddof = 0, Vec<T>? destination = null)
    {
        var result = Variance(axis, ddof, destination);
        return Elementwise.Sqrt(result, result);
    }

    /// <summary>The largest element; NaN if any element is NaN (numpy's max).</summary>
    /// <exception cref="ArgumentException">The matrix is empty.</exception>
    public T Max()
    {
        CheckNotEmpty("Matrix.Max");
        return ReduceKernel.All(this, new MaxOp<T>());
    }

    /// <summary>The largest element of each column (axis 0) or row (axis 1); NaN where one is NaN.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The reduced dimension has size 0, or destination has the wrong length.</exception>
    public Vec<T> Max(int axis, Vec<T>? destination = null)
    {
        CheckReducedNotEmpty("Matrix.Max", axis);
        return Reduce("Matrix.Max", axis, destination, new MaxOp<T>());
    }

    /// <summary>The smallest element; NaN if any element is NaN (numpy's min).</summary>
    /// <exception cref="ArgumentException">The matrix is empty.</exception>
    public T Min()
    {
        CheckNotEmpty("Matrix.Min");
        return ReduceKernel.All(this, new MinOp<T>());
    }

    /// <summary>The smallest element of each column (axis 0) or row (axis 1); NaN where one is NaN.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The reduced dimension has size 0, or destination has the wrong length.</exception>
    public Vec<T> Min(int axis, Vec<T>? destination = null)
    {
        CheckReducedNotEmpty("Matrix.Min", axis);
        return Reduce("Matrix.Min", axis, destination, new MinOp<T>());
    }

    /// <summary>The row-major flat index i·Columns + j of the largest element: the first maximum, or the first NaN if
    /// there is one (numpy's argmax; −0 and +0 tie).</summary>
    /// <exception cref="ArgumentException">The matrix is empty.</exception>
    public int ArgMax()
    {
        CheckNotEmpty("Matrix.ArgMax");
        return ArgKernel.All(this, new ArgMaxOp<T>());
    }

    /// <summary>For each column (axis 0) the row index, or for each row (axis 1) the column index, of the first
    /// maximum, or of the first NaN if there is one (numpy's argmax).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The reduced dimension has size 0.</exception>
    public int[] ArgMax(int axis)
    {
        CheckReducedNotEmpty("Matrix.ArgMax", axis);
        return axis == 0 ? ArgKernel.DownColumns(this, new ArgMaxOp<T>()) : ArgKernel.AlongRows(this, new ArgMaxOp<T>());
    }

    /// <summary>The row-major flat index of the first minimum, or of the first NaN (numpy's argmin).</summary>
    /// <exception cref="ArgumentException">The matrix is empty.</exception>
    public int ArgMin()
    {
        CheckNotEmpty("Matrix.ArgMin");
        return ArgKernel.All(this, new ArgMinOp<T>());
    }

    /// <summary>For each column (axis 0) or row (axis 1) the index of the first minimum, or of the first NaN (numpy's argmin).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The reduced dimension has size 0.</exception>
    public int[] ArgMin(int axis)
    {
        CheckReducedNotEmpty("Matrix.ArgMin", axis);
        return axis == 0 ? ArgKernel.DownColumns(this, new ArgMinOp<T>()) : ArgKernel.AlongRows(this, new ArgMinOp<T>());
    }

    private Vec<T> Reduce<TOp>(string operation, int axis, Vec<T>? destination, TOp op) where TOp : struct, IReduceOp<T>
    {
        var d = AxisDestination(operation, axis, destination);
        var x = Unaliased(d);
        if (axis == 0)
            ReduceKernel.DownColumns(x, d, op);
        else
            ReduceKernel.AlongRows(x, d, op);
        return d;
    }

    /// <summary>The destination of an axis reduction (length Columns for axis 0, Rows for axis 1), checked or new.</summary>
    private Vec<T> AxisDestination(string operation, int axis, Vec<T>? destination)
    {
        if (axis is not (0 or 1))
            Broadcast.ThrowAxis(operation, axis);
        return Broadcast.Destination(operation, destination, axis == 0 ? Columns : Rows);
    }

    /// <summary>This matrix, or a copy of it when it shares storage with <paramref name="destination"/>.</summary>
    private Matrix<T> Unaliased(Vec<T> destination) => ReferenceEquals(Data, destination.Data) ? Copy() : this;

    private void CheckNotEmpty(string operation)
    {
        if (Length == 0)
            Broadcast.ThrowEmpty(operation, $"the {Shape} matrix");
    }

    private void CheckReducedNotEmpty(string operation, int axis)
    {
        if (axis is not (0 or 1))
            Broadcast.ThrowAxis(operation, axis);
        if ((axis == 0 ? Rows : Columns) == 0)
            Broadcast.ThrowEmpty(operation, $"axis {axis} of the {Shape} matrix");
    }

    private static void CheckDdof(string operation, int ddof)
    {
        if (ddof < 0)
            throw new ArgumentOutOfRangeException(nameof(ddof), ddof, $"{operation}: ddof must be >= 0, got {ddof}.");
    }
}
