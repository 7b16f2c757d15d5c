using Descent.Numerics;

namespace Descent.Autograd;

// The matrix product, through Numerics' GEMM, and the fully connected layer built on it. For C = A·B: ∂L/∂A = G·Bᵀ
// and ∂L/∂B = Aᵀ·G = (Gᵀ·A)ᵀ, with the transposes passed to GEMM as flags or views (no copies).
public sealed partial class Tensor<T>
{
    /// <summary>
    /// The matrix product, as <c>torch.matmul</c>: [m, k]·[k, n] → [m, n]; a vector on the left acts as a row
    /// ([k]·[k, n] → [n]), on the right as a column ([m, k]·[k] → [m]); two vectors give their dot product ([]).
    /// ∂/∂A = G·Bᵀ, ∂/∂B = Aᵀ·G.
    /// </summary>
    /// <exception cref="ArgumentException">A scalar operand, or the inner sizes differ.</exception>
    public Tensor<T> MatMul(Tensor<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank == 0 || other.Rank == 0 || InnerSize(this, left: true) != InnerSize(other, left: false))
            throw new ArgumentException(
                $"Tensor.MatMul: shapes {Shape} and {other.Shape} cannot be multiplied: " +
                (Rank == 0 || other.Rank == 0
                    ? "both operands need rank 1 or 2 (multiply by a scalar with *)."
                    : $"the left operand has {InnerSize(this, left: true)} columns but the right one has {InnerSize(other, left: false)} rows."),
                nameof(other));
        var a = this;
        var b = other;
        var left = a.Data;                                            // a vector on the left is already a 1×k row
        var right = b.Rank == 1 ? b.Data.Transpose() : b.Data;       // a vector on the right becomes a k×1 column
        var product = new Matrix<T>(left.Rows, right.Columns);
        Blas.Gemm(T.One, left, right, T.Zero, product);
        // Each vector operand removes one axis: [m, k]·[k] gives an m×1 column, stored as the 1×m row of a vector.
        int rank = a.Rank + b.Rank - 2;
        bool column = a.Rank == 2 && b.Rank == 1;
        var value = column ? product.Reshape(1, product.Rows) : product;
        return Result("matmul", value, rank, [a, b], Saves.Inputs, g =>
        {
            var gradient = column ? g.Reshape(g.Columns, 1) : g;   // back to left.Rows × right.Columns
            if (a.RequiresGrad)
            {
                var da = new Matrix<T>(left.Rows, left.Columns);
                Blas.Gemm(T.One, gradient, right, T.Zero, da, transposeB: true);
                a.AccumulateGrad(da, owned: true);
            }
            if (b.RequiresGrad)
            {
                // Aᵀ·G is formed as (Gᵀ·A)ᵀ: for a layer's x·Wᵀ this writes ∂L/∂W = Gᵀ·x straight into a contiguous
                // matrix (as NeuralNetworks' Linear does), about twice as fast as writing xᵀ·G through a transposed view.
                var dbTransposed = new Matrix<T>(right.Columns, right.Rows);
                Blas.Gemm(T.One, gradient, left, T.Zero, dbTransposed, transposeA: true);
                b.AccumulateGrad(b.Rank == 1 ? dbTransposed : dbTransposed.Transpose(), owned: true);
            }
        });
    }

    /// <summary>
    /// A fully connected layer, as <c>torch.nn.functional.linear</c>: this [n, in] (or [in]) times the transposed
    /// weight [out, in], plus the bias [out] on every row: x·Wᵀ + b, [n, out] (or [out]). One node of the graph, where
    /// x.MatMul(W.Transpose()) + b makes three, and ∂/∂W = Gᵀ·x is added straight into W's gradient (+=, a GEMM with
    /// β = 1) instead of being formed in a matrix first. ∂/∂x = G·W, ∂/∂b = Σᵢ G[i, :].
    /// </summary>
    /// <exception cref="ArgumentException">This is not a vector or matrix; the weight is not a matrix with this tensor's
    /// last size as columns; the bias is not a vector of the weight's row count.</exception>
    public Tensor<T> Linear(Tensor<T> weight, Tensor<T>? bias = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (Rank == 0 || weight.Rank != 2 || weight.Data.Columns != Data.Columns)
            throw new ArgumentException(
                $"Tensor.Linear: the weight must be [outputs, {(Rank == 0 ? "inputs" : Data.Columns)}] for {Describe()}, got " +
                $"{weight.Shape}{(Rank == 0 ? " (the input needs rank 1 or 2)" : "")}.", nameof(weight));
        if (bias is not null && (bias.Rank != 1 || bias.Data.Columns != weight.Data.Rows))
            throw new ArgumentException(
                $"Tensor.Linear: the bias must be [{weight.Data.Rows}], one value per row of the weight, got {bias.Shape}.", nameof(bias));
        var x = this;
        var value = new Matrix<T>(Data.Rows, weight.Data.Rows);
        Blas.Gemm(T.One, Data, weight.Data, T.Zero, value, transposeB: true);
        if (bias is not null)
            Elementwise.Add(value, bias.Data, value);
        Tensor<T>[] inputs = bias is null ? [x, weight] : [x, weight, bias];
        return Result("linear", value, Rank, inputs, Saves.Inputs, g =>
        {
            if (x.RequiresGrad)
            {
                var dx = new Matrix<T>(x.Data.Rows, x.Data.Columns);
                Blas.Gemm(T.One, g, weight.Data, T.Zero, dx);
                x.AccumulateGrad(dx, owned: true);
            }
            if (weight.RequiresGrad)
                Blas.Gemm(T.One, g, x.Data, T.One, weight.GradientForUpdate(), transposeA: true);
            bias?.AccumulateGrad(g); // summed over the rows down to the bias's one row
        });
    }

    /// <summary>The size that must match in a product: the last axis of the left operand, the first of the right one.</summary>
    private static int InnerSize(Tensor<T> t, bool left) => t.Rank == 1 ? t.Data.Columns : left ? t.Data.Columns : t.Data.Rows;
}
