using Descent.Linear;
using Descent.Numerics;
using Descent.Preprocessing;

namespace Descent.Tests.Linear;

/// <summary>
/// Features whose squares overflow (~1e160, ~1e300) or underflow (~1e-300) a double (issue 17, items 8 and 10): the
/// least-squares fits and the scaler refuse them with an error naming the column and the fix, instead of
/// NotPositiveDefiniteException, ArithmeticException, a NaN model or a silently wrong [0, 0].
/// </summary>
public class ExtremeMagnitudeTests
{
    private static (Matrix<double> X, double[] Y) Data(double scale)
    {
        var x = new Matrix<double>(6, 2);
        var y = new double[6];
        for (int i = 0; i < 6; i++)
        {
            x[i, 0] = (i + 1) * scale;
            x[i, 1] = (i * i % 5 + 1) * scale;
            y[i] = (x[i, 0] + x[i, 1]) / scale;
        }
        return (x, y);
    }

    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (string fit in new[] { "linear", "ridge", "lasso", "elasticnet", "elasticnet-gram", "path", "scaler" })
            foreach (double scale in new[] { 1e160, 1e300, 1e-300 })
                data.Add(fit, scale);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExtremeFeatures_AreRefusedNamingTheColumn(string fit, double scale)
    {
        var (x, y) = Data(scale);
        Action run = fit switch
        {
            "linear" => () => new LinearRegression().Fit(x, y),
            "ridge" => () => new Ridge().Fit(x, y),
            "lasso" => () => new Lasso { Alpha = 0.01 }.Fit(x, y),
            "elasticnet" => () => new ElasticNet { Alpha = 0.01 }.Fit(x, y),
            "elasticnet-gram" => () => new ElasticNet { Alpha = 0.01, PrecomputeGram = true }.Fit(x, y),
            "path" => () => new RegularizationPath { AlphaCount = 3 }.Compute(x, y),
            _ => () => new StandardScaler().Fit(x),
        };
        var error = Assert.Throws<DescentDataException>(run);
        Assert.Contains("column 0", error.Message);
        Assert.Contains(scale > 1 ? "overflow" : "underflow", error.Message);
        Assert.Contains("rescale", error.Message);
    }

    [Fact]
    public void LargeButSafeFeatures_StillFitExactly()
    {
        var (x, y) = Data(1e100);
        var model = new LinearRegression().Fit(x, y);
        Assert.Equal(1e-100, model.Coefficients[0], 1e-110);
        Assert.Equal(1e-100, model.Coefficients[1], 1e-110);
    }
}
