using Descent.Autograd;

namespace Descent.Tests.Autograd;

/// <summary>Every operation's backward rule against central finite differences (GradCheck), one line per shape,
/// including scalars, 1×N and N×1, and every broadcasting pattern.</summary>
public class GradCheckTests
{
    private sealed record Case(string[] Shapes, Func<IReadOnlyList<Tensor<double>>, Tensor<double>> Function, double Low = -2, double High = 2);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // arithmetic and broadcasting
        ["add [2,3]+[2,3]"] = new(["[2, 3]", "[2, 3]"], t => t[0] + t[1]),
        ["add [2,3]+[3]"] = new(["[2, 3]", "[3]"], t => t[0] + t[1]),
        ["add [2,3]+[1,3]"] = new(["[2, 3]", "[1, 3]"], t => t[0] + t[1]),
        ["add [2,3]+[2,1]"] = new(["[2, 3]", "[2, 1]"], t => t[0] + t[1]),
        ["add [2,1]+[1,3]"] = new(["[2, 1]", "[1, 3]"], t => t[0] + t[1]),
        ["add [2,1]+[3]"] = new(["[2, 1]", "[3]"], t => t[0] + t[1]),
        ["add []+[2,3]"] = new(["[]", "[2, 3]"], t => t[0] + t[1]),
        ["add [1]+[4]"] = new(["[1]", "[4]"], t => t[0] + t[1]),
        ["add [1,1]+[3]"] = new(["[1, 1]", "[3]"], t => t[0] + t[1]),
        ["sub [2,3]-[2,1]"] = new(["[2, 3]", "[2, 1]"], t => t[0] - t[1]),
        ["sub []-[3]"] = new(["[]", "[3]"], t => t[0] - t[1]),
        ["mul [2,3]*[3]"] = new(["[2, 3]", "[3]"], t => t[0] * t[1]),
        ["mul [2,1]*[1,3]"] = new(["[2, 1]", "[1, 3]"], t => t[0] * t[1]),
        ["mul [3]*[]"] = new(["[3]", "[]"], t => t[0] * t[1]),
        ["mul x*x"] = new(["[2, 2]"], t => t[0] * t[0]),
        ["div [2,3]/[2,1]"] = new(["[2, 3]", "[2, 1]"], t => t[0] / t[1], 0.5, 2),
        ["div [3]/[2,3]"] = new(["[3]", "[2, 3]"], t => t[0] / t[1], 0.5, 2),
        ["neg [2,3]"] = new(["[2, 3]"], t => -t[0]),
        ["scalar ops [3]"] = new(["[3]"], t => (2.0 - t[0] * 3.0 + 1.5) / 2.0 + 1.0 / (t[0] + 5.0)),
        // matmul
        ["matmul [2,3]@[3,4]"] = new(["[2, 3]", "[3, 4]"], t => t[0].MatMul(t[1])),
        ["matmul [3]@[3,4]"] = new(["[3]", "[3, 4]"], t => t[0].MatMul(t[1])),
        ["matmul [2,3]@[3]"] = new(["[2, 3]", "[3]"], t => t[0].MatMul(t[1])),
        ["matmul [3]@[3]"] = new(["[3]", "[3]"], t => t[0].MatMul(t[1])),
        ["matmul [1,3]@[3,1]"] = new(["[1, 3]", "[3, 1]"], t => t[0].MatMul(t[1])),
        ["matmul x@xT"] = new(["[3, 2]"], t => t[0].MatMul(t[0].Transpose())),
        // elementwise math
        ["exp [2,3]"] = new(["[2, 3]"], t => t[0].Exp()),
        ["log [3]"] = new(["[3]"], t => t[0].Log(), 0.2, 3),
        ["pow 3 [2,2]"] = new(["[2, 2]"], t => t[0].Pow(3.0)),
        ["pow 2.5 [3]"] = new(["[3]"], t => t[0].Pow(2.5), 0.2, 3),
        ["pow -1.5 []"] = new(["[]"], t => t[0].Pow(-1.5), 0.2, 3),
        ["sqrt [2,3]"] = new(["[2, 3]"], t => t[0].Sqrt(), 0.2, 3),
        ["abs [2,3]"] = new(["[2, 3]"], t => t[0].Abs()),
        ["clamp [2,3]"] = new(["[2, 3]"], t => t[0].Clamp(-0.5, 0.7)),
        ["clamp min [4]"] = new(["[4]"], t => t[0].Clamp(min: 0.1)),
        ["clamp max [4]"] = new(["[4]"], t => t[0].Clamp(max: 0.1)),
        // reductions
        ["sum [2,3]"] = new(["[2, 3]"], t => t[0].Sum()),
        ["sum 0 [2,3]"] = new(["[2, 3]"], t => t[0].Sum(0)),
        ["sum 1 [2,3]"] = new(["[2, 3]"], t => t[0].Sum(1)),
        ["sum -1 keep [2,3]"] = new(["[2, 3]"], t => t[0].Sum(-1, keepDims: true)),
        ["sum 0 keep [2,3]"] = new(["[2, 3]"], t => t[0].Sum(0, keepDims: true)),
        ["sum 0 [4]"] = new(["[4]"], t => t[0].Sum(0)),
        ["sum 1 [1,3]"] = new(["[1, 3]"], t => t[0].Sum(1)),
        ["sum 0 [3,1]"] = new(["[3, 1]"], t => t[0].Sum(0)),
        ["mean [2,3]"] = new(["[2, 3]"], t => t[0].Mean()),
        ["mean 0 [2,3]"] = new(["[2, 3]"], t => t[0].Mean(0)),
        ["mean 1 keep [2,3]"] = new(["[2, 3]"], t => t[0].Mean(1, keepDims: true)),
        ["mean 0 [3]"] = new(["[3]"], t => t[0].Mean(0)),
        ["max [2,3]"] = new(["[2, 3]"], t => t[0].Max()),
        ["max 0 [3,4]"] = new(["[3, 4]"], t => t[0].Max(0)),
        ["max 1 [3,4]"] = new(["[3, 4]"], t => t[0].Max(1)),
        ["max 1 keep [3,4]"] = new(["[3, 4]"], t => t[0].Max(1, keepDims: true)),
        ["max 0 [5]"] = new(["[5]"], t => t[0].Max(0)),
        // shape
        ["transpose [2,3]"] = new(["[2, 3]"], t => t[0].Transpose() * t[0].Transpose()),
        ["reshape [2,3]->[3,2]"] = new(["[2, 3]"], t => t[0].Reshape(3, -1)),
        ["reshape [2,3]->[6]"] = new(["[2, 3]"], t => t[0].Reshape(-1)),
        ["reshape transposed [2,3]->[6]"] = new(["[2, 3]"], t => t[0].Transpose().Reshape(6)),
        ["slice rows [4,3]"] = new(["[4, 3]"], t => t[0].Slice(1, 2)),
        ["slice [5]"] = new(["[5]"], t => t[0].Slice(2, 3)),
        ["select row [3,2]"] = new(["[3, 2]"], t => t[0][1]),
        ["select last element [4]"] = new(["[4]"], t => t[0][-1]),
        ["select element [3,2]"] = new(["[3, 2]"], t => t[0][2, 1]),
        ["index select rows [4,2]"] = new(["[4, 2]"], t => t[0].IndexSelect(3, 0, 3, 1)),
        ["index select [4]"] = new(["[4]"], t => t[0].IndexSelect(2, 2, 0)),
        ["gather [3,4]"] = new(["[3, 4]"], t => t[0].Gather([1, 3, 0])),
        ["concat rows [2,3]+[1,3]"] = new(["[2, 3]", "[1, 3]"], t => Tensor.Concat([t[0], t[1]], axis: 0)),
        ["concat columns [2,3]+[2,1]"] = new(["[2, 3]", "[2, 1]"], t => Tensor.Concat([t[0], t[1], t[0]], axis: 1)),
        ["concat [2]+[3]"] = new(["[2]", "[3]"], t => Tensor.Concat([t[0], t[1]])),
        // activations
        ["sigmoid [2,3]"] = new(["[2, 3]"], t => t[0].Sigmoid(), -6, 6),
        ["tanh [2,3]"] = new(["[2, 3]"], t => t[0].Tanh()),
        ["relu [2,3]"] = new(["[2, 3]"], t => t[0].Relu()),
        ["leaky relu [2,3]"] = new(["[2, 3]"], t => t[0].LeakyRelu(0.2)),
        // the rules above write ∂/∂x over the gradient they receive; after a transpose that is a strided view
        ["activations, then transposed"] = new(["[2, 3]"], t =>
            (t[0].Sigmoid().Transpose() + t[0].Tanh().Transpose() + t[0].Relu().Transpose() + t[0].LeakyRelu(0.2).Transpose()) * 3.0),
        ["softmax [2,3]"] = new(["[2, 3]"], t => t[0].Softmax()),
        ["softmax [4]"] = new(["[4]"], t => t[0].Softmax()),
        ["log softmax [2,3]"] = new(["[2, 3]"], t => t[0].LogSoftmax()),
        ["log softmax [1,4]"] = new(["[1, 4]"], t => t[0].LogSoftmax()),
        // losses
        ["mse [3,2]"] = new(["[3, 2]", "[3, 2]"], t => Losses.MeanSquaredError(t[0], t[1])),
        ["mse sum [4]"] = new(["[4]", "[4]"], t => Losses.MeanSquaredError(t[0], t[1], Reduction.Sum)),
        ["bce logits [3,2]"] = new(["[3, 2]", "[3, 2]"], t => Losses.BinaryCrossEntropyWithLogits(t[0], t[1].Sigmoid()), -4, 4),
        ["bce logits sum [5]"] = new(["[5]", "[5]"], t => Losses.BinaryCrossEntropyWithLogits(t[0], t[1].Sigmoid(), Reduction.Sum)),
        ["cross entropy [3,4]"] = new(["[3, 4]"], t => Losses.CrossEntropy(t[0], [2, 0, 3]), -3, 3),
        ["cross entropy sum [2,3]"] = new(["[2, 3]"], t => Losses.CrossEntropy(t[0] * 2.0, [1, 1], Reduction.Sum)),
        // linear (x·Wᵀ + b in one node)
        ["linear [4,3]·[5,3]ᵀ+[5]"] = new(["[4, 3]", "[5, 3]", "[5]"], t => t[0].Linear(t[1], t[2])),
        ["linear [3]·[2,3]ᵀ+[2]"] = new(["[3]", "[2, 3]", "[2]"], t => t[0].Linear(t[1], t[2])),
        ["linear [4,3]·[5,3]ᵀ"] = new(["[4, 3]", "[5, 3]"], t => t[0].Linear(t[1])),
        ["linear x·xᵀ"] = new(["[3, 3]"], t => t[0].Linear(t[0])),
        // compositions
        ["two-layer network"] = new(["[4, 3]", "[5, 3]", "[5]", "[2, 5]", "[2]"], t =>
            Losses.CrossEntropy((t[0].MatMul(t[1].Transpose()) + t[2]).Tanh().MatMul(t[3].Transpose()) + t[4], [0, 1, 1, 0])),
        ["two-layer network, linear"] = new(["[4, 3]", "[5, 3]", "[5]", "[2, 5]", "[2]"], t =>
            Losses.CrossEntropy(t[0].Linear(t[1], t[2]).Tanh().Linear(t[3], t[4]), [0, 1, 1, 0])),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_AgreesWithFiniteDifferences(string name)
    {
        var c = Cases[name];
        var inputs = c.Shapes.Select((shape, i) => TestTensors.Random(shape, seed: 17 * i + name.Length, c.Low, c.High)).ToArray();
        var result = GradCheck.Run(c.Function, inputs, absoluteTolerance: 1e-8, relativeTolerance: 1e-6);
        Assert.True(result.Passed, $"{name}: {result}");
        Assert.True(result.MaxError < 1e-7, $"{name}: {result}");
    }

