using System.Numerics;
using Descent.Autograd;
using Descent.Numerics;

namespace Descent.NeuralNetworks;

// The losses as objects with the two paths of a Module: Forward(Tensor...) is Autograd's fused loss (for
// loss.Backward()); Forward(Matrix...) returns the loss of a batch and keeps what Backward() needs, and Backward()
// returns ∂L/∂input in a reused buffer, ready for the network's Backward. Both compute the same bits.

/// <summary>Mean squared error L = (1/N)·Σ (x − y)² (PyTorch's <c>nn.MSELoss</c>); ∂L/∂x = (2/N)·(x − y).</summary>
public sealed class MseLoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly BatchBuffer<T> _difference = new(), _squares = new(), _gradient = new();
    private Matrix<T>? _lastDifference;

    /// <summary>Mean (the default) or sum over the elements.</summary>
    public Reduction Reduction { get; init; } = Reduction.Mean;

    /// <summary>The loss as a tensor recorded for autograd.</summary>
    public Tensor<T> Forward(Tensor<T> input, Tensor<T> target) => Losses.MeanSquaredError(input, target, Reduction);

    /// <summary>The loss of a batch; keeps x − y for <see cref="Backward"/>.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public T Forward(Matrix<T> input, Matrix<T> target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (input.Shape != target.Shape)
            throw new ArgumentException($"MseLoss: the input has shape {input.Shape} but the target has shape {target.Shape}; they must be the same.");
        var difference = _difference.Get(input.Rows, input.Columns);
        T sum = Losses.SquaredError(input, target, difference, _squares.Get(input.Rows, input.Columns));
        _lastDifference = difference;
        return sum / Losses.Count<T>(input.Length, Reduction);
    }

    /// <summary>∂L/∂input for the last <see cref="Forward(Matrix{T}, Matrix{T})"/>.</summary>
    /// <exception cref="InvalidOperationException">No Forward(Matrix) came before.</exception>
    public Matrix<T> Backward()
    {
        var d = _lastDifference ?? throw new InvalidOperationException("MseLoss: Backward needs a Forward(Matrix, Matrix) first.");
        return Losses.SquaredErrorGradient(d, Losses.Count<T>(d.Length, Reduction), T.One, _gradient.Get(d.Rows, d.Columns));
    }
}

/// <summary>
/// Binary cross-entropy on logits, L = (1/N)·Σ [max(x, 0) − x·y + ln(1 + e^(−|x|))] (PyTorch's
/// <c>nn.BCEWithLogitsLoss</c>); ∂L/∂x = (σ(x) − y)/N.
/// </summary>
public sealed class BceWithLogitsLoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly BatchBuffer<T> _elements = new(), _gradient = new();
    private Matrix<T>? _logits, _targets;

    /// <summary>Mean (the default) or sum over the elements.</summary>
    public Reduction Reduction { get; init; } = Reduction.Mean;

    /// <summary>The loss as a tensor recorded for autograd.</summary>
    public Tensor<T> Forward(Tensor<T> logits, Tensor<T> target) => Losses.BinaryCrossEntropyWithLogits(logits, target, Reduction);

    /// <summary>The loss of a batch; the logits and targets must stay unchanged until <see cref="Backward"/>.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public T Forward(Matrix<T> logits, Matrix<T> target)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(target);
        if (logits.Shape != target.Shape)
            throw new ArgumentException($"BceWithLogitsLoss: the logits have shape {logits.Shape} but the target has shape {target.Shape}; they must be the same.");
        (_logits, _targets) = (logits, target);
        return Elementwise.BinaryCrossEntropyWithLogits(logits, target, _elements.Get(logits.Rows, logits.Columns)).Sum()
            / Losses.Count<T>(logits.Length, Reduction);
    }

    /// <summary>∂L/∂logits for the last <see cref="Forward(Matrix{T}, Matrix{T})"/>.</summary>
    /// <exception cref="InvalidOperationException">No Forward(Matrix) came before.</exception>
    public Matrix<T> Backward()
    {
        var x = _logits ?? throw new InvalidOperationException("BceWithLogitsLoss: Backward needs a Forward(Matrix, Matrix) first.");
        return Elementwise.BinaryCrossEntropyWithLogitsBackward(x, _targets!, T.One / Losses.Count<T>(x.Length, Reduction),
            _gradient.Get(x.Rows, x.Columns));
    }
}

/// <summary>
/// Cross-entropy of logits against class indices, L = (1/m)·Σᵢ −log softmax(zᵢ)_yᵢ (PyTorch's <c>nn.CrossEntropyLoss</c>);
/// ∂L/∂z = (softmax(z) − onehot(y))/m, computed with the loss in one pass.
/// </summary>
public sealed class CrossEntropyLoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly BatchBuffer<T> _rowLosses = new(), _gradient = new();
    private Matrix<T>? _lastGradient;

    /// <summary>Mean over the rows (the default) or sum.</summary>
    public Reduction Reduction { get; init; } = Reduction.Mean;

    /// <summary>The loss as a tensor recorded for autograd.</summary>
    public Tensor<T> Forward(Tensor<T> logits, ReadOnlySpan<int> classes) => Losses.CrossEntropy(logits, classes, Reduction);

    /// <summary>The loss of a batch, and its gradient for <see cref="Backward"/>.</summary>
    /// <exception cref="ArgumentException">Not one class index per row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class index outside [0, columns).</exception>
    public T Forward(Matrix<T> logits, ReadOnlySpan<int> classes)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Losses.CheckClasses("CrossEntropy", 2, logits.Rows, logits.Columns, classes);
        var gradient = _gradient.Get(logits.Rows, logits.Columns);
        T loss = Losses.CrossEntropy(logits, classes, _rowLosses.Get(1, logits.Rows), gradient, Losses.Count<T>(logits.Rows, Reduction));
        _lastGradient = gradient;
        return loss;
    }

    /// <summary>∂L/∂logits for the last <see cref="Forward(Matrix{T}, ReadOnlySpan{int})"/>.</summary>
    /// <exception cref="InvalidOperationException">No Forward(Matrix) came before.</exception>
    public Matrix<T> Backward() =>
        _lastGradient ?? throw new InvalidOperationException("CrossEntropyLoss: Backward needs a Forward(Matrix, classes) first.");
}
