using Descent.Autograd;
using Descent.Data;
using Descent.Metrics;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.NeuralNetworks;

/// <summary>
/// The MLP's training objective (the layers' buffered fast path over one flat parameter vector, with scikit-learn's L2
/// term) gives the same batch loss and gradient as the autograd graph of the same network, and as finite differences;
/// bad input is refused with messages that name what is wrong.
/// </summary>
public class MlpPathTests
{
    public static TheoryData<MlpActivation, int> Networks() => new()
    {
        { MlpActivation.Relu, 2 }, { MlpActivation.Tanh, 3 }, { MlpActivation.Logistic, 4 }, { MlpActivation.Identity, 3 },
        { MlpActivation.LeakyRelu, 1 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void FastPath_EqualsTheAutogradGraph(MlpActivation activation, int outputs)
    {
        var rng = new Rng(11);
        var architecture = new MlpArchitecture([5, 7, 4, outputs], activation,
            outputs == 1 ? MlpOutput.Identity : MlpOutput.Softmax);
        var theta = new double[architecture.ParameterCount];
        architecture.Initialize<double>(theta, rng);
        var x = Matrix.RandomNormal<double>(9, 5, rng);
        int[] classes = Enumerable.Range(0, 9).Select(i => i % Math.Max(outputs, 2)).ToArray();
        double[] y = Enumerable.Range(0, 9).Select(i => rng.NextNormal()).ToArray();
        MlpTarget<double> target = outputs == 1 ? new RegressionMlpTarget<double>(y) : new MulticlassMlpTarget<double>(classes);
        const double alpha = 0.3;
        var network = new MlpNetwork<double>(architecture, theta, new double[theta.Length]);
        var objective = new MlpObjective<double>(network, x, target, alpha);
        int[] rows = [4, 0, 7, 2, 8];
        var gradient = new double[theta.Length];
        double loss = objective.BatchLossAndGradient(rows, theta, gradient);

        // The same loss built from Tensor operations over a copy of θ, differentiated by autograd.
        var copy = (double[])theta.Clone();
        var graph = new MlpNetwork<double>(architecture, copy, new double[copy.Length]);
        var batch = new Matrix<double>(rows.Length, 5);
        for (int i = 0; i < rows.Length; i++)
            x.RowSpan(rows[i]).CopyTo(batch.RowSpan(i));
        var scores = graph.Module.Forward(Tensor.Wrap(batch));
        var data = outputs == 1
            ? Losses.MeanSquaredError(scores, Tensor.Wrap(Matrix.ColumnVector<double>(rows.Select(r => y[r]).ToArray()))) * 0.5
            : Losses.CrossEntropy(scores, rows.Select(r => classes[r]).ToArray());
        var penalty = graph.Layers.Select(l => (l.Weight * l.Weight).Sum()).Aggregate((a, b) => a + b) * (alpha / (2 * rows.Length));
        var total = data + penalty;
        total.Backward();
        Assert.Equal(total.Item(), loss, 1e-14);
        Golden.Close(graph.Gradients!, gradient, "gradient", 1e-12);
    }

    [Fact]
    public void BinaryGradient_MatchesFiniteDifferences()
    {
        var rng = new Rng(5);
        var architecture = new MlpArchitecture([3, 4, 1], MlpActivation.Tanh, MlpOutput.Logistic);
        var theta = new double[architecture.ParameterCount];
        architecture.Initialize<double>(theta, rng);
        var x = Matrix.RandomNormal<double>(6, 3, rng);
        int[] classes = [0, 1, 1, 0, 1, 0];
        var objective = new MlpObjective<double>(new MlpNetwork<double>(architecture, theta, new double[theta.Length]), x,
            new BinaryMlpTarget<double>(classes), 0.1);
        int[] rows = [0, 1, 2, 3, 4, 5];
        var gradient = new double[theta.Length];
        objective.BatchLossAndGradient(rows, theta, gradient);
        var analytic = (double[])gradient.Clone();
        var start = (double[])theta.Clone();   // the objective copies other parameter vectors into the network's θ
        const double h = 1e-6;
        for (int k = 0; k < start.Length; k++)
        {
            var plus = (double[])start.Clone();
            var minus = (double[])start.Clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (objective.Loss(rows, plus) - objective.Loss(rows, minus)) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[k]) < 1e-7, $"θ[{k}]: analytic {analytic[k]}, numeric {numeric}");
        }
    }

    [Fact]
    public void ALossThatBecomesNaN_StopsTraining_NamingTheEpochAndTheLearningRate()
    {
        var x = Matrix.FromRows<double>([[1e3, -2e3], [3e3, 1e3], [-2e3, 4e3], [5e3, 5e3]]);
        var e = Assert.Throws<DivergenceException>(() => new MlpRegressor
        {
            HiddenLayerSizes = [8], Solver = MlpSolver.Sgd, LearningRate = 10, MaxIterations = 50, Seed = 0,
        }.Fit(x, [1e4, -2e4, 3e4, 4e4]));
        Assert.Matches(@"MlpRegressor\.Fit diverged at epoch \d+: the loss became (NaN|infinite)\. The learning rate 10 is too large", e.Message);
        Assert.Contains("smaller LearningRate", e.Message);
    }

