namespace Descent.Metrics;

/// <summary>
/// Stable least-significant-digit radix sort of 64-bit keys with a payload: 6 passes of 11 bits, skipping a pass when
/// every key shares that digit (scores in [0, 1] share their top bits). O(n), about 10× faster than a comparison sort
/// on a million doubles. Doubles become keys with <see cref="DescendingKey"/>, so ascending keys are descending scores.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;
    private const ulong SignBit = 1UL << 63;

    /// <summary>A key whose ascending unsigned order is the descending order of <paramref name="score"/>; -0 and +0 get the same key.</summary>
    public static ulong DescendingKey(double score)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(score + 0.0);
        ulong ascending = (bits & SignBit) != 0 ? ~bits : bits | SignBit;
        return ~ascending;
    }

    /// <summary>The score a <see cref="DescendingKey"/> came from.</summary>
    public static double ScoreOf(ulong key)
    {
        ulong ascending = ~key;
        ulong bits = (ascending & SignBit) != 0 ? ascending & ~SignBit : ~ascending;
        return BitConverter.UInt64BitsToDouble(bits);
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending, moving <paramref name="payload"/> with them; equal keys keep their order.
    /// The scratch spans must be as long as the keys; the sorted data ends in <paramref name="keys"/>/<paramref name="payload"/>.
    /// </summary>
    public static void Sort<TPayload>(Span<ulong> keys, Span<TPayload> payload, Span<ulong> keyScratch, Span<TPayload> payloadScratch)
        where TPayload : unmanaged
    {
        int n = keys.Length;
        if (n < 2)
            return;
        var counts = new int[Passes * Buckets];
        for (int i = 0; i < n; i++)
        {
            ulong key = keys[i];
            for (int p = 0; p < Passes; p++)
                counts[p * Buckets + (int)((key >> (p * DigitBits)) & (Buckets - 1))]++;
        }
        Span<ulong> sourceKeys = keys, targetKeys = keyScratch[..n];
        Span<TPayload> sourcePayload = payload, targetPayload = payloadScratch[..n];
        var offsets = new int[Buckets];
        bool inScratch = false;
        for (int p = 0; p < Passes; p++)
        {
            var histogram = counts.AsSpan(p * Buckets, Buckets);
            int shift = p * DigitBits;
            if (histogram[(int)((sourceKeys[0] >> shift) & (Buckets - 1))] == n)
                continue;
            int running = 0;
            for (int b = 0; b < Buckets; b++)
            {
                offsets[b] = running;
                running += histogram[b];
            }
            for (int i = 0; i < n; i++)
            {
                ulong key = sourceKeys[i];
                int slot = offsets[(int)((key >> shift) & (Buckets - 1))]++;
                targetKeys[slot] = key;
                targetPayload[slot] = sourcePayload[i];
            }
            Span<ulong> k = sourceKeys;
            sourceKeys = targetKeys;
            targetKeys = k;
            Span<TPayload> q = sourcePayload;
            sourcePayload = targetPayload;
            targetPayload = q;
            inScratch = !inScratch;
        }
        if (inScratch)
        {
            sourceKeys.CopyTo(keys);
            sourcePayload.CopyTo(payload);
        }
    }
}
