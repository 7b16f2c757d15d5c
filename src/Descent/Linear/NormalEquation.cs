using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Decompositions;
using Descent.Numerics.Gemm;
using Descent.Numerics.Threading;

namespace Descent.Linear;

/// <summary>
/// The closed-form least-squares machinery shared by <see cref="LinearRegression"/> and <see cref="Ridge"/>:
/// centering (how scikit-learn fits the intercept), the Gram matrix XcᵀXc and Xcᵀyc, and the Cholesky solve of the
/// normal equations.
/// </summary>
internal static class NormalEquation
{
    /// <summary>
    /// Below this pivot of the correlation matrix D⁻¹·XᵀX·D⁻¹ (D = diag √(XᵀX)ᵢᵢ), the normal equations lose too many
    /// digits: L[k,k]² = 1 − R²ₖ is the share of column k not explained by the columns before it, and the error of
    /// the Cholesky route grows like ε / L[k,k]². Below it the pivoted-QR least squares is used instead.
    /// </summary>
    private const double MinimumCorrelationPivot = 1e-6;

    /// <summary>Rows summed at a time when computing the means.</summary>
    private const int BlockRows = 2048;

    /// <summary>
    /// The row blocks are split into this many contiguous runs, each summed into its own partial, then the partials are
    /// added in run order. Threads take whole runs, so the result is the same for any thread count.
    /// </summary>
    private const int PartialSums = 8;

    /// <summary>X and y with their column means removed (or X and y themselves, when not centering).</summary>
    public readonly record struct Centered(Matrix<double> X, double[] Y, double[] XMean, double YMean);

    /// <summary>
    /// Column means of X and the mean of y. Rows are summed in <see cref="PartialSums"/> fixed runs of whole
    /// <see cref="BlockRows"/> blocks that threads share, and the run sums are added in order (same result for any
    /// thread count).
    /// </summary>
    private static (double[] XMean, double YMean) Means(Matrix<double> x, ReadOnlySpan<double> y)
    {
        int m = x.Rows, n = x.Columns;
        var xMean = new double[n];
        if (!x.HasContiguousRows)
        {
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    xMean[j] += x[i, j];
        }
        else
        {
            int blocks = (m + BlockRows - 1) / BlockRows;
            int runs = Math.Max(1, Math.Min(blocks, PartialSums));
            var runSums = new double[runs * n];
            int threads = Math.Min(runs, Parallelism.MaxThreads);
            ForkJoin.Run(threads, t =>
            {
                for (int run = t; run < runs; run += threads)
                {
                    var sum = runSums.AsSpan(run * n, n);
                    int first = (int)((long)blocks * run / runs) * BlockRows;
                    int end = Math.Min(m, (int)((long)blocks * (run + 1) / runs) * BlockRows);
                    for (int i = first; i < end; i++)
                        TensorPrimitives.Add(x.RowSpan(i), sum, sum);
                }
            });
            for (int run = 0; run < runs; run++)
                TensorPrimitives.Add(runSums.AsSpan(run * n, n), xMean, xMean);
        }
        TensorPrimitives.Divide(xMean, m, xMean);
        return (xMean, TensorPrimitives.Sum(y) / m);
    }

    /// <summary>X − mean(X) and y − mean(y) as fresh copies when <paramref name="center"/>, else X and a copy of y (means 0).</summary>
    public static Centered Center(Matrix<double> x, ReadOnlySpan<double> y, bool center)
    {
        if (!center)
            return new Centered(x, y.ToArray(), new double[x.Columns], 0.0);
        var (xMean, yMean) = Means(x, y);
        var xc = x.Copy();
        for (int i = 0; i < xc.Rows; i++)
            TensorPrimitives.Subtract(xc.RowSpan(i), xMean, xc.RowSpan(i));
        var yc = new double[y.Length];
        TensorPrimitives.Subtract(y, yMean, yc);
        return new Centered(xc, yc, xMean, yMean);
    }

    /// <summary>
    /// G = XcᵀXc and r = Xcᵀyc (X and y themselves when not centering), with X read once (<see cref="CenteredGram"/>:
    /// centering fused into a symmetric rank-k update), and X and y validated from that pass
    /// (<see cref="DataCheck.RegressionData(Matrix{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, string)"/>):
    /// the caller checks only their shapes first.
    /// </summary>
    /// <exception cref="DescentDataException">X or y holds NaN or ±∞, or a column of X cannot be squared.</exception>
    public static CrossProducts ComputeMoments(Matrix<double> x, ReadOnlySpan<double> y, bool center, string operation)
    {
        var moments = CenteredGram.Compute(x, y, center);
        DataCheck.RegressionData(x, y, moments.ColumnMagnitudes, operation);
        return moments;
    }

    /// <summary>Xᵀy (n) by GEMV with transposed A.</summary>
    public static double[] TransposeTimes(Matrix<double> x, double[] y)
    {
        var result = new double[x.Columns];
        Blas.Gemv(1.0, x, Vec<double>.Wrap(y), 0.0, Vec<double>.Wrap(result), transposeA: true);
        return result;
    }

    /// <summary>
    /// Solves G·w = r through the Cholesky factor of the correlation-scaled D⁻¹GD⁻¹, or returns null when G is
    /// singular or a pivot falls below <see cref="MinimumCorrelationPivot"/> (the caller then uses least squares).
    /// </summary>
    public static double[]? TrySolveWellConditioned(CrossProducts moments)
    {
        var gram = moments.Gram.Copy();
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
        if (factor.MinimumPivot() * factor.MinimumPivot() < MinimumCorrelationPivot)
            return null;
        var scaledRhs = new double[n];
        TensorPrimitives.Divide(moments.XTy, scale, scaledRhs);
        var w = factor.Solve(scaledRhs);
        TensorPrimitives.Divide(w, scale, w);
        return w;
    }

    /// <summary>The intercept that goes with coefficients fitted on centered data: b = ȳ − x̄·w.</summary>
    public static double Intercept(double[] xMean, double yMean, double[] w) => yMean - TensorPrimitives.Dot<double>(xMean, w);
}
