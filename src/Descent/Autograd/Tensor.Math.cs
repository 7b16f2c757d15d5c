using Descent.Numerics;

namespace Descent.Autograd;

// Elementwise functions of one tensor, each with its derivative: g = ∂L/∂result times f'(x).
public sealed partial class Tensor<T>
{
    /// <summary>eˣ. ∂/∂x = g·eˣ (the result itself).</summary>
    public Tensor<T> Exp()
    {
        var x = this;
        Tensor<T>? result = null;
        result = Result("exp", Elementwise.Exp(x.Data), Rank, [x], Saves.Output, g =>
            x.AccumulateGrad(Elementwise.Multiply(g, result!.Data), owned: true));
        return result;
    }

    /// <summary>ln x (NaN for x &lt; 0, −∞ at 0). ∂/∂x = g / x.</summary>
    public Tensor<T> Log()
    {
        var x = this;
        return Result("log", Elementwise.Log(x.Data), Rank, [x], Saves.Inputs, g => x.AccumulateGrad(Elementwise.Divide(g, x.Data), owned: true));
    }

    /// <summary>xᵖ for a constant p (IEEE pow). ∂/∂x = g·p·xᵖ⁻¹ (0 when p = 0).</summary>
    public Tensor<T> Pow(T exponent)
    {
        var x = this;
        return Result("pow", Elementwise.Pow(x.Data, exponent), Rank, [x], Saves.Inputs, g =>
        {
            if (exponent == T.Zero)
                return;
            var dx = Elementwise.Pow(x.Data, exponent - T.One);
            Elementwise.Multiply(dx, exponent, dx);
            x.AccumulateGrad(Elementwise.Multiply(g, dx, dx), owned: true);
        });
    }

    /// <summary>√x. ∂/∂x = g / (2√x).</summary>
    public Tensor<T> Sqrt()
    {
        var x = this;
        Tensor<T>? result = null;
        result = Result("sqrt", Elementwise.Sqrt(x.Data), Rank, [x], Saves.Output, g =>
            x.AccumulateGrad(Elementwise.Divide(g, Elementwise.Multiply(result!.Data, T.One + T.One)), owned: true));
        return result;
    }

    /// <summary>|x|. ∂/∂x = g·sign(x) (0 at x = 0, as PyTorch).</summary>
    public Tensor<T> Abs()
    {
        var x = this;
        return Result("abs", Elementwise.Abs(x.Data), Rank, [x], Saves.Inputs, g =>
            x.AccumulateGrad(Elementwise.Multiply(g, Elementwise.Sign(x.Data)), owned: true));
    }

    /// <summary>
    /// min(max(x, min), max), as <c>torch.clamp</c>; a bound left out is not applied. ∂/∂x = g where min ≤ x ≤ max,
    /// else 0.
    /// </summary>
    public Tensor<T> Clamp(T? min = null, T? max = null)
    {
        var x = this;
        T low = min ?? T.NegativeInfinity, high = max ?? T.PositiveInfinity;
        return Result("clamp", Elementwise.Clip(x.Data, low, high), Rank, [x], Saves.Inputs, g =>
            x.AccumulateGrad(Elementwise.ClipBackward(x.Data, low, high, g), owned: true));
    }
}
