using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Linear;

/// <summary>The scores Z = XWᵀ + 1bᵀ of a linear classifier (one column per weight row), through <see cref="Blas.Gemm{T}"/>.</summary>
internal static class LinearScores
{
    public static Matrix<double> Compute(Matrix<double> x, Matrix<double> weights, ReadOnlySpan<double> intercepts)
    {
        var z = new Matrix<double>(x.Rows, weights.Rows);
        Blas.Gemm(1.0, x, weights, 0.0, z, transposeB: true);
        for (int i = 0; i < z.Rows; i++)
        {
            var row = z.RowSpan(i);
            TensorPrimitives.Add(row, intercepts, row);
        }
        return z;
    }
}
