using Descent.Autograd;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Autograd;

public class ValueTests
{
    [Fact]
    public void Neuron_GivesTheLectureGradients()
    {
        // micrograd's neuron: o = tanh(x1·w1 + x2·w2 + b) with b chosen so that n = 0.8814 and o = √2/2.
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        var o = (x1 * w1 + x2 * w2 + b).Tanh();
        o.Backward();
        Assert.Equal(Math.Sqrt(0.5), o.Data, 12);
        Assert.Equal(-1.5, x1.Grad, 12);
        Assert.Equal(1.0, w1.Grad, 12);
        Assert.Equal(0.5, x2.Grad, 12);
        Assert.Equal(0.0, w2.Grad, 12);
        Assert.Equal(0.5, b.Grad, 12);
    }

    /// <summary>Each elementwise operation of Value against the same operation on a scalar Tensor.</summary>
    public static TheoryData<string> Operations() => new(UnaryCases.Keys.Concat(BinaryCases.Keys));

    private static readonly Dictionary<string, (Func<Value, Value> Value, Func<Tensor<double>, Tensor<double>> Tensor, double X)> UnaryCases = new()
    {
        ["neg"] = (v => -v, t => -t, 0.7),
        ["exp"] = (v => v.Exp(), t => t.Exp(), -0.4),
        ["log"] = (v => v.Log(), t => t.Log(), 1.7),
        ["pow"] = (v => v.Pow(2.5), t => t.Pow(2.5), 1.3),
        ["sqrt"] = (v => v.Sqrt(), t => t.Sqrt(), 2.2),
        ["abs"] = (v => v.Abs(), t => t.Abs(), -1.1),
        ["clamp inside"] = (v => v.Clamp(-1, 1), t => t.Clamp(-1.0, 1.0), 0.3),
        ["clamp outside"] = (v => v.Clamp(-1, 1), t => t.Clamp(-1.0, 1.0), 1.3),
        ["sigmoid"] = (v => v.Sigmoid(), t => t.Sigmoid(), -2.5),
        ["tanh"] = (v => v.Tanh(), t => t.Tanh(), 0.6),
        ["relu"] = (v => v.Relu(), t => t.Relu(), 0.9),
        ["relu negative"] = (v => v.Relu(), t => t.Relu(), -0.9),
        ["leaky relu"] = (v => v.LeakyRelu(0.2), t => t.LeakyRelu(0.2), -0.9),
    };

