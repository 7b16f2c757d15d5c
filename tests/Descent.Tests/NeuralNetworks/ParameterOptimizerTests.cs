using Descent.Autograd;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Optimization;

namespace Descent.Tests.NeuralNetworks;

public class ParameterOptimizerTests
{
    private static Sequential<double> Network(ulong seed)
    {
        var rng = new Rng(seed);
        return new Sequential<double>(new Linear<double>(4, 8, rng), new Tanh<double>(), new Linear<double>(8, 3, rng));
    }

    [Fact]
    public void Sgd_Step_IsThetaMinusEtaTimesGradient_ForEveryParameter()
    {
        var network = Network(1);
        var optimizer = new ParameterOptimizer<double>(new Sgd { LearningRate = 0.1 }, network.Parameters());
        var x = Matrix.RandomNormal<double>(5, 4, new Rng(2));
        Losses.CrossEntropy(network.Forward(Tensor.Wrap(x)), [0, 1, 2, 1, 0]).Backward();
        var before = network.Parameters().Select(p => p.ToArray()).ToArray();
        var grads = network.Parameters().Select(p => p.Grad!.ToArray()).ToArray();
        optimizer.Step();
        for (int p = 0; p < before.Length; p++)
            Assert.Equal(before[p].Zip(grads[p], (t, g) => t - 0.1 * g), network.Parameters()[p].ToArray());
        Assert.Equal(1, optimizer.Steps);
        optimizer.ZeroGrad();
        Assert.All(network.Parameters(), p => Assert.All(p.Grad!.ToArray(), g => Assert.Equal(0.0, g)));
    }

    [Fact]
    public void Adam_TrainsTheSameOnBothPaths_AndLowersTheLoss()
    {
        var graph = Network(3);
        var layers = Network(3);
        var graphOptimizer = new ParameterOptimizer<double>(new Adam { LearningRate = 0.01 }, graph.Parameters());
        var layerOptimizer = new ParameterOptimizer<double>(new Adam { LearningRate = 0.01 }, layers.Parameters());
        var rng = new Rng(4);
        var x = Matrix.RandomNormal<double>(32, 4, rng);
        var labels = Enumerable.Range(0, 32).Select(i => x[i, 0] + x[i, 1] > 0 ? 1 : x[i, 2] > 0 ? 2 : 0).ToArray();
        var loss = new CrossEntropyLoss<double>();
        double first = 0, last = 0;
        for (int step = 0; step < 200; step++)
        {
            graphOptimizer.ZeroGrad();
            var value = loss.Forward(graph.Forward(Tensor.Wrap(x)), labels);
            value.Backward();
            graphOptimizer.Step();

            layerOptimizer.ZeroGrad();
            double layerValue = loss.Forward(layers.Forward(x), labels);
            layers.Backward(loss.Backward(), inputGradient: false);
            layerOptimizer.Step();

            Assert.Equal(value.Item(), layerValue);
            if (step == 0)
                first = layerValue;
            last = layerValue;
        }
        Assert.True(last < first / 3, $"loss {first} → {last}");
        for (int p = 0; p < graph.Parameters().Count; p++)
            Assert.Equal(graph.Parameters()[p].ToArray(), layers.Parameters()[p].ToArray());
    }

    [Fact]
    public void Step_ChangesParametersInPlace_SoAnOlderGraphRefusesBackward_AndSkipsParametersWithoutGradient()
    {
        var network = Network(5);
        var optimizer = new ParameterOptimizer<double>(new Sgd { LearningRate = 0.1, Momentum = 0.9 }, network.Parameters());
        var x = Tensor.Wrap(Matrix.RandomNormal<double>(3, 4, new Rng(6)));
        var output = network.Forward(x).Sum();
        output.Backward(retainGraph: true);
        optimizer.Step();
        Assert.Throws<InvalidOperationException>(() => output.Backward());

        var fresh = Network(7);
        var lonely = new ParameterOptimizer<double>(new Adam(), fresh.Parameters());
        var before = fresh.Parameters()[0].ToArray();
        lonely.Step();                                            // no gradients yet: nothing moves
        Assert.Equal(before, fresh.Parameters()[0].ToArray());
    }

