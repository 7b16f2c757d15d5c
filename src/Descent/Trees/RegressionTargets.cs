namespace Descent.Trees;

/// <summary>Checks a regression target against X.</summary>
internal static class RegressionTargets
{
    /// <summary>A copy of <paramref name="y"/> after checking it has one finite value per row of <paramref name="x"/>.</summary>
    public static double[] Validate(Numerics.Matrix<double> x, ReadOnlySpan<double> y, string operation)
    {
        DataCheck.Targets(x, y, operation);
        return y.ToArray();
    }
}
