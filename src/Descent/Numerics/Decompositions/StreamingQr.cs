using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Decompositions;

/// <summary>
/// Reduces a tall least-squares problem min ‖A·X − B‖ (m ≫ n) to an n × n one with the same minimizers:
/// A = Q·R by Householder reflections applied to blocks of rows in turn (each block is stacked under the R built
/// so far and annihilated), so ‖A·x − b‖² = ‖R·x − c‖² + ρ with c = (Qᵀb)[0..n) and ρ = ‖(Qᵀb)[n..m)‖².
/// Each block is held transposed (one contiguous run of rows per column), so the reflections are dot products and
/// axpys of block length over cache-resident data, and A is read exactly once.
/// </summary>
internal static class StreamingQr
{
    private const int BlockRows = 256;

    /// <summary>Returns R (n × n upper triangular), C = (QᵀB)[0..n) (n × k) and ρ per column of B.</summary>
    public static (Matrix<T> R, Matrix<T> C, T[] Residuals) Reduce<T>(Matrix<T> a, Matrix<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Rows, n = a.Columns, k = b.Columns;
        var r = new Matrix<T>(n, n);
        var c = new Matrix<T>(n, k);
        var residuals = new T[k];
        int blockRows = Math.Min(BlockRows, m);
        var columns = new T[n * blockRows];   // column j of the block at [j·rows, (j+1)·rows)
        var targets = new T[k * blockRows];
        T[] rData = r.Data, cData = c.Data;
        for (int start = 0; start < m; start += blockRows)
        {
            int rows = Math.Min(blockRows, m - start);
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < n; j++)
                    columns[j * rows + i] = a[start + i, j];
                for (int j = 0; j < k; j++)
                    targets[j * rows + i] = b[start + i, j];
            }
            for (int j = 0; j < n; j++)
            {
                var v = columns.AsSpan(j * rows, rows);
                T tau = Reflect(ref rData[j * n + j], v);
                if (tau == T.Zero)
                    continue;
                for (int l = j + 1; l < n; l++)
                    Apply(ref rData[j * n + l], columns.AsSpan(l * rows, rows), v, tau);
                for (int l = 0; l < k; l++)
                    Apply(ref cData[j * k + l], targets.AsSpan(l * rows, rows), v, tau);
            }
            for (int l = 0; l < k; l++)
                residuals[l] += TensorPrimitives.SumOfSquares<T>(targets.AsSpan(l * rows, rows));
        }
        return (r, c, residuals);
    }

    /// <summary>
    /// The reflector that maps (head, tail) to (β, 0): sets head = β = −sign(head)·‖(head, tail)‖, scales tail to
    /// v = tail/(head − β) and returns τ = (β − head)/β; τ = 0 (no reflection) when the tail is already 0.
    /// </summary>
    private static T Reflect<T>(ref T head, Span<T> tail) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = TensorPrimitives.MaxMagnitude<T>(tail);
        if (scale == T.Zero)
            return T.Zero;
        T tailNorm = scale * T.Sqrt(TensorPrimitives.SumOfSquares<T>(tail) / (scale * scale));
        if (!T.IsFinite(tailNorm))
            tailNorm = TensorPrimitives.Norm<T>(tail);
        T alpha = head;
        T norm = Householder.Hypot(alpha, tailNorm);
        T beta = alpha >= T.Zero ? -norm : norm;
        TensorPrimitives.Multiply(tail, T.One / (alpha - beta), tail);
        head = beta;
        return (beta - alpha) / beta;
    }

    /// <summary>(head, column) −= τ·w·(1, v) with w = head + v·column: the reflector applied to one column.</summary>
    private static void Apply<T>(ref T head, Span<T> column, ReadOnlySpan<T> v, T tau) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T w = tau * (head + TensorPrimitives.Dot(v, column));
        head -= w;
        TensorPrimitives.MultiplyAdd(v, -w, column, column);
    }
}
