using System.Numerics;
using Descent.Numerics.Kernels.Ops;

namespace Descent.Numerics;

// Derivatives of elementwise functions applied to an upstream gradient g = ∂L/∂output (backpropagation's
// dZ = dA ⊙ g'(Z)), one fused pass each, in PyTorch's order of operations. Shapes broadcast as in the arithmetic functions.
public static partial class Elementwise
{
    /// <summary>ReLU's backward rule: g where the ReLU output r is &gt; 0, else 0 (∂/∂x max(x, 0) = 1 for x &gt; 0).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> ReluBackward<T>(Matrix<T> output, Matrix<T> gradient, Matrix<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.ReluBackward", output, gradient, destination, new ReluBackwardOp<T>());

    /// <summary>Leaky ReLU's backward rule: g where the input x is &gt; 0, else slope·g.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> LeakyReluBackward<T>(Matrix<T> input, T slope, Matrix<T> gradient, Matrix<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.LeakyReluBackward", input, gradient, destination, new LeakyReluBackwardOp<T>(slope));

    /// <summary>The sigmoid's backward rule from its output s = σ(x): g·(1 − s)·s.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> SigmoidBackward<T>(Matrix<T> output, Matrix<T> gradient, Matrix<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.SigmoidBackward", output, gradient, destination, new SigmoidBackwardOp<T>());

    /// <summary>tanh's backward rule from its output t = tanh x: g·(1 − t²).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> TanhBackward<T>(Matrix<T> output, Matrix<T> gradient, Matrix<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.TanhBackward", output, gradient, destination, new TanhBackwardOp<T>());

    /// <summary>Clip's backward rule: g where min ≤ x ≤ max for the input x, else 0 (0 where x is NaN).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    public static Matrix<T> ClipBackward<T>(Matrix<T> input, T min, T max, Matrix<T> gradient, Matrix<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.ClipBackward", input, gradient, destination, new ClipBackwardOp<T>(min, max));
}