    [Fact]
    public void Constructor_ChecksParametersAndSettings()
    {
        var network = Network(8);
        Assert.Throws<ArgumentException>(() => new ParameterOptimizer<double>(new Sgd(), []));
        Assert.Throws<ArgumentException>(() => new ParameterOptimizer<double>(new Sgd(), [network.Parameters()[0], network.Parameters()[0]]));
        Assert.Throws<ArgumentException>(() => new ParameterOptimizer<double>(new Sgd(), [Tensor.Zeros<double>(3)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterOptimizer<double>(new Sgd { LearningRate = -1 }, network.Parameters()));
    }

    /// <summary>
    /// The training engine's loop trains a flat parameter vector θ: layers built on views of θ (and of one flat gradient
    /// vector) are trained by it without copying parameters — the way an MLP estimator runs on the engine.
    /// </summary>
    [Fact]
    public void LayersOnAFlatVector_TrainWithTheEnginesMiniBatchLoop()
    {
        var rng = new Rng(9);
        var x = Matrix.RandomNormal<float>(200, 2, rng);
        var labels = Enumerable.Range(0, 200).Select(i => x[i, 0] * x[i, 1] > 0 ? 1 : 0).ToArray();
        var objective = new FlatNetworkObjective(x, labels, hidden: 16, rng);
        var result = new MiniBatchTraining { Epochs = 60, BatchSize = 20, Seed = 3 }
            .Run(objective, objective.Theta, new Adam { LearningRate = 0.02 }, "test network");
        Assert.True(result.History.Costs[^1] < 0.3 * result.History.Costs[0], string.Join(", ", result.History.Costs));
        Assert.Equal(objective.Theta[0], objective.Network.Parameters()[0].Data[0, 0]);   // the layers read θ itself
    }

    private sealed class FlatNetworkObjective : IMiniBatchObjective<float>
    {
        private readonly Matrix<float> _x;
        private readonly int[] _labels;
        private readonly float[] _gradient;
        private readonly Matrix<float> _batch;
        private readonly int[] _batchLabels;
        private readonly CrossEntropyLoss<float> _loss = new();

        public FlatNetworkObjective(Matrix<float> x, int[] labels, int hidden, Rng rng)
        {
            (_x, _labels) = (x, labels);
            var initial = new Sequential<float>(new Linear<float>(2, hidden, rng), new Linear<float>(hidden, 2, rng)).Parameters();
            Theta = new float[initial.Sum(p => p.Length)];
            _gradient = new float[Theta.Length];
            var views = new List<Tensor<float>>();
            int offset = 0;
            foreach (var p in initial)
            {
                var values = View(Theta, offset, p);
                p.Data.CopyTo(values.Data);
                values.Grad = View(_gradient, offset, p);
                views.Add(values);
                offset += p.Length;
            }
            Network = new Sequential<float>(new Linear<float>(views[0], views[1]), new Relu<float>(), new Linear<float>(views[2], views[3]));
            _batch = new Matrix<float>(20, 2);
            _batchLabels = new int[20];
        }

        private static Tensor<float> View(float[] flat, int offset, Tensor<float> like)
        {
            var matrix = Vec<float>.Wrap(flat).Slice(offset, like.Length).AsRowMatrix().Reshape(like.Data.Rows, like.Data.Columns);
            return like.Rank == 2 ? Tensor.Wrap(matrix) : Tensor.Wrap(matrix.Row(0));
        }

        public float[] Theta { get; }

        public Sequential<float> Network { get; }

        public int Rows => _x.Rows;

        public int Dimension => Theta.Length;

        public IReadOnlyList<int>? ClassOfRow => _labels;

        public double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<float> parameters, Span<float> gradient)
        {
            Assert.True(parameters.Overlaps(Theta));                 // the loop hands back θ itself
            var batch = _batch.RowRange(0, rows.Length);
            for (int i = 0; i < rows.Length; i++)
            {
                _x.RowRange(rows[i], 1).CopyTo(batch.RowRange(i, 1));
                _batchLabels[i] = _labels[rows[i]];
            }
            Network.ZeroGrad();
            double loss = _loss.Forward(Network.Forward(batch), _batchLabels.AsSpan(0, rows.Length));
            Network.Backward(_loss.Backward(), inputGradient: false);
            _gradient.CopyTo(gradient);
            return loss;
        }

        public double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<float> parameters) => throw new NotSupportedException();

        public double Score(ReadOnlySpan<int> rows, ReadOnlySpan<float> parameters) => throw new NotSupportedException();
    }
}
