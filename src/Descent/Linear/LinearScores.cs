using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Linear;

/// <summary>The scores Z = XWᵀ + 1bᵀ of a linear classifier (one column per weight row), through <see cref="Blas.Gemm{T}"/>.</summary>
internal static class LinearScores
{
    /// <summary>Z for a fitted model's prediction; given <paramref name="operation"/> (the caller, for the message), a
    /// score that is not finite (weights too large for X) is refused. Training passes none: it watches divergence itself.</summary>
    /// <exception cref="DescentDataException">A score is not finite and <paramref name="operation"/> is given.</exception>
    public static Matrix<double> Compute(Matrix<double> x, Matrix<double> weights, ReadOnlySpan<double> intercepts, string? operation = null)
    {
        var z = new Matrix<double>(x.Rows, weights.Rows);
        Blas.Gemm(1.0, x, weights, 0.0, z, transposeB: true);
        for (int i = 0; i < z.Rows; i++)
        {
            var row = z.RowSpan(i);
            TensorPrimitives.Add(row, intercepts, row);
        }
        if (operation is not null)
            DataCheck.FiniteOutputs(z.AsSpan(), z.Columns, "scores", operation);
        return z;
    }
}
