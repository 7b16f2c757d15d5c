using Descent.Numerics;

namespace Descent.Autograd;

// + − × ÷ and negation, elementwise with numpy broadcasting (a vector [n] acts as a row [1, n], a scalar as [1, 1]).
// The gradient g = ∂L/∂result reaches each input with its local derivative; AccumulateGrad sums it back down over
// the dimensions that input was stretched along.
public sealed partial class Tensor<T>
{
    /// <summary>a + b. ∂/∂a = g, ∂/∂b = g.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor<T> operator +(Tensor<T> a, Tensor<T> b)
    {
        int rank = BroadcastRank("add", a, b);
        return Result("add", Elementwise.Add(a.Data, b.Data), rank, [a, b], Saves.Nothing, g =>
        {
            b.AccumulateGrad(g);
            a.AccumulateGrad(g, owned: true);       // b has taken its share: g itself can be handed to a
        });
    }

    /// <summary>a − b. ∂/∂a = g, ∂/∂b = −g.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor<T> operator -(Tensor<T> a, Tensor<T> b)
    {
        int rank = BroadcastRank("sub", a, b);
        return Result("sub", Elementwise.Subtract(a.Data, b.Data), rank, [a, b], Saves.Nothing, g =>
        {
            if (b.RequiresGrad)
                b.AccumulateGrad(Elementwise.Negate(g), owned: true);
            a.AccumulateGrad(g, owned: true);
        });
    }

    /// <summary>a · b elementwise (the matrix product is <see cref="MatMul"/>). ∂/∂a = g·b, ∂/∂b = g·a.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor<T> operator *(Tensor<T> a, Tensor<T> b)
    {
        int rank = BroadcastRank("mul", a, b);
        return Result("mul", Elementwise.Multiply(a.Data, b.Data), rank, [a, b], Saves.Inputs, g =>
        {
            if (a.RequiresGrad)
                a.AccumulateGrad(Elementwise.Multiply(g, b.Data), owned: true);
            if (b.RequiresGrad)
                b.AccumulateGrad(Elementwise.Multiply(g, a.Data), owned: true);
        });
    }

    /// <summary>a / b. ∂/∂a = g / b, ∂/∂b = −g·a / b².</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor<T> operator /(Tensor<T> a, Tensor<T> b)
    {
        int rank = BroadcastRank("div", a, b);
        return Result("div", Elementwise.Divide(a.Data, b.Data), rank, [a, b], Saves.Inputs, g =>
        {
            if (a.RequiresGrad)
                a.AccumulateGrad(Elementwise.Divide(g, b.Data), owned: true);
            if (b.RequiresGrad)
            {
                var db = Elementwise.Multiply(Elementwise.Negate(g), a.Data);
                b.AccumulateGrad(Elementwise.Divide(db, Elementwise.Multiply(b.Data, b.Data), db), owned: true);
            }
        });
    }

    /// <summary>−a. ∂/∂a = −g.</summary>
    public static Tensor<T> operator -(Tensor<T> a) =>
        Result("neg", Elementwise.Negate(a.Data), a.Rank, [a], Saves.Nothing, g => a.AccumulateGrad(Elementwise.Negate(g), owned: true));

    /// <summary>a + c for a constant c. ∂/∂a = g.</summary>
    public static Tensor<T> operator +(Tensor<T> a, T c) =>
        Result("add", Elementwise.Add(a.Data, c), a.Rank, [a], Saves.Nothing, g => a.AccumulateGrad(g, owned: true));

    /// <summary>c + a for a constant c. ∂/∂a = g.</summary>
    public static Tensor<T> operator +(T c, Tensor<T> a) => a + c;

    /// <summary>a − c for a constant c. ∂/∂a = g.</summary>
    public static Tensor<T> operator -(Tensor<T> a, T c) =>
        Result("sub", Elementwise.Subtract(a.Data, c), a.Rank, [a], Saves.Nothing, g => a.AccumulateGrad(g, owned: true));

    /// <summary>c − a for a constant c. ∂/∂a = −g.</summary>
    public static Tensor<T> operator -(T c, Tensor<T> a) =>
        Result("rsub", Elementwise.Subtract(c, a.Data), a.Rank, [a], Saves.Nothing, g => a.AccumulateGrad(Elementwise.Negate(g), owned: true));

    /// <summary>a · c for a constant c. ∂/∂a = g·c.</summary>
    public static Tensor<T> operator *(Tensor<T> a, T c) =>
        Result("mul", Elementwise.Multiply(a.Data, c), a.Rank, [a], Saves.Nothing, g => a.AccumulateGrad(Elementwise.Multiply(g, c), owned: true));

    /// <summary>c · a for a constant c. ∂/∂a = g·c.</summary>
    public static Tensor<T> operator *(T c, Tensor<T> a) => a * c;

    /// <summary>a / c for a constant c. ∂/∂a = g / c.</summary>
    public static Tensor<T> operator /(Tensor<T> a, T c) =>
        Result("div", Elementwise.Divide(a.Data, c), a.Rank, [a], Saves.Nothing, g => a.AccumulateGrad(Elementwise.Divide(g, c), owned: true));

    /// <summary>c / a for a constant c. ∂/∂a = −g·c / a².</summary>
    public static Tensor<T> operator /(T c, Tensor<T> a) =>
        Result("rdiv", Elementwise.Divide(c, a.Data), a.Rank, [a], Saves.Inputs, g =>
        {
            var da = Elementwise.Multiply(g, -c);
            a.AccumulateGrad(Elementwise.Divide(da, Elementwise.Multiply(a.Data, a.Data), da), owned: true);
        });

    /// <summary>
    /// The rank of a broadcast result (the larger rank), after checking numpy's rule on the shapes aligned from the
    /// right: per dimension, equal sizes or one of them 1.
    /// </summary>
    private static int BroadcastRank(string operation, Tensor<T> a, Tensor<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!Fits(a.Data.Rows, b.Data.Rows) || !Fits(a.Data.Columns, b.Data.Columns))
            throw new ArgumentException(
                $"Tensor '{operation}': shapes {a.Shape} and {b.Shape} cannot be broadcast together. Aligned from the right, " +
                "each dimension must be equal or 1 (a vector [n] acts as a row [1, n]; a column [m, 1] is stretched across columns).");
        return Math.Max(a.Rank, b.Rank);

        static bool Fits(int x, int y) => x == y || x == 1 || y == 1;
    }
}
