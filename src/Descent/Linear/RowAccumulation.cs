using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Threading;

namespace Descent.Linear;

/// <summary>
/// result = α·Xᵀr for a tall X, as the sum over rows Σᵢ rᵢ·xᵢ accumulated four rows at a time, so X is read once,
/// row by row, and the accumulator (p values) stays in L1. Rows are cut into fixed runs of <see cref="RunRows"/>, each
/// summed into its own partial; partials are added in run order, so the result is the same for any thread count.
/// </summary>
internal static class RowAccumulation
{
    /// <summary>Rows per partial sum (a fixed split, independent of the thread count).</summary>
    private const int RunRows = 8192;

    /// <summary>result = alpha·Xᵀr (r has X.Rows entries, result X.Columns).</summary>
    public static void TransposeTimes(double alpha, Matrix<double> x, double[] r, double[] result)
    {
        int m = x.Rows, p = x.Columns;
        if (!x.HasContiguousRows || m == 0)
        {
            Blas.Gemm(alpha, Vec<double>.Wrap(r).AsRowMatrix(), x, 0.0, Vec<double>.Wrap(result).AsRowMatrix());
            return;
        }
        int runs = (m + RunRows - 1) / RunRows;
        var partials = new double[runs * p];
        int threads = Math.Min(runs, Parallelism.MaxThreads);
        ForkJoin.Run(threads, t =>
        {
            for (int run = t; run < runs; run += threads)
            {
                int first = run * RunRows;
                Accumulate(x, r, first, Math.Min(m, first + RunRows), partials.AsSpan(run * p, p));
            }
        });
        var sum = partials.AsSpan(0, p);
        for (int run = 1; run < runs; run++)
        {
            var part = partials.AsSpan(run * p, p);
            for (int j = 0; j < p; j++)
                sum[j] += part[j];
        }
        for (int j = 0; j < p; j++)
            result[j] = alpha * sum[j];
    }

    /// <summary>acc += Σ_{i in [first, end)} r[i]·X[i, :], four rows per pass over acc.</summary>
    private static void Accumulate(Matrix<double> x, double[] r, int first, int end, Span<double> acc)
    {
        int p = acc.Length, width = Vector<double>.Count;
        int i = first;
        for (; i + 4 <= end; i += 4)
        {
            var x0 = x.RowSpan(i);
            var x1 = x.RowSpan(i + 1);
            var x2 = x.RowSpan(i + 2);
            var x3 = x.RowSpan(i + 3);
            double r0 = r[i], r1 = r[i + 1], r2 = r[i + 2], r3 = r[i + 3];
            var v0 = new Vector<double>(r0);
            var v1 = new Vector<double>(r1);
            var v2 = new Vector<double>(r2);
            var v3 = new Vector<double>(r3);
            int j = 0;
            for (; j + width <= p; j += width)
            {
                var a = new Vector<double>(acc[j..]);
                a += v0 * new Vector<double>(x0[j..]) + v1 * new Vector<double>(x1[j..])
                    + (v2 * new Vector<double>(x2[j..]) + v3 * new Vector<double>(x3[j..]));
                a.CopyTo(acc[j..]);
            }
            for (; j < p; j++)
                acc[j] += r0 * x0[j] + r1 * x1[j] + (r2 * x2[j] + r3 * x3[j]);
        }
        for (; i < end; i++)
        {
            var xi = x.RowSpan(i);
            double ri = r[i];
            for (int j = 0; j < p; j++)
                acc[j] += ri * xi[j];
        }
    }
}
