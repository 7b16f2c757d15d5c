using System.Numerics;
using System.Numerics.Tensors;

namespace Descent.Numerics.Kernels;

/// <summary>
/// Softmax cross-entropy over class indices, fused into one pass per row. For row i of the logits z with target class
/// yᵢ, mᵢ = maxₖ zᵢₖ and sᵢ = Σₖ exp(zᵢₖ − mᵢ):
///   lossᵢ = ln sᵢ − (zᵢ,yᵢ − mᵢ)                      (= −log softmax(zᵢ)_yᵢ, with no exp that can overflow)
///   ∂(scale·Σ loss)/∂zᵢₖ = scale·(exp(zᵢₖ − mᵢ)/sᵢ − [k = yᵢ])   (softmax minus the one-hot row).
/// </summary>
internal static class CrossEntropyKernel
{
    /// <summary>
    /// Writes lossᵢ into <paramref name="losses"/> and, when <paramref name="gradient"/> is given (it may be
    /// <paramref name="logits"/> itself, or must not overlap it), scale·(softmax − one-hot) into it. The caller has
    /// checked that every class index is in [0, columns).
    /// </summary>
    public static void Run<T>(Matrix<T> logits, ReadOnlySpan<int> classes, Span<T> losses, Matrix<T>? gradient, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = logits.Rows, columns = logits.Columns;
        var source = new RowSource<T>(logits);
        var sink = new RowSink<T>(gradient ?? logits);
        T[]? scratch = gradient is null ? System.Buffers.ArrayPool<T>.Shared.Rent(columns) : null;
        try
        {
            for (int i = 0; i < rows; i++)
            {
                var z = source.Row(i);
                var shifted = scratch is null ? sink.Row(i) : scratch.AsSpan(0, columns);
                int y = classes[i];
                TensorPrimitives.Subtract(z, TensorPrimitives.Max(z), shifted);
                T target = shifted[y];
                TensorPrimitives.Exp(shifted, shifted);
                T sum = TensorPrimitives.Sum<T>(shifted);
                losses[i] = T.Log(sum) - target;
                if (scratch is not null)
                    continue;
                TensorPrimitives.Multiply(shifted, scale / sum, shifted);
                shifted[y] -= scale;
                sink.Commit(i);
            }
        }
        finally
        {
            source.Return();
            sink.Return();
            if (scratch is not null)
                System.Buffers.ArrayPool<T>.Shared.Return(scratch);
        }
    }
}