    [Fact]
    public void GradCheck_FindsAWrongRule()
    {
        var x = TestTensors.Random("[3]", seed: 1);
        // exp(x)·exp(x)'s gradient is 2e^{2x}; through Detach the rule sees only one factor and finds e^{2x}: wrong.
        var result = GradCheck.Run(t => t[0].Exp() * t[0].Exp().Detach(), [x]);
        Assert.False(result.Passed);
        Assert.Throws<InvalidOperationException>(() => GradCheck.Check(t => t[0].Exp() * t[0].Exp().Detach(), x));
        Assert.True(GradCheck.Check(t => t[0].Exp() * t[0].Exp(), x));
    }

    [Fact]
    public void GradCheck_LeavesGradientsAsTheyWere()
    {
        var x = TestTensors.Random("[2]", seed: 2);
        (x * 5.0).Sum().Backward();
        GradCheck.Check(t => t[0].Tanh().Sum(), x);
        Assert.Equal(new[] { 5.0, 5.0 }, x.Grad!.ToArray());
    }

    [Fact]
    public void Max_SharesTheGradientAmongTies_AndAxisMaxPicksTheFirst()
    {
        var x = Tensor.From(new[,] { { 1.0, 3.0, 3.0 }, { 3.0, 0.0, 2.0 } }, requiresGrad: true);
        x.Max().Backward();
        Assert.Equal(new[] { 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0 }, x.Grad!.ToArray());
        x.ZeroGrad();
        x.Max(1).Sum().Backward();
        Assert.Equal(new[] { 0.0, 1, 0, 1, 0, 0 }, x.Grad!.ToArray());
    }

    [Fact]
    public void Relu_AndAbs_HaveZeroGradientAtZero_AsPyTorch()
    {
        var x = Tensor.From(new[] { 0.0, -0.0, 1.0 }, requiresGrad: true);
        (x.Relu() + x.Abs()).Sum().Backward();
        Assert.Equal(new[] { 0.0, 0.0, 2.0 }, x.Grad!.ToArray());
    }
}
