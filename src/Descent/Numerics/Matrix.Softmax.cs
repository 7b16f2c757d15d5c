using Descent.Numerics.Kernels;

namespace Descent.Numerics;

// Row-wise softmax family (scipy.special's softmax / log_softmax / logsumexp with axis=1), each computed after
// subtracting the row maximum so that exp never overflows.
public sealed partial class Matrix<T>
{
    /// <summary>
    /// Softmax of each row: sᵢⱼ = exp(xᵢⱼ − mᵢ) / Σₖ exp(xᵢₖ − mᵢ) with mᵢ = maxₖ xᵢₖ, so each row of the result sums
    /// to 1. A row holding NaN or +∞, or only −∞, gives a row of NaN (as scipy). Returns <paramref name="destination"/>
    /// (this matrix itself works in place) or a new matrix.
    /// </summary>
    /// <exception cref="ArgumentException">destination does not have this matrix's shape.</exception>
    public Matrix<T> Softmax(Matrix<T>? destination = null)
    {
        var d = Broadcast.Destination("Matrix.Softmax", destination, Shape);
        SoftmaxKernel.Softmax(Broadcast.Unaliased(this, d), d);
        return d;
    }

    /// <summary>
    /// Log-softmax of each row: xᵢⱼ − LogSumExpᵢ, computed as (xᵢⱼ − mᵢ) − ln Σₖ exp(xᵢₖ − mᵢ) (PyTorch's log_softmax
    /// along dim 1). Returns <paramref name="destination"/> or a new matrix.
    /// </summary>
    /// <exception cref="ArgumentException">destination does not have this matrix's shape.</exception>
    public Matrix<T> LogSoftmax(Matrix<T>? destination = null)
    {
        var d = Broadcast.Destination("Matrix.LogSoftmax", destination, Shape);
        SoftmaxKernel.LogSoftmax(Broadcast.Unaliased(this, d), d);
        return d;
    }

    /// <summary>
    /// ln Σⱼ exp(xᵢⱼ) for each row i, computed as mᵢ + ln Σⱼ exp(xᵢⱼ − mᵢ) with mᵢ the row maximum (0 when that is
    /// not finite, as scipy.special.logsumexp): −∞ for an empty row or one of only −∞, +∞ if the row holds +∞, NaN
    /// if it holds NaN.
    /// </summary>
    /// <exception cref="ArgumentException">destination does not have length <see cref="Rows"/>.</exception>
    public Vec<T> LogSumExp(Vec<T>? destination = null)
    {
        var d = Broadcast.Destination("Matrix.LogSumExp", destination, Rows);
        SoftmaxKernel.LogSumExp(Unaliased(d), d);
        return d;
    }
}
