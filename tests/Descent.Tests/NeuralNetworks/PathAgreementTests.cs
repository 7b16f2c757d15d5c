using System.Numerics;
using Descent.Autograd;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.NeuralNetworks;

/// <summary>The layers' own forward/backward (Forward(Matrix), Backward) against the generic autograd graph
/// (Forward(Tensor), loss.Backward()): the same outputs, losses and parameter gradients, to the last bit.</summary>
public class PathAgreementTests
{
    private static Sequential<T> Network<T>(int inputs, int outputs, ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng(seed);
        return new Sequential<T>(
            new Linear<T>(inputs, 37, rng), new Relu<T>(),
            new Linear<T>(37, 19, rng, Initialization.XavierUniform), new Tanh<T>(), new Dropout<T>(new Rng(seed + 1), 0.2),
            new Linear<T>(19, 23, rng), new Sigmoid<T>(),
            new Linear<T>(23, 11, rng, Initialization.HeNormal), new LeakyRelu<T>(0.05),
            new Linear<T>(11, outputs, rng));
    }

    private static void SameBits<T>(Matrix<T> expected, Matrix<T> actual, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Rows; i++)
            for (int j = 0; j < expected.Columns; j++)
                if (expected[i, j] != actual[i, j])
                    Assert.Fail($"{what} ({i}, {j}): graph {expected[i, j]:R}, layers {actual[i, j]:R}");
    }

    public static TheoryData<string, int> Losses() => new() { { "cross-entropy", 64 }, { "cross-entropy", 7 }, { "mse", 33 }, { "bce", 20 } };

    [Theory]
    [MemberData(nameof(Losses))]
    public void LayersAndGraph_AgreeToTheLastBit_Float(string loss, int batch) => Run<float>(loss, batch);

    [Theory]
    [MemberData(nameof(Losses))]
    public void LayersAndGraph_AgreeToTheLastBit_Double(string loss, int batch) => Run<double>(loss, batch);

    private static void Run<T>(string loss, int batch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inputs = 30, outputs = loss == "cross-entropy" ? 5 : 3;
        var graph = Network<T>(inputs, outputs, 11);
        var layers = Network<T>(inputs, outputs, 11);
        var rng = new Rng(21);
        for (int step = 0; step < 3; step++)          // gradients accumulate over steps in both
        {
            var x = Matrix.RandomNormal<T>(batch, inputs, rng);
            var classes = Enumerable.Range(0, batch).Select(_ => rng.NextInt(outputs)).ToArray();
            var target = Matrix.RandomUniform<T>(batch, outputs, rng);

            var output = graph.Forward(Tensor.Wrap(x));
            var lossTensor = loss switch
            {
                "cross-entropy" => new CrossEntropyLoss<T>().Forward(output, classes),
                "mse" => new MseLoss<T>().Forward(output, Tensor.Wrap(target)),
                _ => new BceWithLogitsLoss<T> { Reduction = Reduction.Sum }.Forward(output, Tensor.Wrap(target)),
            };
            lossTensor.Backward();

            var layerOutput = layers.Forward(x);
            SameBits(output.Data, layerOutput, $"step {step} output");
            T value;
            Matrix<T> gradient;
            switch (loss)
            {
                case "cross-entropy":
                    var ce = new CrossEntropyLoss<T>();
                    value = ce.Forward(layerOutput, classes);
                    gradient = ce.Backward();
                    break;
                case "mse":
                    var mse = new MseLoss<T>();
                    value = mse.Forward(layerOutput, target);
                    gradient = mse.Backward();
                    break;
                default:
                    var bce = new BceWithLogitsLoss<T> { Reduction = Reduction.Sum };
                    value = bce.Forward(layerOutput, target);
                    gradient = bce.Backward();
                    break;
            }
            Assert.Equal(lossTensor.Item(), value);
            Assert.Null(layers.Backward(gradient, inputGradient: false));
            var expected = graph.NamedParameters().ToArray();
            var actual = layers.NamedParameters().ToArray();
            for (int p = 0; p < expected.Length; p++)
                SameBits(expected[p].Parameter.Grad!.Data, actual[p].Parameter.Grad!.Data, $"step {step} {expected[p].Name} grad");
        }
    }

    [Fact]
    public void Backward_ReturnsTheInputGradient_OfTheGraph()
    {
        var graph = Network<double>(6, 2, 3);
        var layers = Network<double>(6, 2, 3);
        var x = Matrix.RandomNormal<double>(4, 6, new Rng(1));
        var input = Tensor.Wrap(x.Copy(), requiresGrad: true);
        graph.Forward(input).Sum().Backward();
        layers.Forward(x);
        var dx = layers.Backward(Matrix.Ones<double>(4, 2))!;
        SameBits(input.Grad!.Data, dx, "input grad");
    }
}