    [Fact]
    public void Settings_OutOfRange_AreRefusedByName()
    {
        var x = Matrix.FromRows<double>([[0, 1], [1, 0], [1, 1]]);
        ClassLabels y = new[] { 0, 1, 1 };
        Assert.Contains("HiddenLayerSizes must be one or more layer widths, each >= 1, got [4, 0]",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpClassifier { HiddenLayerSizes = [4, 0] }.Fit(x, y)).Message);
        Assert.Contains("HiddenLayerSizes must be one or more layer widths",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpClassifier { HiddenLayerSizes = [] }.Fit(x, y)).Message);
        Assert.Contains("MlpClassifier: Alpha must be a finite number >= 0, got -1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpClassifier { Alpha = -1 }.Fit(x, y)).Message);
        Assert.Contains("ValidationFraction must be in (0, 1), got 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpRegressor { ValidationFraction = 1 }.Fit(x, [1.0, 2, 3])).Message);
        Assert.Contains("MlpClassifier: LearningRate must be a finite number > 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpClassifier { LearningRate = 0 }.Fit(x, y)).Message);
        Assert.Contains("MlpClassifier: Momentum must be in [0, 1)",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpClassifier { Solver = MlpSolver.Sgd, Momentum = 1 }.Fit(x, y)).Message);
    }

    [Fact]
    public void ANetworkTooLargeForTheMachine_IsRefusedBeforeAllocating()
    {
        var x = Matrix.FromRows<double>([[0, 1], [1, 0], [1, 1]]);
        var e = Assert.Throws<InsufficientMemoryException>(() =>
            new MlpClassifier { HiddenLayerSizes = [1_000_000, 1_000_000] }.Fit(x, new[] { 0, 1, 1 }));
        Assert.Contains("MlpClassifier.Fit: a network of 1,000,005,000,001 parameters (layers 2-1000000-1000000-1)", e.Message);
        Assert.Contains("use narrower hidden layers", e.Message);
    }

    [Fact]
    public void ShapeMismatches_NameTheShapes()
    {
        var model = new MlpClassifier { HiddenLayerSizes = [3], MaxIterations = 2, Seed = 0 }
            .Fit(Matrix.FromRows<double>([[0, 1], [1, 0], [1, 1]]), new[] { 0, 1, 1 });
        var e = Assert.Throws<DescentDataException>(() => model.Predict(new Matrix<double>(2, 3)));
        Assert.Contains("MlpClassifierModel.Predict", e.Message);
        Assert.Contains("3", e.Message);
        var layers = new MlpNetwork<double>(model.Parameters.Architecture, new double[model.Parameters.Architecture.ParameterCount]);
        var layerError = Assert.Throws<ArgumentException>(() => layers.Module.Forward(new Matrix<double>(2, 5)));
        Assert.Contains("layer '0' (Linear(2 → 3)): the input has shape [2, 5] but this layer takes 2 features per row", layerError.Message);
    }

    [Fact]
    public void EarlyStopping_KeepsTheBestEpochsWeights_AndStopsAfterPatience()
    {
        var digits = Datasets.Load("digits");
        var model = new MlpClassifier
        {
            HiddenLayerSizes = [16], LearningRate = 0.01, MaxIterations = 200, EarlyStopping = true, IterationsWithoutChange = 3, Seed = 1,
        }.Fit(digits.Features * (1.0 / 16), digits.RequireClassLabels());
        var scores = model.History.ValidationScores;
        Assert.Equal(model.Iterations, scores.Count);
        Assert.Equal(StopReason.NoImprovement, model.StopReason);
        Assert.True(model.Iterations < 200);
        Assert.Equal(scores.Max(), model.BestValidationScore);
        // scikit-learn stops when the epochs without an improvement of tol exceed n_iter_no_change: the last 4 did not improve.
        int best = scores.ToList().IndexOf(scores.Max());
        Assert.True(scores.Count - 1 - best >= 3, $"stopped {scores.Count - 1 - best} epochs after the best");
    }

    [Fact]
    public void Float32Training_LearnsAndPredictsInFloat32()
    {
        var digits = Datasets.Load("digits");
        var x = new Matrix<float>(digits.Rows, digits.Features.Columns);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
                x[i, j] = (float)(digits.Features[i, j] / 16);
        var model = new MlpClassifier { HiddenLayerSizes = [32], LearningRate = 0.01, MaxIterations = 20, Seed = 0 }.Fit(x, digits.RequireClassLabels());
        Assert.True(model.IsSinglePrecision);
        double accuracy = ClassificationMetrics.Accuracy(digits.RequireClassLabels().Indices,
            model.PredictClassIndices(digits.Features * (1.0 / 16)));
        Assert.True(accuracy > 0.97, $"training accuracy {accuracy}");
        x[3, 5] = float.NaN;
        var labels = digits.RequireClassLabels();
        var e = Assert.Throws<DescentDataException>(() => new MlpClassifier().Fit(x, labels, null));
        Assert.StartsWith("MlpClassifier.Fit: X contains NaN at row 3, column 5. MlpClassifier does not accept missing or infinite values", e.Message);
        Assert.Equal((3L, 5), (e.Row, e.Column));
    }
}
