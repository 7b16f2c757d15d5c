using Descent.Linear;

namespace Descent.Tests.Linear;

public class RegularizationPathTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Compute_MatchesScikitLearnEnetPath(int index)
    {
        var golden = LinearGoldens.SparseLinear.GetProperty("paths")[index];
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.SparseLinear, golden.GetProperty("dataset").GetString()!);
        double mean = y.Average();
        var centred = y.Select(v => v - mean).ToArray();
        var path = new RegularizationPath
        {
            L1Ratio = golden.GetProperty("l1_ratio").GetDouble(),
            AlphaCount = golden.GetProperty("n_alphas").GetInt32(),
            Epsilon = golden.GetProperty("eps").GetDouble(),
            FitIntercept = false,
            Tolerance = 1e-12,
            MaxIterations = 100000,
        }.Compute(x, centred);
        var alphas = Golden.Doubles(golden.GetProperty("alphas"));
        Golden.CloseToLargest(alphas, path.Alphas.ToArray(), 1e-12, "alphas");
        var coefs = golden.GetProperty("coefs");
        for (int k = 0; k < alphas.Length; k++)
            Golden.CloseToLargest(Golden.Doubles(coefs[k]), path.Coefficients.Row(k).ToArray(), 1e-6,
                $"coefficients at alpha[{k}] = {alphas[k]}", floor: 1);
        Assert.All(path.Coefficients.Row(0).ToArray(), w => Assert.Equal(0.0, w));
    }

    [Fact]
    public void Compute_WithIntercept_EqualsElasticNetFitsAtEachAlpha()
    {
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.SparseLinear, "tall_200x8");
        double[] alphas = [1.0, 0.3, 0.1, 0.01];
        var path = new RegularizationPath { L1Ratio = 0.5, Alphas = alphas, Tolerance = 1e-12 }.Compute(x, y);
        for (int k = 0; k < alphas.Length; k++)
        {
            var model = new ElasticNet { Alpha = alphas[k], L1Ratio = 0.5, Tolerance = 1e-12 }.Fit(x, y);
            Golden.CloseToLargest(model.Coefficients, path.Coefficients.Row(k).ToArray(), 1e-8, $"alpha {alphas[k]}", floor: 1);
            Assert.Equal(model.Intercept, path.Intercepts[k], 1e-7);
        }
    }

    [Fact]
    public void Compute_RidgeRatioWithoutAlphas_Throws()
    {
        var (x, y) = LinearGoldens.Dataset(LinearGoldens.SparseLinear, "tall_200x8");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RegularizationPath { L1Ratio = 0 }.Compute(x, y));
        Assert.Contains("Alphas must be given when L1Ratio is 0", ex.Message);
    }
}
