using System.Numerics;
using Descent.Numerics.Kernels.Ops;

namespace Descent.Numerics;

public static partial class Elementwise
{
    /// <summary>−x, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Negate<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Negate", x, destination, new NegateOp<T>());

    /// <summary>−x, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Negate<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Negate", x, destination, new NegateOp<T>());

    /// <summary>eˣ, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Exp<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Exp", x, destination, new ExpOp<T>());

    /// <summary>eˣ, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Exp<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Exp", x, destination, new ExpOp<T>());

    /// <summary>ln x (−∞ at ±0, NaN below 0), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Log<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Log", x, destination, new LogOp<T>());

    /// <summary>ln x (−∞ at ±0, NaN below 0), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Log<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Log", x, destination, new LogOp<T>());

    /// <summary>ln(1 + x), accurate for tiny |x| (numpy's log1p), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Log1p<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Log1p", x, destination, new Log1pOp<T>());

    /// <summary>ln(1 + x), accurate for tiny |x| (numpy's log1p), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Log1p<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Log1p", x, destination, new Log1pOp<T>());

    /// <summary>√x (NaN below 0), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Sqrt<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Sqrt", x, destination, new SqrtOp<T>());

    /// <summary>√x (NaN below 0), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Sqrt<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Sqrt", x, destination, new SqrtOp<T>());

    /// <summary>x², for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Square<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Square", x, destination, new SquareOp<T>());

    /// <summary>x², for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Square<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Square", x, destination, new SquareOp<T>());

    /// <summary>|x|, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Abs<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Abs", x, destination, new AbsOp<T>());

    /// <summary>|x|, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Abs<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Abs", x, destination, new AbsOp<T>());

    /// <summary>sign(x): 1 for x &gt; 0, −1 for x &lt; 0, 0 for ±0, NaN for NaN (numpy's sign), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Sign<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Sign", x, destination, new SignOp<T>());

    /// <summary>sign(x): 1 for x &gt; 0, −1 for x &lt; 0, 0 for ±0, NaN for NaN (numpy's sign), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Sign<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Sign", x, destination, new SignOp<T>());

    /// <summary>tanh x, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Tanh<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Tanh", x, destination, new TanhOp<T>());

    /// <summary>tanh x, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Tanh<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Tanh", x, destination, new TanhOp<T>());

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ), evaluated as e^x / (1 + e^x) for x &lt; 0 so it neither overflows nor loses relative precision for large |x|, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Sigmoid<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Sigmoid", x, destination, new SigmoidOp<T>());

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ), evaluated as e^x / (1 + e^x) for x &lt; 0 so it neither overflows nor loses relative precision for large |x|, for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Sigmoid<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Sigmoid", x, destination, new SigmoidOp<T>());

    /// <summary>ReLU: max(x, 0) (NaN stays NaN), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Relu<T>(Matrix<T> x, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Relu", x, destination, new ReluOp<T>());

    /// <summary>ReLU: max(x, 0) (NaN stays NaN), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Relu<T>(Vec<T> x, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Relu", x, destination, new ReluOp<T>());

    /// <summary>Leaky ReLU: x for x &gt; 0, slope·x otherwise (PyTorch's default slope is 0.01), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> LeakyRelu<T>(Matrix<T> x, T slope, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.LeakyRelu", x, destination, new LeakyReluOp<T>(slope));

    /// <summary>Leaky ReLU: x for x &gt; 0, slope·x otherwise (PyTorch's default slope is 0.01), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> LeakyRelu<T>(Vec<T> x, T slope, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.LeakyRelu", x, destination, new LeakyReluOp<T>(slope));

    /// <summary>xᵖ with p = <paramref name="exponent"/> (IEEE pow: NaN for negative x and non-integer p), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Pow<T>(Matrix<T> x, T exponent, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Pow", x, destination, new PowOp<T>(exponent));

    /// <summary>xᵖ with p = <paramref name="exponent"/> (IEEE pow: NaN for negative x and non-integer p), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Pow<T>(Vec<T> x, T exponent, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Pow", x, destination, new PowOp<T>(exponent));

    /// <summary>min(max(x, <paramref name="min"/>), <paramref name="max"/>), numpy's clip (NaN stays NaN; when min &gt; max every element becomes max, as in numpy), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's shape.</exception>
    public static Matrix<T> Clip<T>(Matrix<T> x, T min, T max, Matrix<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Clip", x, destination, new ClipOp<T>(min, max));

    /// <summary>min(max(x, <paramref name="min"/>), <paramref name="max"/>), numpy's clip (NaN stays NaN; when min &gt; max every element becomes max, as in numpy), for every element.</summary>
    /// <exception cref="ArgumentException">destination does not have x's length.</exception>
    public static Vec<T> Clip<T>(Vec<T> x, T min, T max, Vec<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary("Elementwise.Clip", x, destination, new ClipOp<T>(min, max));
}
