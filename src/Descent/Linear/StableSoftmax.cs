using System.Numerics.Tensors;

namespace Descent.Linear;

/// <summary>
/// Row-wise softmax and log-sum-exp of an n × K score matrix, numerically stable: with mᵢ = maxₖ zᵢₖ,
///   lseᵢ = mᵢ + log Σₖ exp(zᵢₖ − mᵢ),   pᵢₖ = exp(zᵢₖ − lseᵢ),
/// so no exp ever overflows and the largest term of every sum is exactly 1. The multinomial loss needs both in one
/// pass over its buffers, which is why it does not call <c>Matrix.Softmax</c> and <c>Matrix.LogSumExp</c> separately.
/// </summary>
internal static class StableSoftmax
{
    /// <summary>Replaces each row of <paramref name="scores"/> (row-major, <paramref name="classes"/> per row) by its
    /// softmax and writes log Σₖ exp(zᵢₖ) into <paramref name="logSumExp"/>.</summary>
    public static void InPlace(Span<double> scores, int classes, Span<double> logSumExp)
    {
        int rows = logSumExp.Length;
        for (int i = 0; i < rows; i++)
        {
            var row = scores.Slice(i * classes, classes);
            double max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, row);
            logSumExp[i] = max;
        }
        TensorPrimitives.Exp(scores, scores);
        for (int i = 0; i < rows; i++)
        {
            var row = scores.Slice(i * classes, classes);
            double sum = TensorPrimitives.Sum(row);
            TensorPrimitives.Divide(row, sum, row);
            logSumExp[i] += Math.Log(sum);
        }
    }
}
