using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Decompositions;
using Descent.Numerics.Threading;

namespace Descent.Linear;

/// <summary>
/// The closed-form least-squares machinery shared by <see cref="LinearRegression"/> and <see cref="Ridge"/>:
/// centering (how scikit-learn fits the intercept), the Gram matrix XcᵀXc and Xcᵀyc through GEMM, and the
/// Cholesky solve of the normal equations.
/// </summary>
internal static class NormalEquation
{
    /// <summary>
    /// Below this pivot of the correlation matrix D⁻¹·XᵀX·D⁻¹ (D = diag √(XᵀX)ᵢᵢ), the normal equations lose too many
    /// digits: L[k,k]² = 1 − R²ₖ is the share of column k not explained by the columns before it, and the error of
    /// the Cholesky route grows like ε / L[k,k]². Below it the pivoted-QR least squares is used instead.
    /// </summary>
    private const double MinimumCorrelationPivot = 1e-6;

    /// <summary>Rows centered at a time when accumulating the Gram matrix (a cache-sized block, not a copy of X).</summary>
    private const int BlockRows = 2048;

    /// <summary>
    /// The row blocks are split into this many contiguous runs, each accumulated into its own partial XcᵀXc and Xcᵀyc,
    /// then the partials are added in run order. Threads take whole runs, so the result is the same for any thread count.
    /// </summary>
    private const int PartialSums = 8;

    /// <summary>
    /// Widest column tile of the triangular Gram accumulation (<see cref="AccumulateLowerGram"/>). Narrower tiles
    /// measured slower than the whole product at ~100 columns (GEMM loses more speed on thin tiles than the triangle saves).
    /// </summary>
    private const int GramTileColumns = 192;

    /// <summary>X and y with their column means removed (or X and y themselves, when not centering).</summary>
    public readonly record struct Centered(Matrix<double> X, double[] Y, double[] XMean, double YMean);

    /// <summary>The normal-equation inputs: G = XcᵀXc, r = Xcᵀyc, and the means that were removed (zeros when not centering).</summary>
    public readonly record struct Moments(Matrix<double> Gram, double[] XTy, double[] XMean, double YMean);

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
    /// G = XcᵀXc and r = Xcᵀyc. When centering, rows of [Xc yc] are centered a block at a time into a small buffer
    /// and the lower triangle of [Xc yc]ᵀ[Xc yc] is accumulated with GEMMs (its last row is r), then mirrored, so X
    /// is read once and never copied whole; runs of blocks go to
    /// separate partial sums (see <see cref="PartialSums"/>) so that threads can share the work.
    /// </summary>
    public static Moments ComputeMoments(Matrix<double> x, ReadOnlySpan<double> y, bool center)
    {
        int m = x.Rows, n = x.Columns;
        var gram = new Matrix<double>(n, n);
        var xty = new double[n];
        if (!center)
        {
            Blas.Gemm(1.0, x, x, 0.0, gram, transposeA: true);
            Blas.Gemv(1.0, x, Vec<double>.Wrap(y.ToArray()), 0.0, Vec<double>.Wrap(xty), transposeA: true);
            return new Moments(gram, xty, new double[n], 0.0);
        }
        var (xMean, yMean) = Means(x, y);
        int blockRows = Math.Min(m, BlockRows);
        int blocks = (m + blockRows - 1) / blockRows;
        int partials = Math.Min(blocks, PartialSums);
        var yc = new double[m];
        TensorPrimitives.Subtract(y, yMean, yc);
        var partialGrams = new Matrix<double>[partials];
        int threads = Math.Min(partials, Parallelism.MaxThreads);
        ForkJoin.Run(threads, t =>
        {
            var buffer = new Matrix<double>(blockRows, n + 1);
            for (int p = t; p < partials; p += threads)
            {
                var g = new Matrix<double>(n + 1, n + 1);
                int firstBlock = (int)((long)blocks * p / partials), endBlock = (int)((long)blocks * (p + 1) / partials);
                for (int b = firstBlock; b < endBlock; b++)
                {
                    int start = b * blockRows, rows = Math.Min(blockRows, m - start);
                    var block = buffer.RowRange(0, rows);
                    if (!x.HasContiguousRows)
                        x.RowRange(start, rows).CopyTo(block.ColumnRange(0, n));
                    for (int i = 0; i < rows; i++)
                    {
                        var row = block.RowSpan(i);
                        TensorPrimitives.Subtract(x.HasContiguousRows ? x.RowSpan(start + i) : row[..n], xMean, row[..n]);
                        row[n] = yc[start + i];
                    }
                    AccumulateLowerGram(block, g);
                }
                partialGrams[p] = g;
            }
        });
        var sum = partialGrams[0];
        for (int p = 1; p < partials; p++)
            TensorPrimitives.Add(sum.AsSpan(), partialGrams[p].AsSpan(), sum.AsSpan());
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                gram[i, j] = gram[j, i] = sum[i, j];
        for (int j = 0; j < n; j++)
            xty[j] = sum[n, j];
        return new Moments(gram, xty, xMean, yMean);
    }

    /// <summary>
    /// The lower triangle (tile by tile, diagonal tiles whole) of g += BᵀB, by GEMMs on column tiles of B of at most
    /// <see cref="GramTileColumns"/>: one GEMM for narrow B, towards half the work of the full product for wide B.
    /// </summary>
    private static void AccumulateLowerGram(Matrix<double> block, Matrix<double> g)
    {
        int n = block.Columns;
        int tiles = (n + GramTileColumns - 1) / GramTileColumns;
        for (int ti = 0; ti < tiles; ti++)
        {
            int rowStart = (int)((long)n * ti / tiles), rowCount = (int)((long)n * (ti + 1) / tiles) - rowStart;
            for (int tj = 0; tj <= ti; tj++)
            {
                int columnStart = (int)((long)n * tj / tiles), columnCount = (int)((long)n * (tj + 1) / tiles) - columnStart;
                Blas.Gemm(1.0, block.ColumnRange(rowStart, rowCount), block.ColumnRange(columnStart, columnCount), 1.0,
                    g.Slice(rowStart, rowCount, columnStart, columnCount), transposeA: true);
            }
        }
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
    public static double[]? TrySolveWellConditioned(Moments moments)
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
