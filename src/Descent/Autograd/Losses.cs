using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Kernels;

namespace Descent.Autograd;

/// <summary>How a loss combines the losses of its elements (PyTorch's <c>reduction</c>).</summary>
public enum Reduction
{
    /// <summary>The mean over the elements (rows, for cross-entropy): PyTorch's default.</summary>
    Mean,

    /// <summary>The sum over the elements.</summary>
    Sum,
}

/// <summary>
/// Losses as single fused operations (PyTorch's <c>torch.nn.functional</c> losses), each computed in its numerically
/// stable form with its gradient written out, rather than composed from log, exp and division.
/// </summary>
public static class Losses
{
    /// <summary>
    /// Mean (or summed) squared error: L = (1/N)·Σ (xᵢ − yᵢ)² over the N elements (PyTorch's <c>mse_loss</c>).
    /// ∂L/∂x = (2/N)·(x − y)·g, ∂L/∂y = −∂L/∂x (N = 1 for <see cref="Reduction.Sum"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor<T> MeanSquaredError<T>(Tensor<T> input, Tensor<T> target, Reduction reduction = Reduction.Mean)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        SameShape("MeanSquaredError", input, target);
        var difference = Elementwise.Subtract(input.Data, target.Data);
        T n = Count(input, reduction);
        T loss = Elementwise.Multiply(difference, difference).Sum() / n;
        return Tensor<T>.Result("mse_loss", Matrix.Filled(1, 1, loss), 0, [input, target], Saves.Inputs, g =>
        {
            var dx = Elementwise.Multiply(difference, (T.One + T.One) / n * g[0, 0]);
            input.AccumulateGrad(dx);
            if (target.RequiresGrad)
                target.AccumulateGrad(Elementwise.Negate(dx));
        });
    }

    /// <summary>
    /// Binary cross-entropy of the logits x against targets y in [0, 1] (PyTorch's
    /// <c>binary_cross_entropy_with_logits</c>): lᵢ = max(xᵢ, 0) − xᵢyᵢ + ln(1 + e^(−|xᵢ|)), which equals
    /// −[yᵢ ln σ(xᵢ) + (1 − yᵢ) ln(1 − σ(xᵢ))] without overflow or log of 0; L = (1/N)·Σ lᵢ.
    /// ∂L/∂x = (σ(x) − y)·g/N, ∂L/∂y = −x·g/N.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor<T> BinaryCrossEntropyWithLogits<T>(Tensor<T> logits, Tensor<T> target, Reduction reduction = Reduction.Mean)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        SameShape("BinaryCrossEntropyWithLogits", logits, target);
        var x = logits.Data;
        var softplus = Elementwise.Log1p(Elementwise.Exp(Elementwise.Negate(Elementwise.Abs(x))));   // ln(1 + e^(−|x|))
        var elementLoss = Elementwise.Subtract(Elementwise.Relu(x), Elementwise.Multiply(x, target.Data));
        T n = Count(logits, reduction);
        T loss = Elementwise.Add(elementLoss, softplus, elementLoss).Sum() / n;
        return Tensor<T>.Result("binary_cross_entropy_with_logits", Matrix.Filled(1, 1, loss), 0, [logits, target], Saves.Inputs, g =>
        {
            T scale = g[0, 0] / n;
            if (logits.RequiresGrad)
            {
                var dx = Elementwise.Subtract(Elementwise.Sigmoid(x), target.Data);
                logits.AccumulateGrad(Elementwise.Multiply(dx, scale, dx));
            }
            if (target.RequiresGrad)
                target.AccumulateGrad(Elementwise.Multiply(x, -scale));
        });
    }

    /// <summary>
    /// Cross-entropy of the logits z (one row per example, one column per class) against class indices
    /// (PyTorch's <c>cross_entropy</c>): lᵢ = −log softmax(zᵢ)_yᵢ = ln Σₖ e^(zᵢₖ) − zᵢ,yᵢ, computed after subtracting the
    /// row maximum; L = (1/m)·Σ lᵢ over the m rows. ∂L/∂z = (softmax(z) − onehot(y))·g/m, computed with the loss in
    /// one fused pass.
    /// </summary>
    /// <exception cref="ArgumentException">The logits are not a matrix with at least one column, or there is not one class index per row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class index is outside [0, columns).</exception>
    public static Tensor<T> CrossEntropy<T>(Tensor<T> logits, ReadOnlySpan<int> classes, Reduction reduction = Reduction.Mean)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(logits);
        CheckClasses("CrossEntropy", logits.Rank, logits.Shape.ToString(), logits.Data.Rows, logits.Data.Columns, classes);
        int rows = logits.Data.Rows;
        T n = reduction == Reduction.Mean ? T.CreateTruncating(rows) : T.One;
        var gradient = new Matrix<T>(rows, logits.Data.Columns);
        var rowLosses = new T[rows];
        CrossEntropyKernel.Run(logits.Data, classes, rowLosses, logits.RequiresGrad ? gradient : null, T.One / n);
        T loss = new Vec<T>(rowLosses).Sum() / n;
        return Tensor<T>.Result("cross_entropy", Matrix.Filled(1, 1, loss), 0, [logits], Saves.Inputs, g =>
            logits.AccumulateGrad(g[0, 0] == T.One ? gradient : Elementwise.Multiply(gradient, g[0, 0])));
    }

    /// <summary>Checks that <paramref name="classes"/> holds one index in [0, columns) per row of a rank-2 input.</summary>
    internal static void CheckClasses(string operation, int rank, string shape, int rows, int columns, ReadOnlySpan<int> classes)
    {
        if (rank != 2 || columns == 0)
            throw new ArgumentException(
                $"Losses.{operation}: the logits must be a matrix with one row per example and one column per class, got shape {shape}.");
        if (classes.Length != rows)
            throw new ArgumentException(
                $"Losses.{operation}: the logits have {rows} rows (shape {shape}) but {classes.Length} class indices were given; give one per row.");
        for (int i = 0; i < classes.Length; i++)
            if ((uint)classes[i] >= (uint)columns)
                throw new ArgumentOutOfRangeException(nameof(classes), classes[i],
                    $"Losses.{operation}: class index {classes[i]} of row {i} is outside [0, {columns}) for logits of shape {shape} " +
                    "(classes are numbered from 0 to the number of columns − 1).");
    }

    private static void SameShape<T>(string operation, Tensor<T> input, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (input.Shape != target.Shape)
            throw new ArgumentException(
                $"Losses.{operation}: the input has shape {input.Shape} but the target has shape {target.Shape}; they must be the same.");
    }

    private static T Count<T>(Tensor<T> input, Reduction reduction) where T : unmanaged, IFloatingPointIeee754<T> =>
        reduction == Reduction.Mean ? T.CreateTruncating(input.Length) : T.One;
}
