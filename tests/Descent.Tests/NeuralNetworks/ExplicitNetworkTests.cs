using Descent.Autograd;
using Descent.Linear;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Optimization;
using A = Descent.NeuralNetworks.ExplicitActivation;

namespace Descent.Tests.NeuralNetworks;

public class ExplicitNetworkTests
{
    public static TheoryData<string> Networks() => new(NetworkCases.Keys);

    private static readonly Dictionary<string, (int[] Sizes, A[] Activations)> NetworkCases = new()
    {
        ["linear regression (one neuron)"] = ([3, 1], [A.Identity]),
        ["logistic regression (one neuron)"] = ([3, 1], [A.Sigmoid]),
        ["tanh hidden, sigmoid out"] = ([3, 5, 1], [A.Tanh, A.Sigmoid]),
        ["relu, leaky relu, identity out"] = ([3, 6, 4, 2], [A.Relu, A.LeakyRelu, A.Identity]),
        ["sigmoid, tanh, softmax out"] = ([3, 4, 5, 3], [A.Sigmoid, A.Tanh, A.Softmax]),
    };

    /// <summary>The hand-written backward pass against autograd on the same network (rows as examples there), in double.</summary>
    [Theory]
    [MemberData(nameof(Networks))]
    public void Gradients_EqualAutograds(string name)
    {
        var (sizes, activations) = NetworkCases[name];
        var network = new ExplicitNetwork(sizes, activations, new Rng(1));
        var rng = new Rng(2);
        int m = 7, outputs = sizes[^1];
        var x = Matrix.RandomNormal<double>(m, sizes[0], rng);
        var classes = Enumerable.Range(0, m).Select(_ => rng.NextInt(outputs)).ToArray();
        var y = activations[^1] switch
        {
            A.Softmax => OneHot(classes, outputs),
            A.Sigmoid => Matrix.Wrap(Enumerable.Range(0, m).Select(i => (double)(i % 2)).ToArray(), m, 1),
            _ => Matrix.RandomNormal<double>(m, outputs, rng),
        };
        network.Forward(x);
        double cost = network.Cost(y);
        var (dw, db) = network.Backward(y);

        var weights = network.W.Select(w => Tensor.Wrap(w.Copy(), requiresGrad: true)).ToArray();
        var biases = network.B.Select(b => Tensor.Wrap(b.Column(0).Copy(), requiresGrad: true)).ToArray();
        var h = Tensor.Wrap(x);
        for (int l = 0; l < weights.Length; l++)
        {
            h = h.MatMul(weights[l].Transpose()) + biases[l];
            if (l < weights.Length - 1)
                h = activations[l] switch
                {
                    A.Sigmoid => h.Sigmoid(),
                    A.Tanh => h.Tanh(),
                    A.Relu => h.Relu(),
                    A.LeakyRelu => h.LeakyRelu(0.01),
                    _ => h,
                };
        }
        var loss = activations[^1] switch
        {
            A.Softmax => Losses.CrossEntropy(h, classes),
            A.Sigmoid => Losses.BinaryCrossEntropyWithLogits(h, Tensor.Wrap(y)),
            _ => Losses.MeanSquaredError(h, Tensor.Wrap(y), Reduction.Sum) / (2.0 * m),
        };
        loss.Backward();
        Golden.Close(loss.Item(), cost, "cost", 1e-12);
        for (int l = 0; l < weights.Length; l++)
        {
            Golden.Close(weights[l].Grad!.ToArray(), dw[l].ToArray(), $"dW{l + 1}", 1e-10);
            Golden.Close(biases[l].Grad!.ToArray(), db[l].ToArray(), $"db{l + 1}", 1e-10);
        }
    }

    private static Matrix<double> OneHot(int[] classes, int k)
    {
        var y = new Matrix<double>(classes.Length, k);
        for (int i = 0; i < classes.Length; i++)
            y[i, classes[i]] = 1;
        return y;
    }

    [Fact]
    public void OneNeuronLinearRegression_ReachesLinearRegressionsGradientDescentParameters()
    {
        var rng = new Rng(3);
        var x = Matrix.RandomNormal<double>(40, 3, rng);
        var y = new double[40];
        for (int i = 0; i < 40; i++)
            y[i] = 1.5 * x[i, 0] - 2 * x[i, 1] + 0.3 * x[i, 2] + 4 + 0.1 * rng.NextNormal();
        var reference = new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.05, Epochs = 300, Tolerance = 0,
        }.Fit(x, y);

