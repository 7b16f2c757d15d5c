using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Data.Parsing;

/// <summary>
/// Converts w × 10^q (w a decimal significand of at most 19 digits) to the nearest double, rounding half to even,
/// with the Eisel–Lemire algorithm: multiply w by a 128-bit approximation of 5^q and read the 53-bit mantissa off
/// the top of the product. Mushtak and Lemire ("Fast Number Parsing Without Fallback", 2023) prove the product is
/// always precise enough for w &lt; 2^64, so there is no fallback path.
/// </summary>
internal static class EiselLemire
{
    private const int MantissaBits = 52;
    private const int MinimumExponent = -1023;
    private const int InfinitePower = 0x7FF;
    private const int MinExponentRoundToEven = -4;
    private const int MaxExponentRoundToEven = 23;

    /// <summary>The bits of the positive double nearest to w × 10^q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ToDoubleBits(ulong w, int q)
    {
        if (w == 0 || q < PowersOfFive.SmallestPower)
            return 0;
        if (q > PowersOfFive.LargestPower)
            return (ulong)InfinitePower << MantissaBits;

        int leadingZeros = BitOperations.LeadingZeroCount(w);
        w <<= leadingZeros;

        // Product with the 128-bit 5^q: the high word carries the answer; the second word is needed only when
        // the bits below the mantissa are all ones (a carry might reach them).
        int index = 2 * (q - PowersOfFive.SmallestPower);
        ulong[] table = PowersOfFive.Table;
        ulong high = Math.BigMul(w, table[index], out ulong low);
        const ulong precisionMask = ulong.MaxValue >> (MantissaBits + 3);
        if ((high & precisionMask) == precisionMask)
        {
            ulong secondHigh = Math.BigMul(w, table[index + 1], out _);
            low += secondHigh;
            if (secondHigh > low)
                high++;
        }

        int upperBit = (int)(high >> 63);
        int shift = upperBit + 64 - MantissaBits - 3;
        ulong mantissa = high >> shift;
        int power2 = Power(q) + upperBit - leadingZeros - MinimumExponent;

        if (power2 <= 0)
        {
            // Subnormal (or zero): shift down to the fixed minimum exponent, then round.
            if (-power2 + 1 >= 64)
                return 0;
            mantissa >>= -power2 + 1;
            mantissa += mantissa & 1;
            mantissa >>= 1;
            power2 = mantissa < (1UL << MantissaBits) ? 0 : 1;
            return ((ulong)power2 << MantissaBits) | (mantissa & ((1UL << MantissaBits) - 1));
        }

        // Exactly halfway between two doubles (only possible when 5^q fits in 64 bits): round to even.
        if (low <= 1 && q >= MinExponentRoundToEven && q <= MaxExponentRoundToEven && (mantissa & 3) == 1
            && (mantissa << shift) == high)
            mantissa &= ~1UL;

        mantissa += mantissa & 1;
        mantissa >>= 1;
        if (mantissa >= 2UL << MantissaBits)
        {
            mantissa = 1UL << MantissaBits;
            power2++;
        }
        mantissa &= ~(1UL << MantissaBits);
        if (power2 >= InfinitePower)
            return (ulong)InfinitePower << MantissaBits;
        return ((ulong)power2 << MantissaBits) | mantissa;
    }

    /// <summary>floor(q · log2(10)) + 63, exact for |q| &lt; 350 (fast_float's detail::power).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Power(int q) => (((152170 + 65536) * q) >> 16) + 63;
}
