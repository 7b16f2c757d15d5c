using Descent.Plotting;

namespace Descent.Tests.Plotting;

public class TicksTests
{
    [Theory]
    [InlineData(1.0, 5, 0.2)]
    [InlineData(10.0, 5, 2.0)]
    [InlineData(100.0, 4, 20.0)]
    [InlineData(0.037, 5, 0.01)]
    [InlineData(7.0, 6, 1.0)]
    [InlineData(2500.0, 5, 500.0)]
    public void NiceStep_IsOneTwoOrFiveTimesAPowerOfTen(double span, int maxTicks, double expected)
    {
        Assert.Equal(expected, Ticks.NiceStep(span, maxTicks), 12);
    }

    [Fact]
    public void Linear_GivesRoundValuesInsideTheRange()
    {
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], Ticks.Linear(-0.02, 1.02, 5));
        Assert.Equal([-2, 0, 2, 4, 6, 8, 10, 12], Ticks.Linear(-3.7, 12.2, 6));
        // 3 × 0.1 is 0.30000000000000004 in floating point; the tick must be 0.3
        Assert.Contains(0.3, Ticks.Linear(0.05, 0.42, 5));
    }

    [Fact]
    public void Log_GivesDecades_AndTwoFiveWithinShortRanges()
    {
        Assert.Equal([1e-3, 1e-2, 1e-1, 1, 10, 100], Ticks.Log(5e-4, 200, 8));
        Assert.Equal([5, 10, 20, 50, 100], Ticks.Log(3.2, 110, 8));
    }

    [Theory]
    [InlineData(-0.5, 0.5, "\u22120.5")]
    [InlineData(0.30000000000000004, 0.1, "0.3")]
    [InlineData(1500, 500, "1500")]
    [InlineData(2e-5, 1e-5, "2×10⁻⁵")]
    [InlineData(1e6, 1e5, "10⁶")]
    public void Format_UsesStepDecimals_AndSuperscriptPowers(double value, double step, string expected)
    {
        Assert.Equal(expected, Ticks.Format(value, step));
    }

    [Theory]
    [InlineData(1049.4, "1049")]
    [InlineData(78.234, "78.2")]
    [InlineData(0.012345, "0.0123")]
    [InlineData(-5.8, "\u22125.8")]
    public void Significant_KeepsThreeDigits(double value, string expected)
    {
        Assert.Equal(expected, Ticks.Significant(value));
    }
}
