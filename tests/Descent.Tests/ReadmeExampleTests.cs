using Descent.Data;
using Descent.Linear;
using Descent.Preprocessing;

namespace Descent.Tests;

/// <summary>The library example of README.md, kept compiling and true.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void PipelineExample_FitsHousePrices_LikeTheNormalEquation()
    {
        var data = Datasets.Load("house_prices");
        var model = new Pipeline(new StandardScaler())
            .Then(new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.1, Tolerance = 0 })
            .Fit(data.Features, data.RequireNumericTarget());
        double[] predictions = model.Predict(data.Features);

        var exact = new LinearRegression().Fit(data.Features, data.RequireNumericTarget()).Predict(data.Features);
        for (int i = 0; i < predictions.Length; i++)
            Assert.Equal(exact[i], predictions[i], exact[i] * 1e-6);
    }
}
