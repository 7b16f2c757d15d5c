using Descent.Numerics;

namespace Descent.Autograd;

// The activations of neural networks. Values and derivatives come from Numerics (one sigmoid, one stable softmax);
// softmax and log-softmax run along the last axis (each row of a matrix, the whole of a vector). A rule owns the
// gradient it receives (Graph hands it over), so the elementwise ones write ∂/∂x over it instead of allocating.
public sealed partial class Tensor<T>
{
    /// <summary>σ(x) = 1 / (1 + e⁻ˣ), stable for large |x|. ∂/∂x = g·σ(x)(1 − σ(x)).</summary>
    public Tensor<T> Sigmoid()
    {
        var x = this;
        Tensor<T>? result = null;
        result = Result("sigmoid", Elementwise.Sigmoid(x.Data), Rank, [x], Saves.Output, g =>
            x.AccumulateGrad(Elementwise.SigmoidBackward(result!.Data, g, g), owned: true));
        return result;
    }

    /// <summary>tanh x. ∂/∂x = g·(1 − tanh²x).</summary>
    public Tensor<T> Tanh()
    {
        var x = this;
        Tensor<T>? result = null;
        result = Result("tanh", Elementwise.Tanh(x.Data), Rank, [x], Saves.Output, g =>
            x.AccumulateGrad(Elementwise.TanhBackward(result!.Data, g, g), owned: true));
        return result;
    }

    /// <summary>ReLU: max(x, 0). ∂/∂x = g where x &gt; 0, else 0.</summary>
    public Tensor<T> Relu()
    {
        var x = this;
        Tensor<T>? result = null;
        result = Result("relu", Elementwise.Relu(x.Data), Rank, [x], Saves.Output, g =>
            x.AccumulateGrad(Elementwise.ReluBackward(result!.Data, g, g), owned: true));
        return result;
    }

    /// <summary>Leaky ReLU: x for x &gt; 0, slope·x otherwise (PyTorch's default slope 0.01). ∂/∂x = g or slope·g.</summary>
    public Tensor<T> LeakyRelu(T slope)
    {
        var x = this;
        return Result("leaky_relu", Elementwise.LeakyRelu(x.Data, slope), Rank, [x], Saves.Inputs, g =>
            x.AccumulateGrad(Elementwise.LeakyReluBackward(x.Data, slope, g, g), owned: true));
    }

    /// <summary>Leaky ReLU with PyTorch's default slope, 0.01.</summary>
    public Tensor<T> LeakyRelu() => LeakyRelu(T.CreateTruncating(0.01));

    /// <summary>
    /// Softmax along the last axis: sⱼ = exp(xⱼ − m) / Σₖ exp(xₖ − m), m the maximum (each row sums to 1).
    /// ∂/∂x = s ⊙ (g − Σⱼ gⱼsⱼ), the sum taken along the same axis.
    /// </summary>
    public Tensor<T> Softmax()
    {
        var x = this;
        Tensor<T>? result = null;
        result = Result("softmax", x.Data.Softmax(), Rank, [x], Saves.Output, g =>
        {
            var s = result!.Data;
            var weighted = Elementwise.Multiply(g, s).Sum(1).AsColumnMatrix();
            var dx = Elementwise.Subtract(g, weighted);
            x.AccumulateGrad(Elementwise.Multiply(dx, s, dx), owned: true);
        });
        return result;
    }

    /// <summary>
    /// Log-softmax along the last axis: xⱼ − m − ln Σₖ exp(xₖ − m), without overflow.
    /// ∂/∂x = g − softmax(x)·Σⱼ gⱼ, the sum taken along the same axis.
    /// </summary>
    public Tensor<T> LogSoftmax()
    {
        var x = this;
        Tensor<T>? result = null;
        result = Result("log_softmax", x.Data.LogSoftmax(), Rank, [x], Saves.Output, g =>
        {
            var softmax = Elementwise.Exp(result!.Data);
            var dx = Elementwise.Multiply(softmax, g.Sum(1).AsColumnMatrix(), softmax);
            x.AccumulateGrad(Elementwise.Subtract(g, dx, dx), owned: true);
        });
        return result;
    }
}
