using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Numerics.Random;

/// <summary>
/// The seeded random generator every stochastic algorithm in Descent uses: xoshiro256** (Blackman and Vigna)
/// with its state filled by SplitMix64 from the seed. The stream is defined by this code alone, so the same
/// seed gives the same numbers on every machine, .NET version and thread count (unlike <see cref="System.Random"/>).
/// Not thread-safe: give each thread or task its own generator from <see cref="Derive"/>.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>A generator whose stream is fixed by <paramref name="seed"/>.</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>A generator whose stream is fixed by <paramref name="seed"/> (negative seeds are allowed).</summary>
    public Rng(long seed)
        : this(unchecked((ulong)seed))
    {
    }

    /// <summary>
    /// The seed of child stream <paramref name="stream"/> of <paramref name="seed"/> (tree k of a forest, fold k,
    /// epoch k): a SplitMix64 hash of both, so children are independent of each other and of thread scheduling.
    /// </summary>
    public static ulong Derive(ulong seed, ulong stream)
    {
        ulong x = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        SplitMix64(ref x);
        return SplitMix64(ref x);
    }

    /// <summary>Next 64 uniformly random bits (xoshiro256**).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits: (bits &gt;&gt; 11) * 2⁻⁵³.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [0, 1) with 24 random bits: (bits &gt;&gt; 40) * 2⁻²⁴.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public int NextInt(int bound)
    {
        if (bound <= 0)
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "Rng.NextInt: bound must be > 0.");
        ulong range = (ulong)bound;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }
        return (int)(ulong)(product >> 64);
    }

    /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public int NextInt(int low, int high)
    {
        if (high <= low)
            throw new ArgumentOutOfRangeException(nameof(high), high, $"Rng.NextInt: high must be > low ({low}).");
        return low + NextInt(high - low);
    }

    /// <summary>A standard normal draw N(0, 1) by the Marsaglia polar method (pairs; the second is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        double factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates, from the last element down).</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>A random permutation of 0 .. n-1.</summary>
    public int[] Permutation(int n)
    {
        var result = new int[n];
        for (int i = 0; i < n; i++)
            result[i] = i;
        Shuffle(result.AsSpan());
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
