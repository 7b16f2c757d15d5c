using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// L-BFGS's memory of the last m pairs (sᵢ = x_{i+1} − xᵢ, yᵢ = ∇f_{i+1} − ∇fᵢ), and the two-loop recursion that
/// applies the implied inverse-Hessian approximation H to a gradient without forming it (Nocedal &amp; Wright, alg. 7.4).
/// A pair is skipped unless sᵀy &gt; eps·yᵀy (the curvature condition, as L-BFGS-B tests it).
/// </summary>
internal sealed class InverseHessianMemory
{
    private readonly double[][] _s;
    private readonly double[][] _y;
    private readonly double[] _rho;
    private readonly double[] _alpha;
    private int _newest = -1;

    public InverseHessianMemory(int size, int dimension)
    {
        _s = new double[size][];
        _y = new double[size][];
        for (int i = 0; i < size; i++)
        {
            _s[i] = new double[dimension];
            _y[i] = new double[dimension];
        }
        _rho = new double[size];
        _alpha = new double[size];
    }

    /// <summary>Pairs currently stored.</summary>
    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _newest = -1;
    }

    /// <summary>Stores s = xNew − x and y = gNew − g when they satisfy the curvature condition.</summary>
    public void Push(ReadOnlySpan<double> x, ReadOnlySpan<double> xNew, ReadOnlySpan<double> g, ReadOnlySpan<double> gNew)
    {
        int slot = (_newest + 1) % _s.Length;
        var s = _s[slot];
        var y = _y[slot];
        TensorPrimitives.Subtract(xNew, x, s);
        TensorPrimitives.Subtract(gNew, g, y);
        double sy = TensorPrimitives.Dot(s, y);
        double yy = TensorPrimitives.Dot(y, y);
        if (!(sy > MachineEpsilon.Double * yy))
            return;
        _rho[slot] = 1.0 / sy;
        _newest = slot;
        Count = Math.Min(Count + 1, _s.Length);
    }

    /// <summary>Writes d = −H·<paramref name="gradient"/> into <paramref name="direction"/> (d = −∇f when empty).</summary>
    public void Direction(ReadOnlySpan<double> gradient, Span<double> direction)
    {
        TensorPrimitives.Negate(gradient, direction);
        int m = _s.Length;
        for (int k = 0; k < Count; k++)
        {
            int i = (_newest - k + m) % m;
            _alpha[i] = _rho[i] * TensorPrimitives.Dot(_s[i], direction);
            TensorPrimitives.MultiplyAdd(_y[i], -_alpha[i], direction, direction);
        }
        if (Count > 0)
        {
            var yNewest = _y[_newest];
            double gamma = 1.0 / (_rho[_newest] * TensorPrimitives.Dot(yNewest, yNewest));
            TensorPrimitives.Multiply(direction, gamma, direction);
        }
        for (int k = Count - 1; k >= 0; k--)
        {
            int i = (_newest - k + m) % m;
            double beta = _rho[i] * TensorPrimitives.Dot(_y[i], direction);
            TensorPrimitives.MultiplyAdd(_s[i], _alpha[i] - beta, direction, direction);
        }
    }
}
