using Descent.Linear;
using Descent.Numerics;

namespace Descent.Tests.Linear;

/// <summary>
/// A model whose finite coefficients are too large for the data (a file edited to 1e308) gives infinite scores:
/// Predict refuses them, naming the first row, instead of returning Infinity or NaN probabilities (issue 17, item 11).
/// </summary>
public class NonFiniteOutputTests
{
    private static readonly Matrix<double> X = Matrix.FromRows<double>([[1.0, 2.0], [3.0, 4.0]]);

    [Fact]
    public void LinearModel_Predict_RefusesInfinitePredictions()
    {
        var model = new LinearModel([1e308, 1e308], 0.0);

        var error = Assert.Throws<DescentDataException>(() => model.Predict(X));

        Assert.Contains("LinearModel.Predict: the predictions are not finite (+Infinity at row 0)", error.Message);
        Assert.Contains("coefficients", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LogisticModel_RefusesInfiniteScores(bool multinomial)
    {
        var weights = Matrix.FromRows<double>(multinomial ? [[1e308, 1e308], [0.0, 0.0], [-1e308, 0.0]] : [[1e308, 1e308]]);
        Label[] classes = multinomial ? ["a", "b", "c"] : ["a", "b"];
        var model = new LogisticRegressionModel(classes, weights, new double[weights.Rows], multinomial, 0.5, new FitHistory([]), 1, StopReason.Converged);

        var error = Assert.Throws<DescentDataException>(() => model.PredictProbabilities(X));
        Assert.Contains("LogisticRegressionModel.PredictProbabilities: the scores are not finite (+Infinity at row 0", error.Message);
        Assert.Throws<DescentDataException>(() => model.Predict(X));
    }
}
