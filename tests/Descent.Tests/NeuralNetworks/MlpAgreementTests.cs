using System.Text.Json;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Tests.NeuralNetworks;

/// <summary>
/// The runs of tests/reference/mlp.py: started from scikit-learn's initial weights, without shuffling, 5 epochs of SGD
/// with momentum, with Nesterov's momentum, and of Adam give scikit-learn 1.2's weights, loss curve and predictions
/// to 1e-8 in double, and with Adam's ε after the bias correction, PyTorch 1.13's.
/// </summary>
public class MlpAgreementTests
{
    private const double Tolerance = 1e-8;

    public static TheoryData<int> Cases() => Golden.CaseIndices("neural_networks", "mlp");

    [Theory]
    [MemberData(nameof(Cases))]
    public void FiveEpochs_MatchScikitLearn(int index)
    {
        var c = Case(index);
        var (model, predictions) = Train(c, AdamEpsilon.BeforeBiasCorrection);
        var expected = c.GetProperty("sklearn");
        CompareParameters(expected, model, c.GetProperty("name").GetString()!);
        Golden.Close(Golden.Doubles(expected.GetProperty("lossCurve")), model.History.Costs, "loss curve", Tolerance);
        Assert.Equal(expected.GetProperty("iterations").GetInt32(), model.Iterations);
        var expectedPredictions = expected.GetProperty("predictions");
        Golden.Close(Golden.AllNumbers(expectedPredictions) ? Golden.Doubles(expectedPredictions)
            : Golden.Rows(expectedPredictions).SelectMany(r => r).ToArray(), predictions, "predictions", Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FiveEpochs_MatchPyTorch(int index)
    {
        var c = Case(index);
        var (model, _) = Train(c, AdamEpsilon.AfterBiasCorrection);
        var expected = c.GetProperty("torch");
        CompareParameters(expected, model, c.GetProperty("name").GetString()!);
        Golden.Close(Golden.Doubles(expected.GetProperty("lossCurve")), model.History.Costs, "loss curve", Tolerance);
    }

    private static JsonElement Case(int index) => Golden.Load("neural_networks", "mlp").GetProperty("cases")[index];

    private static (MlpModel Model, double[] Predictions) Train(JsonElement c, AdamEpsilon epsilon)
    {
        var x = Golden.Matrix(c.GetProperty("x"));
        var initial = c.GetProperty("weights0").EnumerateArray().Zip(c.GetProperty("biases0").EnumerateArray())
            .SelectMany(layer => Golden.Rows(layer.First).SelectMany(r => r).Concat(Golden.Doubles(layer.Second))).ToArray();
        string task = c.GetProperty("task").GetString()!;
        var settings = new MlpRegressor
        {
            HiddenLayerSizes = Golden.Ints(c.GetProperty("hidden")),
            Activation = c.GetProperty("activation").GetString() switch
            {
                "relu" => MlpActivation.Relu,
                "tanh" => MlpActivation.Tanh,
                _ => MlpActivation.Logistic,
            },
            Solver = c.GetProperty("solver").GetString() == "adam" ? MlpSolver.Adam : MlpSolver.Sgd,
            Alpha = c.GetProperty("alpha").GetDouble(),
            BatchSize = c.GetProperty("batchSize").GetInt32(),
            MaxIterations = c.GetProperty("epochs").GetInt32(),
            LearningRate = c.GetProperty("learningRate").GetDouble(),
            Momentum = c.GetProperty("momentum").GetDouble(),
            Nesterov = c.GetProperty("nesterov").GetBoolean(),
            EpsilonPlacement = epsilon,
            Shuffle = false,
            InitialParameters = initial,
        };
        if (task == "regression")
        {
            var regressor = settings.Fit(x, Golden.Doubles(c.GetProperty("y")));
            return (regressor, regressor.Predict(x));
        }
        var classifier = new MlpClassifier
        {
            HiddenLayerSizes = settings.HiddenLayerSizes, Activation = settings.Activation, Solver = settings.Solver, Alpha = settings.Alpha,
            BatchSize = settings.BatchSize, MaxIterations = settings.MaxIterations, LearningRate = settings.LearningRate,
            Momentum = settings.Momentum, Nesterov = settings.Nesterov, EpsilonPlacement = epsilon, Shuffle = false,
            InitialParameters = initial,
        }.Fit(x, Golden.Ints(c.GetProperty("y")));
        var probabilities = classifier.PredictProbabilities(x);
        double[] predictions = task == "binary"
            ? Enumerable.Range(0, x.Rows).SelectMany(i => new[] { probabilities[i, 0], probabilities[i, 1] }).ToArray()
            : probabilities.AsSpan().ToArray();
        return (classifier, predictions);
    }

    private static void CompareParameters(JsonElement expected, MlpModel model, string name)
    {
        var weights = expected.GetProperty("weights").EnumerateArray().ToArray();
        var biases = expected.GetProperty("biases").EnumerateArray().ToArray();
        Assert.Equal(weights.Length, model.LayerCount);
        for (int l = 0; l < weights.Length; l++)
        {
            Golden.Close(Golden.Rows(weights[l]).SelectMany(r => r).ToArray(), model.Weight(l).AsSpan().ToArray(), $"{name} W{l}", Tolerance);
            Golden.Close(Golden.Doubles(biases[l]), model.Bias(l), $"{name} b{l}", Tolerance);
        }
    }
}
