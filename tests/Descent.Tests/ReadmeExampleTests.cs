using Descent.Autograd;
using Descent.Data;
using Descent.Linear;
using Descent.NeuralNetworks;
using Descent.Numerics.Random;
using Descent.Optimization;
using Descent.Persistence;
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

    [Fact]
    public void TableExample_FitsSavesAndLoadsAPipelineOverAMessyTable()
    {
        string csv = Path.Combine(AppContext.BaseDirectory, "golden", "tables", "customers.csv");
        string saved = Path.Combine(Path.GetTempPath(), $"descent-readme-{Guid.NewGuid():N}.json");
        var table = TableReader.Read(csv, new() { Target = "segment", Exclude = ["id", "spend"], Thousands = ',' });
        var columns = new ColumnTransformer(
            new ColumnSteps(["income", "age", "visits"], new SimpleImputer { Strategy = ImputeStrategy.Median }),
            new ColumnSteps(["city"], new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }, new OneHotEncoder()),
            new ColumnSteps(["signup"], new DateFeatures(), new SimpleImputer()));
        var churn = new Pipeline(columns, new StandardScaler()).Then(new LogisticRegression()).Fit(table, table.RequireClassLabels());
        Label[] labels = churn.Predict(table);
        try
        {
            ModelFile.Save(saved, new SavedModel(churn, table.ColumnNames, table.TargetName));
            var loaded = ModelFile.Load(saved);
            Assert.Equal(labels, loaded.Classifier!.Predict(loaded.Prepare(table)));
            Assert.True(labels.Zip(table.TargetLabels!).Count(p => p.First.Text == p.Second) > 0.8 * table.Rows);
        }
        finally
        {
            File.Delete(saved);
        }
    }

    [Fact]
    public void NeuralNetworkExample_LearnsIris_AndSavesItsWeights()
    {
        string path = Path.Combine(Path.GetTempPath(), $"iris-network-{Guid.NewGuid():N}.json");
        var iris = Datasets.Load("iris");
        var x = Tensor.Wrap(iris.Features);
        int[] species = iris.RequireClassLabels().Indices.ToArray();
        var rng = new Rng(0);
        var network = new Sequential<double>(new Linear<double>(4, 16, rng), new Relu<double>(), new Linear<double>(16, 3, rng));
        var optimizer = new ParameterOptimizer<double>(new Adam { LearningRate = 0.01 }, network.Parameters());
        for (int epoch = 0; epoch < 300; epoch++)
        {
            optimizer.ZeroGrad();
            var loss = Losses.CrossEntropy(network.Forward(x), species);
            loss.Backward();
            optimizer.Step();
        }
        network.SaveWeights(path);

        var predicted = network.Forward(iris.Features).ArgMax(1);
        Assert.True(predicted.Zip(species).Count(p => p.First == p.Second) >= 140, "training accuracy below 140/150");
        var copy = new Sequential<double>(new Linear<double>(4, 16, new Rng(9)), new Relu<double>(), new Linear<double>(16, 3, new Rng(9)));
        copy.LoadWeights(path);
        File.Delete(path);
        Assert.Equal(predicted, copy.Forward(iris.Features).ArgMax(1));
    }

    [Fact]
    public void MlpExample_LearnsIris()
    {
        var iris = Datasets.Load("iris");
        var mlp = new MlpClassifier { HiddenLayerSizes = [16], LearningRate = 0.01, Seed = 0 }.Fit(iris.Features, iris.RequireClassLabels());
        Label[] predicted = mlp.Predict(iris.Features);
        var truth = iris.RequireClassLabels();
        Assert.True(predicted.Where((label, i) => label == truth.Classes[truth.Indices[i]]).Count() >= 140, "training accuracy below 140/150");
        Assert.Equal(mlp.Iterations, mlp.History.Costs.Count);
    }
}
