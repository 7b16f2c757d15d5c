using Descent.Numerics;
using Descent.Preprocessing;

namespace Descent.Tests.Preprocessing;

/// <summary>
/// PolynomialFeatures counts its output columns before building them (with overflow checks) and refuses, before
/// allocating, a fit whose memory exceeds <see cref="MemoryBudget"/> (issue 17, item 5): measured by outcome, an error
/// naming the size, not by time.
/// </summary>
public class PolynomialBudgetTests
{
    private static readonly Matrix<double> OneFeature = Matrix.FromRows<double>([[1.0], [2.0], [3.0]]);

    [Theory]
    [InlineData(1, 1, false, true)]
    [InlineData(3, 4, false, false)]
    [InlineData(5, 3, true, true)]
    [InlineData(4, 7, true, false)]
    [InlineData(2, 0, false, true)]
    public void ColumnCount_EqualsTheTermsBuilt(int features, int degree, bool interactionOnly, bool bias)
    {
        var x = Matrix.Filled(2, features, 1.5);
        var settings = new PolynomialFeatures { Degree = degree, InteractionOnly = interactionOnly, IncludeBias = bias };
        Assert.Equal(settings.Fit(x).OutputFeatureCount, settings.ColumnCount(features));
    }

    [Fact]
    public void ColumnCount_OfAHugeDegree_SaturatesInsteadOfOverflowing()
    {
        Assert.Equal(int.MaxValue, new PolynomialFeatures { Degree = int.MaxValue, IncludeBias = false }.ColumnCount(1));
        Assert.Equal(long.MaxValue, new PolynomialFeatures { Degree = int.MaxValue }.ColumnCount(1000));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(100_000)]
    public void Fit_OfAHugeDegree_IsRefusedBeforeAllocating_NamingTheSize(int degree)
    {
        var error = Assert.Throws<InsufficientMemoryException>(() => new PolynomialFeatures { Degree = degree, IncludeBias = false }.Fit(OneFeature));

        Assert.Contains($"PolynomialFeatures.Fit: degree {degree} on 1 feature", error.Message);
        Assert.Contains("more than the memory budget of", error.Message);
        Assert.Matches(@"need [0-9.]+ [GTPE]B", error.Message);
    }

    [Fact]
    public void Fit_OfAModestDegree_StillWorks()
    {
        var model = new PolynomialFeatures { Degree = 300, IncludeBias = false }.Fit(OneFeature);
        Assert.Equal(300, model.OutputFeatureCount);
    }
}
