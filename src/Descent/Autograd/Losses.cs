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
/// stable form with its gradient written out, rather than composed from log, exp and division. The NeuralNetworks loss
/// modules compute the same values and gradients through the same internal functions.
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
        var difference = new Matrix<T>(input.Data.Rows, input.Data.Columns);
        T n = Count<T>(input.Length, reduction);
        T loss = SquaredError(input.Data, target.Data, difference, new Matrix<T>(difference.Rows, difference.Columns)) / n;
        return Tensor<T>.Result("mse_loss", Matrix.Filled(1, 1, loss), 0, [input, target], Saves.Inputs, g =>
        {
            var dx = SquaredErrorGradient(difference, n, g[0, 0], new Matrix<T>(difference.Rows, difference.Columns));
            input.AccumulateGrad(dx, owned: true);
            if (target.RequiresGrad)
                target.AccumulateGrad(Elementwise.Negate(dx), owned: true);
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
        T n = Count<T>(logits.Length, reduction);
        T loss = Elementwise.BinaryCrossEntropyWithLogits(logits.Data, target.Data).Sum() / n;
        return Tensor<T>.Result("binary_cross_entropy_with_logits", Matrix.Filled(1, 1, loss), 0, [logits, target], Saves.Inputs, g =>
        {
            T scale = g[0, 0] / n;
            if (logits.RequiresGrad)
                logits.AccumulateGrad(Elementwise.BinaryCrossEntropyWithLogitsBackward(logits.Data, target.Data, scale), owned: true);
            if (target.RequiresGrad)
                target.AccumulateGrad(Elementwise.Multiply(logits.Data, -scale), owned: true);
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
        CheckClasses("CrossEntropy", logits.Rank, logits.Data.Rows, logits.Data.Columns, classes);
        int rows = logits.Data.Rows;
        T n = Count<T>(rows, reduction);
        var gradient = new Matrix<T>(rows, logits.Data.Columns);
        T loss = CrossEntropy(logits.Data, classes, new Matrix<T>(1, rows), logits.RequiresGrad ? gradient : null, n);
        return Tensor<T>.Result("cross_entropy", Matrix.Filled(1, 1, loss), 0, [logits], Saves.Inputs, g =>
            logits.AccumulateGrad(g[0, 0] == T.One ? gradient : Elementwise.Multiply(gradient, g[0, 0])));
    }

    /// <summary>Writes d = x − y into <paramref name="difference"/> and returns Σ d² (d² goes through <paramref name="squares"/>).</summary>
    internal static T SquaredError<T>(Matrix<T> input, Matrix<T> target, Matrix<T> difference, Matrix<T> squares)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Elementwise.Subtract(input, target, difference);
        return Elementwise.Multiply(difference, difference, squares).Sum();
    }

    /// <summary>∂L/∂x = (2/N)·d·g for the mean (or summed, N = 1) squared error, into <paramref name="destination"/>.</summary>
    internal static Matrix<T> SquaredErrorGradient<T>(Matrix<T> difference, T n, T g, Matrix<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Elementwise.Multiply(difference, (T.One + T.One) / n * g, destination);

    /// <summary>
    /// Σᵢ lᵢ / N for the cross-entropy of each row (the row losses go into <paramref name="rowLosses"/>, 1 × rows), and,
    /// when <paramref name="gradient"/> is given, (softmax − onehot)/N into it.
    /// </summary>
    internal static T CrossEntropy<T>(Matrix<T> logits, ReadOnlySpan<int> classes, Matrix<T> rowLosses, Matrix<T>? gradient, T n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CrossEntropyKernel.Run(logits, classes, rowLosses.AsSpan(), gradient, T.One / n);
        return rowLosses.Sum() / n;
    }

    /// <summary>Checks that <paramref name="classes"/> holds one index in [0, columns) per row of a rank-2 input.</summary>
    internal static void CheckClasses(string operation, int rank, int rows, int columns, ReadOnlySpan<int> classes)
    {
        if (rank != 2 || columns == 0)
            throw new ArgumentException(
                $"Losses.{operation}: the logits must be a matrix with one row per example and one column per class, got shape {Shape()}.");
        if (classes.Length != rows)
            throw new ArgumentException(
                $"Losses.{operation}: the logits have {rows} rows (shape {Shape()}) but {classes.Length} class indices were given; give one per row.");
        for (int i = 0; i < classes.Length; i++)
            if ((uint)classes[i] >= (uint)columns)
                throw new ArgumentOutOfRangeException(nameof(classes), classes[i],
                    $"Losses.{operation}: class index {classes[i]} of row {i} is outside [0, {columns}) for logits of shape {Shape()} " +
                    "(classes are numbered from 0 to the number of columns − 1).");

        string Shape() => rank == 2 ? $"[{rows}, {columns}]" : rank == 1 ? $"[{columns}]" : "[]";
    }

    private static void SameShape<T>(string operation, Tensor<T> input, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (input.Shape != target.Shape)
            throw new ArgumentException(
                $"Losses.{operation}: the input has shape {input.Shape} but the target has shape {target.Shape}; they must be the same.");
    }

    /// <summary>N: the number of elements averaged over, or 1 for a sum.</summary>
    internal static T Count<T>(int elements, Reduction reduction) where T : unmanaged, IFloatingPointIeee754<T> =>
        reduction == Reduction.Mean ? T.CreateTruncating(elements) : T.One;
}