    private static readonly Dictionary<string, (Func<Value, Value, Value> Value, Func<Tensor<double>, Tensor<double>, Tensor<double>> Tensor)> BinaryCases = new()
    {
        ["add"] = ((a, b) => a + b, (a, b) => a + b),
        ["sub"] = ((a, b) => a - b, (a, b) => a - b),
        ["mul"] = ((a, b) => a * b, (a, b) => a * b),
        ["div"] = ((a, b) => a / b, (a, b) => a / b),
        ["constants"] = ((a, b) => (a * 2 - 1) / (b + 3), (a, b) => (a * 2.0 - 1.0) / (b + 3.0)),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_AgreesWithTheTensorEngine(string name)
    {
        double x = UnaryCases.TryGetValue(name, out var unary) ? unary.X : 1.3, y = -0.8;
        var (vx, vy) = (new Value(x), new Value(y));
        var (tx, ty) = (Tensor.Scalar(x, requiresGrad: true), Tensor.Scalar(y, requiresGrad: true));
        Value v;
        Tensor<double> t;
        if (unary.Value is not null)
            (v, t) = (unary.Value(vx) * vx, unary.Tensor(tx) * tx);     // × x so the gradient path is not trivial
        else
            (v, t) = (BinaryCases[name].Value(vx, vy), BinaryCases[name].Tensor(tx, ty));
        v.Backward();
        t.Backward();
        Assert.Equal(t.Item(), v.Data, 15);
        Assert.Equal(tx.Grad!.Item(), vx.Grad, 15);
        Assert.Equal(ty.Grad?.Item() ?? 0, vy.Grad, 15);
    }

    [Fact]
    public void SmallNetwork_AgreesWithTheTensorEngine()
    {
        // A 3-4-1 tanh network on 5 examples with a mean squared error, written neuron by neuron with Values and as
        // matrix products with Tensors.
        var rng = new Rng(5);
        var x = Matrix.RandomNormal<double>(5, 3, rng);
        double[] y = [1, -1, 0.5, 0, -0.5];
        var w1 = Matrix.RandomUniform<double>(4, 3, rng, -1, 1);
        var b1 = Matrix.RandomUniform<double>(1, 4, rng, -1, 1);
        var w2 = Matrix.RandomUniform<double>(1, 4, rng, -1, 1);
        var b2 = Matrix.RandomUniform<double>(1, 1, rng, -1, 1);

        var vw1 = Values(w1);
        var vb1 = Values(b1);
        var vw2 = Values(w2);
        var vb2 = Values(b2);
        var errors = new List<Value>();
        for (int i = 0; i < 5; i++)
        {
            var hidden = Enumerable.Range(0, 4).Select(j =>
                (Value.Sum(Enumerable.Range(0, 3).Select(k => vw1[j, k] * x[i, k])) + vb1[0, j]).Tanh()).ToArray();
            var output = Value.Sum(Enumerable.Range(0, 4).Select(j => vw2[0, j] * hidden[j])) + vb2[0, 0];
            errors.Add((output - y[i]).Pow(2));
        }
        var vloss = Value.Sum(errors) / 5;
        vloss.Backward();

        var (tw1, tb1, tw2, tb2) = (Tensor.Wrap(w1, true), Tensor.Wrap(b1.Row(0), true), Tensor.Wrap(w2, true), Tensor.Wrap(b2.Row(0), true));
        var prediction = (Tensor.Wrap(x).MatMul(tw1.Transpose()) + tb1).Tanh().MatMul(tw2.Transpose()) + tb2;
        var tloss = Losses.MeanSquaredError(prediction, Tensor.Wrap(Matrix.ColumnVector<double>(y)));
        tloss.Backward();

        Golden.Close(tloss.Item(), vloss.Data, "loss");
        Golden.Close(tw1.Grad!.ToArray(), Grads(vw1), "w1 grad");
        Golden.Close(tb1.Grad!.ToArray(), Grads(vb1), "b1 grad");
        Golden.Close(tw2.Grad!.ToArray(), Grads(vw2), "w2 grad");
        Golden.Close(tb2.Grad!.ToArray(), Grads(vb2), "b2 grad");

        static Value[,] Values(Matrix<double> m)
        {
            var v = new Value[m.Rows, m.Columns];
            for (int i = 0; i < m.Rows; i++)
                for (int j = 0; j < m.Columns; j++)
                    v[i, j] = new Value(m[i, j]);
            return v;
        }

        static double[] Grads(Value[,] v) => v.Cast<Value>().Select(p => p.Grad).ToArray();
    }

    [Fact]
    public void Backward_AccumulatesInLeaves_RecomputesInsideNodes_AndZeroGradClears()
    {
        var a = new Value(3.0, "a");
        var b = a * a + a;                     // db/da = 2a + 1 = 7, a used three times
        b.Backward();
        Assert.Equal(7.0, a.Grad);
        b.Backward();
        Assert.Equal(14.0, a.Grad);            // the leaf accumulates
        Assert.Equal(1.0, b.Grad);             // the output is 1, not 2
        Assert.Equal(1.0, b.Inputs[0].Grad);   // a·a's gradient was recomputed, not added to
        b.ZeroGrad();
        Assert.All(b.Graph(), v => Assert.Equal(0.0, v.Grad));
    }

    [Fact]
    public void Graph_ListsInputsFirst_OutputLast_AndSurvivesDeepChains()
    {
        var x = new Value(1.0, "x");
        var y = x;
        for (int i = 0; i < 100_000; i++)
            y = y + 0.0;
        y.Backward();
        Assert.Equal(1.0, x.Grad);
        var graph = (x * 2 + 1).Graph();
        Assert.Same(x, graph[0]);
        Assert.Equal("+", graph[^1].Operation);
        for (int i = 0; i < graph.Count; i++)
            foreach (var input in graph[i].Inputs)
                Assert.True(graph.ToList().IndexOf(input) < i);
    }

    [Fact]
    public void Sum_RejectsNoValues_AndToStringShowsDataAndGrad()
    {
        Assert.Throws<ArgumentException>(() => Value.Sum([]));
        Assert.Equal("Value(w: data=-3, grad=0)", new Value(-3, "w").ToString());
    }
}
