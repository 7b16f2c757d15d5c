using System.Text.Json;
using Descent.Metrics;

namespace Descent.Tests.Metrics;

public class RegressionMetricsTests
{
    public static TheoryData<string> Cases() => new(Golden.Load("metrics", "regression").GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    private static JsonElement Case(string name) =>
        Golden.Load("metrics", "regression").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryMetric_MatchesScikitLearn(string name)
    {
        var c = Case(name);
        double[] y = Golden.Doubles(c.GetProperty("y_true")), yHat = Golden.Doubles(c.GetProperty("y_pred")), w = Golden.Doubles(c.GetProperty("sample_weight"));
        Golden.Close(Golden.Double(c.GetProperty("mse").GetProperty("value")), RegressionMetrics.MeanSquaredError(y, yHat, w), "mse");
        Golden.Close(Golden.Double(c.GetProperty("rmse").GetProperty("value")), RegressionMetrics.RootMeanSquaredError(y, yHat, w), "rmse");
        Golden.Close(Golden.Double(c.GetProperty("mae").GetProperty("value")), RegressionMetrics.MeanAbsoluteError(y, yHat, w), "mae");
        Golden.Close(Golden.Double(c.GetProperty("r2").GetProperty("value")), RegressionMetrics.R2Score(y, yHat, w), "r2");
        Golden.Close(Golden.Double(c.GetProperty("explained_variance").GetProperty("value")), RegressionMetrics.ExplainedVariance(y, yHat, w), "ev");
    }

    [Fact]
    public void BadInput_RaisesScikitLearnsMessage()
    {
        var errors = Golden.Load("metrics", "regression").GetProperty("errors");
        Golden.Raises(errors.GetProperty("length"), () => RegressionMetrics.MeanSquaredError([1.0, 2.0, 3.0], [1.0, 2.0]));
        Golden.Raises(errors.GetProperty("nan_pred"), () => RegressionMetrics.MeanSquaredError([1.0, 2.0], [1.0, double.NaN]));
        Golden.Raises(errors.GetProperty("inf_true"), () => RegressionMetrics.MeanAbsoluteError([1.0, double.PositiveInfinity], [1.0, 2.0]));
        var nan = Assert.Throws<DescentDataException>(() => RegressionMetrics.R2Score([1.0, 2.0, 3.0], [1.0, 2.0, double.NaN]));
        Assert.Equal(2, nan.Row);
        Assert.Contains("yPred[2]", nan.Message);
    }

    [Fact]
    public void IntegerWeights_EqualRepeatingTheSamples()
    {
        double[] y = [1.0, -2.0, 3.5, 0.25], yHat = [0.5, -1.0, 3.0, 1.0], w = [1, 3, 2, 1];
        var repeatedY = new List<double>();
        var repeatedHat = new List<double>();
        for (int i = 0; i < y.Length; i++)
            for (int k = 0; k < w[i]; k++)
            {
                repeatedY.Add(y[i]);
                repeatedHat.Add(yHat[i]);
            }
        double[] ry = repeatedY.ToArray(), rh = repeatedHat.ToArray();
        Golden.Close(RegressionMetrics.MeanSquaredError(ry, rh), RegressionMetrics.MeanSquaredError(y, yHat, w), "mse");
        Golden.Close(RegressionMetrics.R2Score(ry, rh), RegressionMetrics.R2Score(y, yHat, w), "r2");
        Golden.Close(RegressionMetrics.ExplainedVariance(ry, rh), RegressionMetrics.ExplainedVariance(y, yHat, w), "ev");
    }
}
