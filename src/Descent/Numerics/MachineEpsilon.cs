namespace Descent.Numerics;

/// <summary>The spacing of doubles at 1, 2⁻⁵² (numpy's <c>finfo(float64).eps</c>): the relative rounding unit that
/// scikit-learn's and scipy's tolerances are written in.</summary>
internal static class MachineEpsilon
{
    /// <summary>2⁻⁵² = 2.220446049250313e-16.</summary>
    public const double Double = 2.220446049250313e-16;
}