        var neuron = new ExplicitNetwork([3, 1], [A.Identity]);
        var result = neuron.Fit(x, Matrix.ColumnVector<double>(y), new Sgd { LearningRate = 0.05 },
            new MiniBatchTraining { Epochs = 300, BatchSize = 40, Shuffle = false, FullPassLoss = true });
        Golden.Close(reference.Coefficients.ToArray(), neuron.W[0].ToArray(), "w", 1e-12);
        Golden.Close(reference.Intercept, neuron.B[0][0, 0], "b", 1e-12);
        Golden.Close(reference.History.Costs.ToArray(), result.History.Costs.ToArray(), "cost per epoch", 1e-12);
        Assert.Equal(300, result.Epochs);
    }

    [Fact]
    public void OneNeuronLogisticRegression_ReachesLogisticRegressionsGradientDescentParameters()
    {
        var rng = new Rng(4);
        var x = Matrix.RandomNormal<double>(60, 2, rng);
        var labels = Enumerable.Range(0, 60).Select(i => x[i, 0] - 0.5 * x[i, 1] + 0.4 * rng.NextNormal() > 0.2 ? 1 : 0).ToArray();
        var reference = new LogisticRegression
        {
            Solver = LogisticSolver.GradientDescent, Penalty = LogisticPenalty.None, LearningRate = 0.5, MaxIterations = 400, Tolerance = 0,
        }.Fit(x, labels);

        var neuron = new ExplicitNetwork([2, 1], [A.Sigmoid]);   // 400 steps of batch gradient descent from 0, as the reference
        neuron.Fit(x, Matrix.ColumnVector<double>(labels.Select(l => (double)l).ToArray()), new Sgd { LearningRate = 0.5 },
            new MiniBatchTraining { Epochs = 400, BatchSize = 60, Shuffle = false });
        Golden.Close(reference.Coefficients.Row(0).ToArray(), neuron.W[0].ToArray(), "w", 1e-10);
        Golden.Close(reference.Intercepts[0], neuron.B[0][0, 0], "b", 1e-10);
    }

    [Fact]
    public void HiddenLayers_LearnXor_WithTheDefaultBatchGradientDescent()
    {
        var x = Matrix.FromArray(new double[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
        var y = Matrix.ColumnVector<double>([0, 1, 1, 0]);
        var network = new ExplicitNetwork([2, 4, 1], [A.Tanh, A.Sigmoid], new Rng(5));
        var result = network.Fit(x, y, new Sgd { LearningRate = 1.0 });
        Assert.Equal(1000, result.Epochs);
        Assert.True(result.History.Costs[^1] < 0.05, $"cost {result.History.Costs[^1]}");
        var output = network.Forward(x);
        Assert.Equal(new[] { false, true, true, false }, output.Row(0).ToArray().Select(a => a > 0.5));
    }

    [Fact]
    public void BadSettingsAndShapes_AreClearErrors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExplicitNetwork([3], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExplicitNetwork([3, 0], [A.Identity]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExplicitNetwork([3, 2], [A.Identity, A.Identity]));
        var softmaxHidden = Assert.Throws<ArgumentOutOfRangeException>(() => new ExplicitNetwork([3, 2, 2], [A.Softmax, A.Sigmoid]));
        Assert.Contains("Softmax only in the last layer", softmaxHidden.Message);
        var network = new ExplicitNetwork([3, 2], [A.Sigmoid]);
        Assert.Throws<InvalidOperationException>(() => network.Backward(new Matrix<double>(4, 2)));
        Assert.Contains("x has 4 columns", Assert.Throws<ArgumentException>(() => network.Forward(new Matrix<double>(5, 4))).Message);
        network.Forward(new Matrix<double>(5, 3));
        Assert.Contains("y has shape 4×2", Assert.Throws<ArgumentException>(() => network.Backward(new Matrix<double>(4, 2))).Message);
        Assert.Throws<ArgumentException>(() => network.Fit(new Matrix<double>(5, 3), new Matrix<double>(4, 2), new Sgd()));
    }
}
