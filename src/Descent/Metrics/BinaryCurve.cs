using System.Buffers;

namespace Descent.Metrics;

/// <summary>
/// scikit-learn's <c>_binary_clf_curve</c>: sort the scores once in descending order and, at every distinct score
/// (a threshold), the cumulative false and true positives of predicting "positive" for every score ≥ it.
/// Tied scores form one threshold. O(n) radix sort plus one O(n) pass; zero-weight samples are left out.
/// </summary>
internal sealed class BinaryCurve
{
    private BinaryCurve(double[] falsePositives, double[] truePositives, double[] thresholds)
    {
        FalsePositives = falsePositives;
        TruePositives = truePositives;
        Thresholds = thresholds;
    }

    /// <summary>Cumulative (weighted) false positives at each threshold, non-decreasing.</summary>
    public double[] FalsePositives { get; }

    /// <summary>Cumulative (weighted) true positives at each threshold, non-decreasing.</summary>
    public double[] TruePositives { get; }

    /// <summary>The distinct scores, decreasing.</summary>
    public double[] Thresholds { get; }

    public int Count => Thresholds.Length;

    /// <summary>The curve of <paramref name="scores"/> against the 0/1 mask <paramref name="positive"/>.</summary>
    public static BinaryCurve Compute(string function, byte[] positive, ReadOnlySpan<double> scores, ReadOnlySpan<double> sampleWeight)
    {
        InputCheck.SameLength(function, ("yTrue", positive.Length, true), ("yScore", scores.Length, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        InputCheck.NotEmpty(function, "yScore", scores.Length);
        InputCheck.Finite(function, "yScore", scores);
        InputCheck.Finite(function, "sampleWeight", sampleWeight);
        return sampleWeight.IsEmpty ? Unweighted(positive, scores) : Weighted(positive, scores, sampleWeight);
    }

    private static BinaryCurve Unweighted(byte[] positive, ReadOnlySpan<double> scores)
    {
        int n = scores.Length;
        ulong[] keyArray = ArrayPool<ulong>.Shared.Rent(n), keyScratch = ArrayPool<ulong>.Shared.Rent(n);
        byte[] labelArray = ArrayPool<byte>.Shared.Rent(n), labelScratch = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            Span<ulong> keys = keyArray.AsSpan(0, n);
            Span<byte> labels = labelArray.AsSpan(0, n);
            // reversed input order: ties then come out as numpy's reversed stable argsort orders them
            for (int j = 0; j < n; j++)
            {
                keys[j] = RadixSort.DescendingKey(scores[n - 1 - j]);
                labels[j] = positive[n - 1 - j];
            }
            RadixSort.Sort(keys, labels, keyScratch, labelScratch);
            int m = DistinctCount(keys);
            var fps = new double[m];
            var tps = new double[m];
            var thresholds = new double[m];
            m = 0;
            long truePositives = 0;
            for (int i = 0; i < n; i++)
            {
                truePositives += labels[i];
                if (i == n - 1 || keys[i] != keys[i + 1])
                {
                    tps[m] = truePositives;
                    fps[m] = 1 + i - truePositives;
                    thresholds[m] = RadixSort.ScoreOf(keys[i]);
                    m++;
                }
            }
            return new BinaryCurve(fps, tps, thresholds);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keyArray);
            ArrayPool<ulong>.Shared.Return(keyScratch);
            ArrayPool<byte>.Shared.Return(labelArray);
            ArrayPool<byte>.Shared.Return(labelScratch);
        }
    }

    private static BinaryCurve Weighted(byte[] positive, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        int n = 0;
        for (int i = 0; i < weights.Length; i++)
            n += weights[i] != 0 ? 1 : 0;
        var keys = new ulong[n];
        var rows = new int[n];
        int j = 0;
        for (int i = scores.Length - 1; i >= 0; i--)
        {
            if (weights[i] == 0)
                continue;
            keys[j] = RadixSort.DescendingKey(scores[i]);
            rows[j++] = i;
        }
        RadixSort.Sort(keys.AsSpan(), rows.AsSpan(), new ulong[n], new int[n]);
        int m = DistinctCount(keys);
        var fps = new double[m];
        var tps = new double[m];
        var thresholds = new double[m];
        m = 0;
        double truePositives = 0, falsePositives = 0;
        for (int i = 0; i < n; i++)
        {
            int row = rows[i];
            truePositives += positive[row] * weights[row];
            falsePositives += (1 - positive[row]) * weights[row];
            if (i == n - 1 || keys[i] != keys[i + 1])
            {
                tps[m] = truePositives;
                fps[m] = falsePositives;
                thresholds[m] = RadixSort.ScoreOf(keys[i]);
                m++;
            }
        }
        return new BinaryCurve(fps, tps, thresholds);
    }

    /// <summary>The number of distinct values among sorted keys.</summary>
    private static int DistinctCount(ReadOnlySpan<ulong> sortedKeys)
    {
        int count = sortedKeys.Length > 0 ? 1 : 0;
        for (int i = 1; i < sortedKeys.Length; i++)
            count += sortedKeys[i] != sortedKeys[i - 1] ? 1 : 0;
        return count;
    }
}
