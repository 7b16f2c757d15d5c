using System.Numerics;
using Descent.Numerics.Kernels.Ops;

namespace Descent.Numerics;

// Elementwise pieces of the fused losses (Autograd's Losses and the NeuralNetworks loss modules call these, so the
// graph and the layers compute the same bits).
public static partial class Elementwise
{
    /// <summary>Binary cross-entropy of each logit x against its target y: max(x, 0) − x·y + ln(1 + e^(−|x|)).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    internal static Matrix<T> BinaryCrossEntropyWithLogits<T>(Matrix<T> logits, Matrix<T> targets, Matrix<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.BinaryCrossEntropyWithLogits", logits, targets, destination, new BinaryCrossEntropyWithLogitsOp<T>());

    /// <summary>(σ(x) − y)·scale: the gradient of the binary cross-entropy with respect to each logit, scaled.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together, or destination does not have the result's shape.</exception>
    internal static Matrix<T> BinaryCrossEntropyWithLogitsBackward<T>(Matrix<T> logits, Matrix<T> targets, T scale, Matrix<T>? destination = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary("Elementwise.BinaryCrossEntropyWithLogitsBackward", logits, targets, destination, new BinaryCrossEntropyWithLogitsBackwardOp<T>(scale));
}
