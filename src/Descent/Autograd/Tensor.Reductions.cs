using Descent.Numerics;

namespace Descent.Autograd;

// Sum, mean and max over all elements or along one axis (keepDims keeps the reduced axis with size 1, as PyTorch's
// keepdim). A reduction's backward spreads g back over the elements it combined.
public sealed partial class Tensor<T>
{
    /// <summary>Σ of all elements, a scalar. ∂/∂x = g for every element.</summary>
    public Tensor<T> Sum()
    {
        var x = this;
        return Result("sum", Matrix.Filled(1, 1, x.Data.Sum()), 0, [x], Saves.Nothing, g => x.AccumulateGrad(g));
    }

    /// <summary>Σ along <paramref name="axis"/> (−1 is the last axis). ∂/∂x = g, repeated along the axis.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tensor has no such axis.</exception>
    public Tensor<T> Sum(int axis, bool keepDims = false) => AxisReduction("sum", axis, keepDims, mean: false);

    /// <summary>The mean of all elements, a scalar. ∂/∂x = g / n for every element.</summary>
    public Tensor<T> Mean()
    {
        var x = this;
        T count = T.CreateTruncating(x.Length);
        return Result("mean", Matrix.Filled(1, 1, x.Data.Sum() / count), 0, [x], Saves.Nothing, g =>
            x.AccumulateGrad(Elementwise.Divide(g, count)));
    }

    /// <summary>The mean along <paramref name="axis"/>. ∂/∂x = g / n, repeated along the axis (n its size).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tensor has no such axis.</exception>
    public Tensor<T> Mean(int axis, bool keepDims = false) => AxisReduction("mean", axis, keepDims, mean: true);

    /// <summary>
    /// The largest element, a scalar (NaN if any is NaN). ∂/∂x = g shared equally by the elements equal to the maximum
    /// (as <c>torch.max()</c>), 0 elsewhere.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor is empty.</exception>
    public Tensor<T> Max()
    {
        var x = this;
        if (x.Length == 0)
            throw new InvalidOperationException($"Tensor.Max: {x.Describe()} is empty, and the maximum of no elements is undefined.");
        T max = x.Data.Max();
        return Result("max", Matrix.Filled(1, 1, max), 0, [x], Saves.Inputs, g =>
        {
            var dx = new Matrix<T>(x.Data.Rows, x.Data.Columns);
            int ties = 0;
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < dx.Rows; i++)
                    for (int j = 0; j < dx.Columns; j++)
                    {
                        T v = x.Data[i, j];
                        if (!(v == max || (T.IsNaN(max) && T.IsNaN(v))))
                            continue;
                        if (pass == 0)
                            ties++;
                        else
                            dx[i, j] = g[0, 0] / T.CreateTruncating(ties);
                    }
            x.AccumulateGrad(dx, owned: true);
        });
    }

    /// <summary>
    /// The largest element along <paramref name="axis"/> (as <c>torch.max(x, dim).values</c>). ∂/∂x = g at the
    /// position of each maximum (the first one, or the first NaN), 0 elsewhere.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The tensor has no such axis.</exception>
    /// <exception cref="ArgumentException">The axis has size 0.</exception>
    public Tensor<T> Max(int axis, bool keepDims = false)
    {
        var x = this;
        int along = Shape.NormalizeAxis(axis, "Tensor.Max");
        bool rows = x.Rank == 2 && along == 0;                 // one maximum per column, down the rows
        var values = x.Data.Max(rows ? 0 : 1);
        int[] at = x.Data.ArgMax(rows ? 0 : 1);
        return Result("max", ReducedMatrix(values, rows, keepDims), ReducedRank(keepDims), [x], Saves.Nothing, g =>
        {
            var dx = new Matrix<T>(x.Data.Rows, x.Data.Columns);
            for (int k = 0; k < at.Length; k++)
            {
                T share = g.Rows == 1 ? g[0, k] : g[k, 0];
                if (rows)
                    dx[at[k], k] = share;
                else
                    dx[k, at[k]] = share;
            }
            x.AccumulateGrad(dx, owned: true);
        });
    }

    private Tensor<T> AxisReduction(string operation, int axis, bool keepDims, bool mean)
    {
        var x = this;
        int along = Shape.NormalizeAxis(axis, $"Tensor.{(mean ? "Mean" : "Sum")}");
        bool rows = x.Rank == 2 && along == 0;
        var values = mean ? x.Data.Mean(rows ? 0 : 1) : x.Data.Sum(rows ? 0 : 1);
        T count = T.CreateTruncating(rows ? x.Data.Rows : x.Data.Columns);
        return Result(operation, ReducedMatrix(values, rows, keepDims), ReducedRank(keepDims), [x], Saves.Nothing, g =>
        {
            // g holds one value per reduced row or column; as a column (rows of x) or a row (columns of x) it stretches back.
            var spread = !rows && g.Rows == 1 && x.Data.Rows > 1 ? g.Transpose() : g;
            x.AccumulateGrad(mean ? Elementwise.Divide(spread, count) : spread);
        });
    }

    /// <summary>The matrix of an axis reduction's values: a row (one per column of x, or a vector's single value)
    /// unless the values are per row of a matrix and keepDims asks for an m×1 column.</summary>
    private Matrix<T> ReducedMatrix(Vec<T> values, bool rows, bool keepDims) =>
        !rows && Rank == 2 && keepDims ? values.AsColumnMatrix() : values.AsRowMatrix();

    private int ReducedRank(bool keepDims) => keepDims ? Rank : Rank - 1;
}
