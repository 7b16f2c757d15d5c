using Descent.Data;
using Descent.Metrics;
using Descent.ModelSelection;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Preprocessing;

namespace Descent.Tests.NeuralNetworks;

/// <summary>
/// MLPs learn (seeded runs): XOR with two hidden units, two moons, iris, and digits to at least 97 % on held-out
/// images; a regressor fits a curve no line can.
/// </summary>
public class MlpLearningTests
{
    /// <summary>Two tanh units suffice, but from some starts training settles in a plateau (a local minimum of XOR's
    /// loss, where one point stays wrong): seed 2 starts where it does not.</summary>
    [Fact]
    public void Xor_IsLearnedByTwoHiddenUnits()
    {
        var x = Matrix.FromRows<double>([[0, 0], [0, 1], [1, 0], [1, 1]]);
        int[] y = [0, 1, 1, 0];
        var model = new MlpClassifier
        {
            HiddenLayerSizes = [2], Activation = MlpActivation.Tanh, LearningRate = 0.1, MaxIterations = 1000, Alpha = 0, Seed = 2,
        }.Fit(x, y);
        Assert.Equal(y, model.PredictClassIndices(x));
        Assert.True(model.History.Costs[^1] < 0.1, $"final loss {model.History.Costs[^1]}");
    }

    [Fact]
    public void TwoMoons_AreSeparatedWhereALineCannot()
    {
        var moons = Generators.MakeMoons(400, noise: 0.15, seed: 3);
        var split = TrainTestSplit.Split(moons.Features, moons.RequireClassLabels(), 0.25, seed: 1);
        var model = new MlpClassifier { HiddenLayerSizes = [16, 16], LearningRate = 0.01, MaxIterations = 300, Seed = 2 }
            .Fit(split.XTrain, split.YTrain);
        double accuracy = ClassificationMetrics.Accuracy(split.YTest.Indices, model.PredictClassIndices(split.XTest));
        double linear = ClassificationMetrics.Accuracy(split.YTest.Indices,
            new Descent.Linear.LogisticRegression().Fit(split.XTrain, split.YTrain).PredictClassIndices(split.XTest));
        Assert.True(accuracy >= 0.97, $"test accuracy {accuracy}");
        Assert.True(accuracy > linear + 0.05, $"MLP {accuracy} vs logistic regression {linear}");
    }

    [Fact]
    public void Iris_IsClassifiedOnHeldOutFlowers()
    {
        var iris = Datasets.Load("iris");
        var split = TrainTestSplit.Split(iris.Features, iris.RequireClassLabels(), 0.3, seed: 0, stratify: true);
        var scaler = new StandardScaler().Fit(split.XTrain);
        var model = new MlpClassifier { HiddenLayerSizes = [10], LearningRate = 0.01, MaxIterations = 300, Seed = 0 }
            .Fit(scaler.Transform(split.XTrain), split.YTrain);
        double accuracy = ClassificationMetrics.Accuracy(split.YTest.Indices, model.PredictClassIndices(scaler.Transform(split.XTest)));
        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy}");
    }

    [Fact]
    public void Digits_AreRecognisedOnHeldOutImages()
    {
        var digits = Datasets.Load("digits");
        var split = TrainTestSplit.Split(digits.Features, digits.RequireClassLabels(), 0.25, seed: 0, stratify: true);
        var scaler = new StandardScaler().Fit(split.XTrain);
        var model = new MlpClassifier { HiddenLayerSizes = [64], MaxIterations = 40, LearningRate = 0.01, Seed = 0 }
            .Fit(scaler.Transform(split.XTrain), split.YTrain);
        double accuracy = ClassificationMetrics.Accuracy(split.YTest.Indices, model.PredictClassIndices(scaler.Transform(split.XTest)));
        Assert.True(accuracy >= 0.97, $"test accuracy {accuracy}");
        Assert.True(model.History.Costs[^1] < model.History.Costs[0] / 10, "the loss fell tenfold");
    }

    [Fact]
    public void Regressor_FitsASine()
    {
        var rng = new Descent.Numerics.Random.Rng(4);
        var x = new Matrix<double>(300, 1);
        var y = new double[300];
        for (int i = 0; i < y.Length; i++)
        {
            x[i, 0] = 6 * rng.NextDouble() - 3;
            y[i] = Math.Sin(x[i, 0]);
        }
        var model = new MlpRegressor { HiddenLayerSizes = [32], Activation = MlpActivation.Tanh, LearningRate = 0.01, MaxIterations = 400, Seed = 1 }
            .Fit(x, y);
        double r2 = RegressionMetrics.R2Score(y, model.Predict(x));
        Assert.True(r2 > 0.98, $"R² {r2}");
    }
}
