using System.Globalization;
using System.Text;
using Descent.Data.Parsing;

namespace Descent.Tests.Data;

public class Utf8DoubleTests
{
    private static void AssertSameAsRuntime(string text)
    {
        bool expectedOk = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected);
        bool ok = Utf8Double.TryParse(Encoding.ASCII.GetBytes(text), out double actual);
        Assert.True(expectedOk == ok, $"'{text}': runtime says {expectedOk}, Utf8Double says {ok}");
        if (ok)
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                $"'{text}': runtime {expected:R}, Utf8Double {actual:R}");
    }

    [Fact]
    public void TryParse_MatchesRuntimeBitForBit_OnRandomDoublesInEveryFormat()
    {
        var rng = new Random(11);
        for (int i = 0; i < 15_000; i++)
        {
            double bits = BitConverter.Int64BitsToDouble(rng.NextInt64() & 0x7FEF_FFFF_FFFF_FFFF);
            double scaled = rng.NextDouble() * Math.Pow(10, rng.Next(-30, 30)) * (rng.Next(2) == 0 ? -1 : 1);
            foreach (double d in new[] { bits, scaled })
            {
                AssertSameAsRuntime(d.ToString("R", CultureInfo.InvariantCulture));
                AssertSameAsRuntime(d.ToString("E16", CultureInfo.InvariantCulture));
                AssertSameAsRuntime(d.ToString("E18", CultureInfo.InvariantCulture));
                AssertSameAsRuntime(d.ToString("G" + rng.Next(1, 18), CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void TryParse_MatchesRuntime_OnRandomDigitStrings()
    {
        var rng = new Random(5);
        var builder = new StringBuilder();
        for (int i = 0; i < 50_000; i++)
        {
            builder.Clear();
            if (rng.Next(3) == 0)
                builder.Append('-');
            int digits = rng.Next(1, 24);
            for (int k = 0; k < digits; k++)
                builder.Append((char)('0' + rng.Next(10)));
            if (rng.Next(2) == 0)
                builder.Insert(rng.Next(builder[0] == '-' ? 1 : 0, builder.Length + 1), '.');
            if (rng.Next(2) == 0)
                builder.Append(rng.Next(2) == 0 ? 'e' : 'E').Append(rng.Next(-345, 312));
            AssertSameAsRuntime(builder.ToString());
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("+3")]
    [InlineData("1e5")]
    [InlineData("1E+05")]
    [InlineData("9007199254740993")]        // 2^53 + 1: halfway, rounds to even
    [InlineData("9007199254740995")]
    [InlineData("1e23")]                    // not exactly representable; the fast path must not be used
    [InlineData("2.2250738585072011e-308")] // largest subnormal neighbourhood
    [InlineData("2.2250738585072012e-308")]
    [InlineData("4.9406564584124654e-324")] // smallest subnormal
    [InlineData("2.4703282292062327e-324")] // just below half the smallest subnormal: 0
    [InlineData("2.4703282292062328e-324")] // just above: the smallest subnormal
    [InlineData("1.7976931348623157e308")]  // max
    [InlineData("1.7976931348623159e308")]  // rounds to infinity
    [InlineData("1e-400")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.000000000000000000000000000001234")]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("--1")]
    [InlineData("1..2")]
    [InlineData("1.2.3")]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("12a")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void TryParse_MatchesRuntime_OnEdgeCases(string text) => AssertSameAsRuntime(text);

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+INF", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void TryParse_ReadsInfinitySpellings(string text, double expected)
    {
        Assert.True(Utf8Double.TryParse(Encoding.ASCII.GetBytes(text), out double value));
        Assert.Equal(expected, value);
    }
}
