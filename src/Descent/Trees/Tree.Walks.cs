using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Trees;

/// <summary>How rows go down a tree to their leaves, for every prediction of trees and forests.</summary>
public sealed partial class Tree
{
    /// <summary>
    /// The leaves reached by rows <paramref name="start"/> .. start + leaves.Length of <paramref name="rows"/>. Eight
    /// rows walk down together, each one level in turn, so that the reads of their nodes overlap instead of waiting
    /// for one another (a walk is a chain of dependent reads, mostly from outside the cache in a big forest).
    /// </summary>
    internal void Leaves(FeatureRows rows, int start, Span<int> leaves)
    {
        if (_right.Storage is ushort[] shorts)
            Leaves(shorts, rows, start, leaves);
        else
            Leaves((int[])_right.Storage, rows, start, leaves);
    }

    private void Leaves<TRight>(TRight[] right, FeatureRows rows, int start, Span<int> leaves)
        where TRight : unmanaged, IBinaryInteger<TRight>
    {
        switch (_feature.Storage)
        {
            case sbyte[] bytes:
                Walk(bytes, right, rows, start, leaves);
                break;
            case short[] shorts:
                Walk(shorts, right, rows, start, leaves);
                break;
            default:
                Walk((int[])_feature.Storage, right, rows, start, leaves);
                break;
        }
    }

    /// <summary>
    /// <see cref="Leaves"/> over the features and right children as stored (<see cref="NodeFeatures"/>,
    /// <see cref="RightChildren"/>), compiled once per pair of types. A leaf's right child is never followed.
    /// </summary>
    private void Walk<TFeature, TRight>(TFeature[] feature, TRight[] right, FeatureRows rows, int start, Span<int> leaves)
        where TFeature : unmanaged, IBinaryInteger<TFeature>
        where TRight : unmanaged, IBinaryInteger<TRight>
    {
        double[] threshold = _threshold;
        ReadOnlySpan<float> values = rows.Values;
        int width = rows.FeatureCount, i = 0;
        Span<int> node = stackalloc int[Interleaved];
        Span<int> offset = stackalloc int[Interleaved];
        for (; i + Interleaved <= leaves.Length; i += Interleaved)
        {
            node.Clear();
            for (int k = 0; k < Interleaved; k++)
                offset[k] = (start + i + k) * width;
            int walking = -1;
            while (walking != 0)
            {
                walking = 0;
                for (int k = 0; k < Interleaved; k++)
                {
                    // Arithmetic, not branches, on the data: a mispredicted branch would throw away the other walks' reads.
                    int n = node[k], f = int.CreateTruncating(feature[n]), r = int.CreateTruncating(right[n]);
                    int split = ~(f >> 31);                                      // all ones at a split, 0 at a leaf
                    int left = Unsafe.BitCast<bool, byte>(values[offset[k] + (f & split)] <= threshold[n]);
                    int next = r + left * (n + 1 - r);
                    node[k] = (next & split) | (n & ~split);
                    walking |= split;
                }
            }
            node.CopyTo(leaves.Slice(i, Interleaved));
        }
        for (; i < leaves.Length; i++)
            leaves[i] = Leaf(feature, right, rows.Row(start + i));
    }

    /// <summary>The leaf reached by one row (features as float32, compared in double as scikit-learn does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Leaf<TFeature, TRight>(TFeature[] feature, TRight[] right, ReadOnlySpan<float> row)
        where TFeature : unmanaged, IBinaryInteger<TFeature>
        where TRight : unmanaged, IBinaryInteger<TRight>
    {
        double[] threshold = _threshold;
        int node = 0;
        while (true)
        {
            int f = int.CreateTruncating(feature[node]);
            if (f < 0)
                return node;
            node = row[f] <= threshold[node] ? node + 1 : int.CreateTruncating(right[node]);
        }
    }

    private const int Interleaved = 8;
}
