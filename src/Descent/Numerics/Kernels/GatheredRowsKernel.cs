using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;

namespace Descent.Numerics.Kernels;

/// <summary>
/// One pass over rows of X picked by index (a shuffled mini-batch B, scattered in memory) for a linear model's squared
/// loss: rᵢ = xᵢ·w + b − yᵢ and g += rᵢ·xᵢ for i ∈ B, returning (Σ rᵢ², Σ rᵢ). Each row comes from memory once (its
/// second use finds it in the L1 cache), and the row <see cref="PrefetchDistance"/> ahead is prefetched while this
/// one is used, so the pass waits on memory bandwidth rather than on the latency of each scattered row.
/// </summary>
internal static unsafe class GatheredRowsKernel
{
    /// <summary>How many rows ahead are fetched into the cache.</summary>
    private const int PrefetchDistance = 4;

    /// <summary>Σ rᵢ² and Σ rᵢ over <paramref name="rows"/>, adding rᵢ·xᵢ into <paramref name="gradient"/> when it is not empty.</summary>
    public static (double Squares, double Sum) Residuals(Matrix<double> x, ReadOnlySpan<int> rows, ReadOnlySpan<double> w,
        double b, ReadOnlySpan<double> y, Span<double> gradient)
    {
        double squares = 0, sum = 0;
        bool accumulate = !gradient.IsEmpty;
        for (int k = 0; k < rows.Length; k++)
        {
            if (k + PrefetchDistance < rows.Length)
                Prefetch(x.RowSpan(rows[k + PrefetchDistance]));
            int i = rows[k];
            ReadOnlySpan<double> row = x.RowSpan(i);
            double r = TensorPrimitives.Dot(row, w) + b - y[i];
            squares += r * r;
            sum += r;
            if (accumulate)
                TensorPrimitives.MultiplyAdd(row, r, gradient, gradient);
        }
        return (squares, sum);
    }

    /// <summary>Asks the processor to bring every cache line of <paramref name="row"/> into the cache.</summary>
    private static void Prefetch(ReadOnlySpan<double> row)
    {
        if (!Sse.IsSupported)
            return;
        fixed (double* p = row)
            for (int offset = 0; offset < row.Length; offset += 64 / sizeof(double))
                Sse.Prefetch0(p + offset);
    }
}
