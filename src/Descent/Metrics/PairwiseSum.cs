namespace Descent.Metrics;

/// <summary>
/// numpy's pairwise summation (used by <c>np.sum</c>): blocks of up to 128 summed with 8 interleaved accumulators,
/// halves combined recursively. Error O(log n · ε) instead of O(n · ε), and the same rounding as numpy.
/// </summary>
internal static class PairwiseSum
{
    private const int BlockSize = 128;

    public static double Sum(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 8)
        {
            double res = 0.0;
            for (int i = 0; i < n; i++)
                res += values[i];
            return res;
        }
        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            int i = 8;
            for (; i < n - (n % 8); i += 8)
                for (int j = 0; j < 8; j++)
                    r[j] += values[i + j];
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
                res += values[i];
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return Sum(values[..half]) + Sum(values[half..]);
    }
}
