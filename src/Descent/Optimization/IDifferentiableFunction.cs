namespace Descent.Optimization;

/// <summary>
/// A smooth objective f: ℝᵈ → ℝ that a minimiser can query for its value and gradient at any point.
/// Implementations write ∇f(x) into the caller's buffer, so a minimiser allocates nothing per evaluation.
/// </summary>
public interface IDifferentiableFunction
{
    /// <summary>d, the number of parameters.</summary>
    int Dimension { get; }

    /// <summary>Returns f(<paramref name="x"/>) and writes ∇f(<paramref name="x"/>) into <paramref name="gradient"/>
    /// (both of length <see cref="Dimension"/>).</summary>
    double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);
}

/// <summary>
/// An objective whose Hessian ∇²f(x) can be applied to vectors, for Newton-type minimisers that never form the d×d matrix.
/// </summary>
public interface ITwiceDifferentiableFunction : IDifferentiableFunction
{
    /// <summary>The Hessian at <paramref name="x"/> as a linear operator; valid until the next call on this function.</summary>
    IHessianOperator HessianAt(ReadOnlySpan<double> x);
}

/// <summary>The Hessian H = ∇²f(x) at one point, as an operator v ↦ H·v.</summary>
public interface IHessianOperator
{
    /// <summary>Writes H·<paramref name="v"/> into <paramref name="result"/>.</summary>
    void Multiply(ReadOnlySpan<double> v, Span<double> result);
}
