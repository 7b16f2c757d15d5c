using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Linear;

/// <summary>The scores Z = XWᵀ + 1bᵀ of a linear classifier (one column per weight row), through <see cref="Blas.Gemm{T}"/>.</summary>
internal static class LinearScores
{
    /// <exception cref="DescentDataException">A score is not finite (weights too large for X); <paramref name="operation"/> names the caller.</exception>
    public static Matrix<double> Compute(Matrix<double> x, Matrix<double> weights, ReadOnlySpan<double> intercepts, string operation)
    {
        var z = new Matrix<double>(x.Rows, weights.Rows);
        Blas.Gemm(1.0, x, weights, 0.0, z, transposeB: true);
        for (int i = 0; i < z.Rows; i++)
        {
            var row = z.RowSpan(i);
            TensorPrimitives.Add(row, intercepts, row);
        }
        DataCheck.FiniteOutputs(z.AsSpan(), z.Columns, "scores", operation);
        return z;
    }
}
