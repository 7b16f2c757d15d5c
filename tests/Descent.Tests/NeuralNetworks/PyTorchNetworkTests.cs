using Descent.Autograd;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Tests.Autograd;

namespace Descent.Tests.NeuralNetworks;

/// <summary>The golden networks of tests/reference/autograd.py built from layers and trained on the layers' own path:
/// the loss and every parameter gradient agree with PyTorch to 1e-12.</summary>
public class PyTorchNetworkTests
{
    public static TheoryData<int> Networks() => Golden.CaseIndices("autograd", "networks");

    [Theory]
    [MemberData(nameof(Networks))]
    public void LayerPath_MatchesPyTorch(int index)
    {
        var c = Golden.Load("autograd", "networks").GetProperty("cases")[index];
        var weights = c.GetProperty("weights").EnumerateArray().Select(e => PyTorchGoldenTests.Decode(e)).ToArray();
        var biases = c.GetProperty("biases").EnumerateArray().Select(e => PyTorchGoldenTests.Decode(e)).ToArray();
        string[] activations = Golden.Strings(c.GetProperty("activations"));
        var layers = new List<Module<double>>();
        var linears = new List<Linear<double>>();
        for (int i = 0; i < weights.Length; i++)
        {
            var linear = new Linear<double>(weights[i].Data.Columns, weights[i].Data.Rows, new Rng(0));
            using (Tensor.NoGrad())
            {
                linear.Weight.CopyFrom(weights[i].Data);
                linear.Bias!.CopyFrom(biases[i].Data);
            }
            linears.Add(linear);
            layers.Add(linear);
            if (i < activations.Length)
                layers.Add(activations[i] switch
                {
                    "tanh" => new Tanh<double>(),
                    "relu" => new Relu<double>(),
                    "sigmoid" => new Sigmoid<double>(),
                    _ => new LeakyRelu<double>(0.01),
                });
        }
        var network = new Sequential<double>([.. layers]);
        var output = network.Forward(PyTorchGoldenTests.Decode(c.GetProperty("x")).Data);
        var target = c.GetProperty("target");
        double loss;
        Matrix<double> gradient;
        if (c.GetProperty("loss").GetString() == "cross_entropy")
        {
            var ce = new CrossEntropyLoss<double>();
            loss = ce.Forward(output, Golden.Ints(target));
            gradient = ce.Backward();
        }
        else
        {
            var mse = new MseLoss<double>();
            loss = mse.Forward(output, Matrix.ColumnVector<double>(Golden.Doubles(target)));
            gradient = mse.Backward();
        }
        network.Backward(gradient, inputGradient: false);
        Golden.Close(c.GetProperty("value").GetDouble(), loss, "loss");
        var weightGrads = c.GetProperty("weight_grads").EnumerateArray().ToArray();
        var biasGrads = c.GetProperty("bias_grads").EnumerateArray().ToArray();
        for (int i = 0; i < linears.Count; i++)
        {
            Golden.Close(Golden.Doubles(weightGrads[i].GetProperty("values")), linears[i].Weight.Grad!.ToArray(), $"layer {i} weight grad");
            Golden.Close(Golden.Doubles(biasGrads[i].GetProperty("values")), linears[i].Bias!.Grad!.ToArray(), $"layer {i} bias grad");
        }
    }
}
