using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Decompositions;

namespace Descent.Linear;

/// <summary>
/// The closed-form least-squares machinery shared by <see cref="LinearRegression"/> and <see cref="Ridge"/>:
/// centering (how scikit-learn fits the intercept), the Gram matrix XᵀX through GEMM, and its Cholesky solve.
/// </summary>
internal static class NormalEquation
{
    /// <summary>
    /// Below this pivot of the correlation matrix D⁻¹·XᵀX·D⁻¹ (D = diag √(XᵀX)ᵢᵢ), the normal equations lose too many
    /// digits: L[k,k]² = 1 − R²ₖ is the share of column k not explained by the columns before it, and the error of
    /// the Cholesky route grows like ε / L[k,k]². Below it the pivoted-QR least squares is used instead.
    /// </summary>
    private const double MinimumCorrelationPivot = 1e-6;

    /// <summary>X and y with their column means removed (or X and y themselves, when not centering).</summary>
    public readonly record struct Centered(Matrix<double> X, double[] Y, double[] XMean, double YMean);

    /// <summary>X − mean(X) and y − mean(y) as fresh copies when <paramref name="center"/>, else X and a copy of y (means 0).</summary>
    public static Centered Center(Matrix<double> x, ReadOnlySpan<double> y, bool center)
    {
        int m = x.Rows, n = x.Columns;
        var xMean = new double[n];
        if (!center)
            return new Centered(x, y.ToArray(), xMean, 0.0);
        var source = x.ToContiguous();
        for (int i = 0; i < m; i++)
            TensorPrimitives.Add(source.RowSpan(i), xMean, xMean);
        TensorPrimitives.Divide(xMean, m, xMean);
        var xc = new Matrix<double>(m, n);
        for (int i = 0; i < m; i++)
            TensorPrimitives.Subtract(source.RowSpan(i), xMean, xc.RowSpan(i));
        double yMean = TensorPrimitives.Sum(y) / m;
        var yc = new double[m];
        TensorPrimitives.Subtract(y, yMean, yc);
        return new Centered(xc, yc, xMean, yMean);
    }

    /// <summary>XᵀX (n × n) by GEMM with transposed A.</summary>
    public static Matrix<double> Gram(Matrix<double> x)
    {
        var gram = new Matrix<double>(x.Columns, x.Columns);
        Blas.Gemm(1.0, x, x, 0.0, gram, transposeA: true);
        return gram;
    }

    /// <summary>Xᵀy (n) by GEMV with transposed A.</summary>
    public static double[] TransposeTimes(Matrix<double> x, double[] y)
    {
        var result = new double[x.Columns];
        Blas.Gemv(1.0, x, Vec<double>.Wrap(y), 0.0, Vec<double>.Wrap(result), transposeA: true);
        return result;
    }

    /// <summary>
    /// Ordinary least squares min ‖y − X·w‖²: Cholesky on the correlation-scaled normal equations when X has
    /// full column rank and is well conditioned; otherwise the minimum-norm solution of
    /// <see cref="LeastSquares"/> (as scikit-learn's scipy.linalg.lstsq), which also covers n &gt;= m.
    /// </summary>
    public static double[] OrdinaryLeastSquares(Matrix<double> x, double[] y, int rankLimit)
    {
        if (x.Columns <= rankLimit && TryCholesky(Gram(x), TransposeTimes(x, y)) is { } w)
            return w;
        return LeastSquares.Solve(x, y).Coefficients;
    }

    /// <summary>Solves G·w = r through the Cholesky factor of D⁻¹GD⁻¹, or null when a pivot falls below <see cref="MinimumCorrelationPivot"/>.</summary>
    private static double[]? TryCholesky(Matrix<double> gram, double[] rhs)
    {
        int n = gram.Rows;
        var scale = new double[n];
        for (int j = 0; j < n; j++)
        {
            scale[j] = Math.Sqrt(gram[j, j]);
            if (!(scale[j] > 0))
                return null;
        }
        var scaled = gram.AsSpan();
        for (int i = 0; i < n; i++)
        {
            var row = scaled.Slice(i * n, n);
            TensorPrimitives.Divide(row, scale, row);
            TensorPrimitives.Divide(row, scale[i], row);
        }
        Cholesky<double> factor;
        try
        {
            factor = Cholesky.Factor(gram);
        }
        catch (NotPositiveDefiniteException)
        {
            return null;
        }
        var l = factor.L;
        for (int k = 0; k < n; k++)
            if (l[k, k] * l[k, k] < MinimumCorrelationPivot)
                return null;
        var scaledRhs = new double[n];
        TensorPrimitives.Divide(rhs, scale, scaledRhs);
        var w = factor.Solve(scaledRhs);
        TensorPrimitives.Divide(w, scale, w);
        return w;
    }

    /// <summary>The intercept that goes with coefficients fitted on centered data: b = ȳ − x̄·w.</summary>
    public static double Intercept(Centered data, double[] w) => data.YMean - TensorPrimitives.Dot<double>(data.XMean, w);
}
