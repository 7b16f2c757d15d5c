using System.Numerics.Tensors;

namespace Descent.Optimization;

/// <summary>
/// A line search along a descent direction d from x that returns a step α satisfying the strong Wolfe conditions
///   f(x + αd) ≤ f(x) + c₁·α·∇f(x)·d   and   |∇f(x + αd)·d| ≤ c₂·|∇f(x)·d|
/// (Nocedal &amp; Wright, Numerical Optimization, algorithms 3.5 and 3.6: bracket by doubling, then zoom with
/// safeguarded cubic interpolation). c₁ = 1e-3 and c₂ = 0.9 are the values of scipy's L-BFGS-B line search.
/// Near the optimum f stops resolving decreases of order c₁·α·∇f·d (they fall below its rounding error) while the
/// gradient is still accurate, so a step is also accepted under Hager and Zhang's approximate Wolfe conditions
///   f(x + αd) ≤ f(x) + 1e-12·|f(x)|   and   c₂·∇f(x)·d ≤ ∇f(x + αd)·d ≤ (2c₁ − 1)·∇f(x)·d,
/// which lets Newton and L-BFGS drive the gradient far below where plain Wolfe searches stall.
/// </summary>
internal sealed class WolfeLineSearch
{
    private readonly IDifferentiableFunction _function;
    private readonly double _c1;
    private readonly double _c2;
    private readonly int _maxEvaluations;

    public WolfeLineSearch(IDifferentiableFunction function, double c1 = 1e-3, double c2 = 0.9, int maxEvaluations = 20)
    {
        _function = function;
        _c1 = c1;
        _c2 = c2;
        _maxEvaluations = maxEvaluations;
    }

    /// <summary>Evaluations of f made by the searches so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Searches along <paramref name="direction"/> from <paramref name="x"/> (where f = <paramref name="f0"/> and
    /// ∇f·d = <paramref name="slope0"/> &lt; 0), starting with step <paramref name="initialStep"/>. On success the accepted
    /// point, its gradient and value are in <paramref name="xNew"/>, <paramref name="gradientNew"/> and
    /// <paramref name="fNew"/>; on failure they hold nothing useful and false is returned.
    /// </summary>
    public bool Search(ReadOnlySpan<double> x, double f0, double slope0, ReadOnlySpan<double> direction, double initialStep,
        Span<double> xNew, Span<double> gradientNew, out double step, out double fNew)
    {
        double previousStep = 0, previousF = f0, previousSlope = slope0;
        double alpha = initialStep;
        int evaluations = 0;
        while (evaluations < _maxEvaluations)
        {
            double fa = Evaluate(x, direction, alpha, xNew, gradientNew, out double slope);
            evaluations++;
            if (ApproximateWolfe(f0, slope0, fa, slope))
            {
                step = alpha;
                fNew = fa;
                return true;
            }
            if (!double.IsFinite(fa) || fa > f0 + _c1 * alpha * slope0 || (evaluations > 1 && fa >= previousF))
                return Zoom(x, f0, slope0, direction, previousStep, previousF, previousSlope, alpha, fa, slope,
                    evaluations, xNew, gradientNew, out step, out fNew);
            if (Math.Abs(slope) <= -_c2 * slope0)
            {
                step = alpha;
                fNew = fa;
                return true;
            }
            if (slope >= 0)
                return Zoom(x, f0, slope0, direction, alpha, fa, slope, previousStep, previousF, previousSlope,
                    evaluations, xNew, gradientNew, out step, out fNew);
            previousStep = alpha;
            previousF = fa;
            previousSlope = slope;
            alpha *= 2;
        }
        step = 0;
        fNew = f0;
        return false;
    }

    /// <summary>Shrinks the bracket [lo, hi] (lo satisfies sufficient decrease and has the lower f) until a point
    /// satisfies both Wolfe conditions.</summary>
    private bool Zoom(ReadOnlySpan<double> x, double f0, double slope0, ReadOnlySpan<double> direction,
        double lo, double fLo, double slopeLo, double hi, double fHi, double slopeHi, int evaluations,
        Span<double> xNew, Span<double> gradientNew, out double step, out double fNew)
    {
        while (evaluations < _maxEvaluations)
        {
            double alpha = CubicMinimizer(lo, fLo, slopeLo, hi, fHi, slopeHi);
            double fa = Evaluate(x, direction, alpha, xNew, gradientNew, out double slope);
            evaluations++;
            if (ApproximateWolfe(f0, slope0, fa, slope))
            {
                step = alpha;
                fNew = fa;
                return true;
            }
            if (!double.IsFinite(fa) || fa > f0 + _c1 * alpha * slope0 || fa >= fLo)
            {
                (hi, fHi, slopeHi) = (alpha, fa, slope);
            }
            else
            {
                if (Math.Abs(slope) <= -_c2 * slope0)
                {
                    step = alpha;
                    fNew = fa;
                    return true;
                }
                if (slope * (hi - lo) >= 0)
                    (hi, fHi, slopeHi) = (lo, fLo, slopeLo);
                (lo, fLo, slopeLo) = (alpha, fa, slope);
            }
            if (Math.Abs(hi - lo) <= 1e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi)))
                break;
        }
        // No strong-Wolfe point within the budget: accept the best point with sufficient decrease, if any.
        if (lo > 0)
        {
            fNew = Evaluate(x, direction, lo, xNew, gradientNew, out _);
            step = lo;
            return true;
        }
        step = 0;
        fNew = f0;
        return false;
    }

    /// <summary>Hager and Zhang's approximate Wolfe test (for when f is at its rounding limit).</summary>
    private bool ApproximateWolfe(double f0, double slope0, double fa, double slope) =>
        fa <= f0 + 1e-12 * Math.Abs(f0) && slope >= _c2 * slope0 && slope <= (2 * _c1 - 1) * slope0;

    /// <summary>The minimiser of the cubic through (a, fa, da) and (b, fb, db), kept at least 10% of the interval away
    /// from either end; the midpoint when the cubic has no usable minimiser or fb is not finite.</summary>
    private static double CubicMinimizer(double a, double fa, double da, double b, double fb, double db)
    {
        double low = Math.Min(a, b), high = Math.Max(a, b), margin = 0.1 * (high - low);
        double midpoint = 0.5 * (a + b);
        if (!double.IsFinite(fb) || !double.IsFinite(db))
            return midpoint;
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double radicand = d1 * d1 - da * db;
        if (radicand < 0)
            return midpoint;
        double d2 = Math.Sign(b - a) * Math.Sqrt(radicand);
        double t = b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
        return double.IsFinite(t) && t >= low + margin && t <= high - margin ? t : midpoint;
    }

    private double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> direction, double alpha, Span<double> xNew,
        Span<double> gradientNew, out double slope)
    {
        TensorPrimitives.MultiplyAdd(direction, alpha, x, xNew);
        double f = _function.ValueAndGradient(xNew, gradientNew);
        Evaluations++;
        slope = TensorPrimitives.Dot((ReadOnlySpan<double>)gradientNew, direction);
        return f;
    }
}
