using System.Numerics;
using System.Numerics.Tensors;
using Descent.Numerics.Kernels;
using Descent.Numerics.Kernels.Ops;

namespace Descent.Numerics;

// Reductions of a vector, as numpy's on a 1-D array. A strided vector is gathered into a buffer first, so a view
// and its contiguous copy give bit-identical results. NaN propagates; ArgMin/ArgMax return the first NaN.
public sealed partial class Vec<T>
{
    /// <summary>Σ xᵢ (0 for an empty vector).</summary>
    public T Sum() => ReduceKernel.All(AsRowMatrix(), new SumOp<T>());

    /// <summary>Σ xᵢ / n; NaN for an empty vector.</summary>
    public T Mean() => Sum() / T.CreateTruncating(Length);

    /// <summary>Σ (xᵢ − mean)² / max(n − ddof, 0) (numpy's var; ddof = 1 gives the unbiased estimate). A divisor of 0
    /// gives ∞ or NaN, as in numpy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ddof &lt; 0.</exception>
    public T Variance(int ddof = 0)
    {
        if (ddof < 0)
            throw new ArgumentOutOfRangeException(nameof(ddof), ddof, $"Vec.Variance: ddof must be >= 0, got {ddof}.");
        return VarianceKernel.All(AsRowMatrix(), ddof);
    }

    /// <summary>√Variance(ddof) (numpy's std).</summary>
    /// <exception cref="ArgumentOutOfRangeException">ddof &lt; 0.</exception>
    public T Std(int ddof = 0) => T.Sqrt(Variance(ddof));

    /// <summary>The largest element; NaN if any element is NaN (numpy's max).</summary>
    /// <exception cref="ArgumentException">The vector is empty.</exception>
    public T Max()
    {
        CheckNotEmpty("Vec.Max");
        return ReduceKernel.All(AsRowMatrix(), new MaxOp<T>());
    }

    /// <summary>The smallest element; NaN if any element is NaN (numpy's min).</summary>
    /// <exception cref="ArgumentException">The vector is empty.</exception>
    public T Min()
    {
        CheckNotEmpty("Vec.Min");
        return ReduceKernel.All(AsRowMatrix(), new MinOp<T>());
    }

    /// <summary>The index of the first maximum, or of the first NaN if there is one (numpy's argmax; −0 and +0 tie).</summary>
    /// <exception cref="ArgumentException">The vector is empty.</exception>
    public int ArgMax()
    {
        CheckNotEmpty("Vec.ArgMax");
        return ArgKernel.All(AsRowMatrix(), new ArgMaxOp<T>());
    }

    /// <summary>The index of the first minimum, or of the first NaN if there is one (numpy's argmin).</summary>
    /// <exception cref="ArgumentException">The vector is empty.</exception>
    public int ArgMin()
    {
        CheckNotEmpty("Vec.ArgMin");
        return ArgKernel.All(AsRowMatrix(), new ArgMinOp<T>());
    }

    /// <summary>The dot product x·y = Σ xᵢ·yᵢ (this is x).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public T Dot(Vec<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length != Length)
            throw new ArgumentException(
                $"Vec.Dot: lengths {Length} and {other.Length} differ; a dot product needs two vectors of the same length.");
        var x = new RowSource<T>(AsRowMatrix());
        var y = new RowSource<T>(other.AsRowMatrix());
        try
        {
            return Length == 0 ? T.Zero : TensorPrimitives.Dot(x.Row(0), y.Row(0));
        }
        finally
        {
            x.Return();
            y.Return();
        }
    }

    /// <summary>The Euclidean norm ‖x‖₂ = √(Σ xᵢ²) (numpy.linalg.norm; no rescaling, so it overflows as numpy does).</summary>
    public T Norm()
    {
        var x = new RowSource<T>(AsRowMatrix());
        try
        {
            return Length == 0 ? T.Zero : TensorPrimitives.Norm(x.Row(0));
        }
        finally
        {
            x.Return();
        }
    }

    /// <summary>softmax: exp(xᵢ − m) / Σₖ exp(xₖ − m), m = max x (see <see cref="Matrix{T}.Softmax"/>). Returns
    /// <paramref name="destination"/> (this vector itself works in place) or a new vector.</summary>
    /// <exception cref="ArgumentException">destination has another length.</exception>
    public Vec<T> Softmax(Vec<T>? destination = null)
    {
        var d = Broadcast.Destination("Vec.Softmax", destination, Length);
        AsRowMatrix().Softmax(d.AsRowMatrix());
        return d;
    }

    /// <summary>log-softmax: xᵢ − LogSumExp(x), computed after subtracting the maximum (see <see cref="Matrix{T}.LogSoftmax"/>).</summary>
    /// <exception cref="ArgumentException">destination has another length.</exception>
    public Vec<T> LogSoftmax(Vec<T>? destination = null)
    {
        var d = Broadcast.Destination("Vec.LogSoftmax", destination, Length);
        AsRowMatrix().LogSoftmax(d.AsRowMatrix());
        return d;
    }

    /// <summary>ln Σᵢ exp(xᵢ), computed as m + ln Σᵢ exp(xᵢ − m) (see <see cref="Matrix{T}.LogSumExp"/>); −∞ when empty.</summary>
    public T LogSumExp()
    {
        var result = new Vec<T>(1);
        SoftmaxKernel.LogSumExp(AsRowMatrix(), result);
        return result[0];
    }

    private void CheckNotEmpty(string operation)
    {
        if (Length == 0)
            Broadcast.ThrowEmpty(operation, "the vector");
    }
}
