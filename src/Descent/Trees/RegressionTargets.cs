namespace Descent.Trees;

/// <summary>Checks a regression target against X.</summary>
internal static class RegressionTargets
{
    /// <summary>A copy of <paramref name="y"/> after checking it has one finite value per row of <paramref name="x"/>.</summary>
    public static double[] Validate(Numerics.Matrix<double> x, ReadOnlySpan<double> y, string operation)
    {
        if (x.Rows != y.Length)
            TreeInputErrors.LengthMismatch(operation, x.Rows, y.Length);
        for (int i = 0; i < y.Length; i++)
        {
            if (!double.IsFinite(y[i]))
                TreeInputErrors.NonFiniteTarget(operation, i, y[i]);
        }
        return y.ToArray();
    }
}
