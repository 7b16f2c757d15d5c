using Descent.Numerics;

namespace Descent.Autograd;

// The matrix product, through Numerics' GEMM. For C = A·B: ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G = (Gᵀ·A)ᵀ, with the
// transposes passed to GEMM as flags or views (no copies).
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

    /// <summary>The size that must match in a product: the last axis of the left operand, the first of the right one.</summary>
    private static int InnerSize(Tensor<T> t, bool left) => t.Rank == 1 ? t.Data.Columns : left ? t.Data.Columns : t.Data.Rows;
}
