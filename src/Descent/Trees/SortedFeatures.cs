using System.Runtime.InteropServices;
using Descent.Numerics;

namespace Descent.Trees;

/// <summary>A feature value (float32, as scikit-learn's trees store X) and the training row it belongs to.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SortedEntry
{
    /// <summary>The feature value.</summary>
    public float Value;

    /// <summary>The training row.</summary>
    public int Row;
}

/// <summary>
/// The training features sorted once, feature by feature: <c>Entries[f·n + r]</c> is the r-th smallest value of
/// feature f with its row (ties by row). A tree keeps these lists partitioned node by node instead of sorting
/// each node again, so each node costs O(n_node·p) rather than O(n_node·log n_node·p). Shared read-only between
/// the trees of a forest.
/// </summary>
internal sealed class SortedFeatures
{
    private SortedFeatures(SortedEntry[] entries, int rowCount, int featureCount)
    {
        Entries = entries;
        RowCount = rowCount;
        FeatureCount = featureCount;
    }

    /// <summary>p lists of n entries, each sorted by value.</summary>
    public SortedEntry[] Entries { get; }

    /// <summary>Number of training rows n.</summary>
    public int RowCount { get; }

    /// <summary>Number of features p.</summary>
    public int FeatureCount { get; }

    /// <summary>Validates <paramref name="x"/> (finite, fits float32, non-empty) and sorts every feature, features split across threads.</summary>
    public static SortedFeatures Build(Matrix<double> x, string operation)
    {
        DataCheck.Shape(x, operation);
        int n = x.Rows, p = x.Columns;
        var entries = new SortedEntry[(long)n * p];
        int failed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Parallelism.MaxThreads, p) };
        Parallel.For(0, p, options, () => new ulong[n], (f, _, keys) =>
        {
            if (!SortFeature(x, f, keys, entries.AsSpan(f * n, n)))
                Interlocked.Exchange(ref failed, 1);
            return keys;
        }, _ => { });
        if (failed != 0)
            DataCheck.ThrowNotFloat32(x, operation);
        return new SortedFeatures(entries, n, p);
    }

    /// <summary>
    /// Sorts column <paramref name="feature"/> as 64-bit keys (order-preserving float bits above the row index),
    /// which orders by value, then row. Returns false when a value is not a finite float32.
    /// </summary>
    private static bool SortFeature(Matrix<double> x, int feature, ulong[] keys, Span<SortedEntry> target)
    {
        int n = x.Rows;
        for (int i = 0; i < n; i++)
        {
            float v = (float)x[i, feature];
            if (!float.IsFinite(v))
                return false;
            keys[i] = ((ulong)OrderedBits(v) << 32) | (uint)i;
        }
        Array.Sort(keys);
        for (int i = 0; i < n; i++)
        {
            int row = (int)(uint)keys[i];
            target[i] = new SortedEntry { Value = (float)x[row, feature], Row = row };
        }
        return true;
    }

    /// <summary>Maps a float to a uint whose unsigned order is the float's numeric order (-0 just below +0).</summary>
    private static uint OrderedBits(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }
}
