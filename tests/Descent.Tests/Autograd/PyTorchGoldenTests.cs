using System.Text.Json;
using Descent.Autograd;
using Descent.Numerics;

namespace Descent.Tests.Autograd;

/// <summary>Values and gradients of every operation, and of small networks' losses, against PyTorch 1.13 in double
/// (tests/reference/autograd.py), to 1e-12.</summary>
public class PyTorchGoldenTests
{
    private const double Tolerance = 1e-12;

    /// <summary>A tensor from the script's {"shape": [...], "values": [...]}.</summary>
    internal static Tensor<double> Decode(JsonElement e, bool requiresGrad = false)
    {
        int[] shape = Golden.Ints(e.GetProperty("shape"));
        double[] values = Golden.Doubles(e.GetProperty("values"));
        var tensor = shape.Length switch
        {
            0 => Tensor.Scalar(values[0]),
            1 => Tensor.From(values),
            _ => Tensor.Wrap(Matrix.Wrap(values, shape[0], shape[1])),
        };
        tensor.RequiresGrad = requiresGrad;
        return tensor;
    }

    private static void Compare(JsonElement expected, Tensor<double>? actual, string what)
    {
        Assert.NotNull(actual);
        Assert.Equal(string.Join(", ", Golden.Ints(expected.GetProperty("shape"))), string.Join(", ", TestTensors.Sizes(actual.Shape.ToString())));
        Golden.Close(Golden.Doubles(expected.GetProperty("values")), actual.ToArray(), what, Tolerance);
    }

    private static Tensor<double> Apply(string op, Tensor<double>[] t, JsonElement p)
    {
        int Int(string name) => p.GetProperty(name).GetInt32();
        double Number(string name) => p.GetProperty(name).GetDouble();
        Reduction Reduce() => p.GetProperty("reduction").GetString() == "sum" ? Reduction.Sum : Reduction.Mean;
        bool axis = p.TryGetProperty("axis", out _);
        return op switch
        {
            "add" => t[0] + t[1],
            "sub" => t[0] - t[1],
            "mul" => t[0] * t[1],
            "div" => t[0] / t[1],
            "neg" => -t[0],
            "matmul" => t[0].MatMul(t[1]),
            "exp" => t[0].Exp(),
            "log" => t[0].Log(),
            "pow" => t[0].Pow(Number("exponent")),
            "sqrt" => t[0].Sqrt(),
            "abs" => t[0].Abs(),
            "clamp" => t[0].Clamp(Number("min"), Number("max")),
            "sum" => axis ? t[0].Sum(Int("axis"), p.GetProperty("keepdim").GetBoolean()) : t[0].Sum(),
            "mean" => axis ? t[0].Mean(Int("axis"), p.GetProperty("keepdim").GetBoolean()) : t[0].Mean(),
            "max" => axis ? t[0].Max(Int("axis"), p.GetProperty("keepdim").GetBoolean()) : t[0].Max(),
            "transpose" => t[0].Transpose(),
            "reshape" => Golden.Ints(p.GetProperty("shape")) switch
            {
                [int n] => t[0].Reshape(n),
                var shape => t[0].Reshape(shape[0], shape[1]),
            },
            "slice" => t[0].Slice(Int("start"), Int("count")),
            "select" => t[0][Int("index")],
            "select2" => t[0][Int("row"), Int("column")],
            "index_select" => t[0].IndexSelect(Golden.Ints(p.GetProperty("indices"))),
            "gather" => t[0].Gather(Golden.Ints(p.GetProperty("indices"))),
            "cat" => Tensor.Concat([t[0], t[1]], Int("axis")),
            "sigmoid" => t[0].Sigmoid(),
            "tanh" => t[0].Tanh(),
            "relu" => t[0].Relu(),
            "leaky_relu" => t[0].LeakyRelu(Number("slope")),
            "softmax" => t[0].Softmax(),
            "log_softmax" => t[0].LogSoftmax(),
            "mse" => Losses.MeanSquaredError(t[0], t[1], Reduce()),
            "bce_logits" => Losses.BinaryCrossEntropyWithLogits(t[0], t[1], Reduce()),
            "cross_entropy" => Losses.CrossEntropy(t[0], Golden.Ints(p.GetProperty("targets")), Reduce()),
            _ => throw new InvalidOperationException($"unknown operation {op} in the golden file"),
        };
    }

    public static TheoryData<int> Operations() => Golden.CaseIndices("autograd", "operations");

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_ValueAndGradients_MatchPyTorch(int index)
    {
        var c = Golden.Load("autograd", "operations").GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(e => Decode(e, requiresGrad: true)).ToArray();
        var output = Apply(c.GetProperty("op").GetString()!, inputs, c.GetProperty("params"));
        Compare(c.GetProperty("output"), output, name + " output");
        output.Backward(Decode(c.GetProperty("gradient")));
        var grads = c.GetProperty("grads").EnumerateArray().ToArray();
        for (int i = 0; i < inputs.Length; i++)
            Compare(grads[i], inputs[i].Grad, $"{name} grad of input {i}");
    }

    public static TheoryData<int> Networks() => Golden.CaseIndices("autograd", "networks");

    [Theory]
    [MemberData(nameof(Networks))]
    public void NetworkLoss_AndEveryParameterGradient_MatchPyTorch(int index)
    {
        var c = Golden.Load("autograd", "networks").GetProperty("cases")[index];
        var weights = c.GetProperty("weights").EnumerateArray().Select(e => Decode(e, requiresGrad: true)).ToArray();
        var biases = c.GetProperty("biases").EnumerateArray().Select(e => Decode(e, requiresGrad: true)).ToArray();
        string[] activations = Golden.Strings(c.GetProperty("activations"));
        var h = Decode(c.GetProperty("x"));
        for (int layer = 0; layer < weights.Length; layer++)
        {
            h = h.MatMul(weights[layer].Transpose()) + biases[layer];
            if (layer < activations.Length)
                h = activations[layer] switch
                {
                    "tanh" => h.Tanh(),
                    "relu" => h.Relu(),
                    "sigmoid" => h.Sigmoid(),
                    _ => h.LeakyRelu(0.01),
                };
        }
        var target = c.GetProperty("target");
        var loss = c.GetProperty("loss").GetString() == "cross_entropy"
            ? Losses.CrossEntropy(h, Golden.Ints(target))
            : Losses.MeanSquaredError(h, Tensor.Wrap(Matrix.ColumnVector<double>(Golden.Doubles(target))));
        Golden.Close(c.GetProperty("value").GetDouble(), loss.Item(), "loss", Tolerance);
        loss.Backward();
        var weightGrads = c.GetProperty("weight_grads").EnumerateArray().ToArray();
        var biasGrads = c.GetProperty("bias_grads").EnumerateArray().ToArray();
        for (int layer = 0; layer < weights.Length; layer++)
        {
            Compare(weightGrads[layer], weights[layer].Grad, $"layer {layer} weight grad");
            Compare(biasGrads[layer], biases[layer].Grad, $"layer {layer} bias grad");
        }
    }
}
