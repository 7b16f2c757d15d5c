using System.Globalization;
using System.Runtime.CompilerServices;

namespace Descent.Data.Parsing;

/// <summary>
/// Parses an invariant-culture decimal number from UTF-8 bytes, correctly rounded (the same double as
/// <see cref="double.Parse(string, IFormatProvider)"/>): optional sign, digits with an optional '.', optional
/// exponent ('e'/'E', optional sign, digits); "1.", ".5" and "1e5" are numbers. "nan", "inf" and "infinity"
/// (any case, optional sign) parse to NaN and ±infinity so the caller can name them as missing values.
/// Up to 19 digits (leading zeros counted) go through Clinger's exact fast path or <see cref="EiselLemire"/>; longer
/// numbers (rare) go to the runtime's parser.
/// </summary>
internal static class Utf8Double
{
    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>True when <paramref name="text"/> (already trimmed, not empty) is a whole number; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        int n = text.Length, i = 0;
        bool negative = false;
        if (n > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        // Every digit goes into the significand, leading zeros included (no test per digit); more than 19 digits, which
        // could overflow it, go to the runtime's parser below. The loops are written out: one helper taking these
        // locals by ref measured 10-15 % slower CSV loading (csv-load bench), the locals no longer living in registers.
        ulong significand = 0;
        int exponent = 0, integerStart = i;
        uint digit;
        while (i < n && (digit = (uint)(text[i] - (byte)'0')) <= 9)
        {
            significand = significand * 10 + digit;
            i++;
        }
        int digits = i - integerStart;
        if (i < n && text[i] == (byte)'.')
        {
            int fractionStart = ++i;
            while (i < n && (digit = (uint)(text[i] - (byte)'0')) <= 9)
            {
                significand = significand * 10 + digit;
                i++;
            }
            exponent = fractionStart - i;
            digits += i - fractionStart;
        }
        if (digits == 0)
            return TryParseSpecial(text, out value);
        if (i < n && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            bool negativeExponent = false;
            if (i < n && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }
            int start = i, written = 0;
            while (i < n && (digit = (uint)(text[i] - (byte)'0')) <= 9)
            {
                if (written < 100_000)
                    written = written * 10 + (int)digit;
                i++;
            }
            if (i == start)
            {
                value = 0;
                return false;
            }
            exponent += negativeExponent ? -written : written;
        }
        if (i != n)
        {
            value = 0;
            return false;
        }
        if (digits > 19)
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

        if (significand <= (1UL << 53) && exponent >= -22 && exponent <= 22)
        {
            // Clinger: both operands are exact doubles, so one correctly rounded operation gives the answer.
            double d = significand;
            d = exponent < 0 ? d / ExactPowersOfTen[-exponent] : d * ExactPowersOfTen[exponent];
            value = negative ? -d : d;
            return true;
        }
        double result = BitConverter.UInt64BitsToDouble(EiselLemire.ToDoubleBits(significand, exponent));
        value = negative ? -result : result;
        return true;
    }

    private static bool TryParseSpecial(ReadOnlySpan<byte> text, out double value)
    {
        bool negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            text = text[1..];
        }
        if (EqualsIgnoreCase(text, "nan"u8))
        {
            value = double.NaN;
            return true;
        }
        if (EqualsIgnoreCase(text, "inf"u8) || EqualsIgnoreCase(text, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        value = 0;
        return false;
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase)
    {
        if (text.Length != lowerCase.Length)
            return false;
        for (int i = 0; i < text.Length; i++)
            if ((text[i] | 0x20) != lowerCase[i])
                return false;
        return true;
    }
}
