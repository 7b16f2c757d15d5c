using Descent.Numerics;
using Descent.Numerics.Decompositions;
using Descent.Numerics.Gemm;

namespace Descent.Linear;

/// <summary>
/// Linear least squares with an L2 penalty: minimises ‖y − X·w − b‖² + Alpha·‖w‖² (the intercept b is not
/// penalised), the same objective and defaults as scikit-learn's Ridge. Closed form, scikit-learn's "cholesky"
/// solver: the intercept by centering X and y, then (XᵀX + αI)·w = Xᵀy by Cholesky when n ≤ m, or its dual
/// w = Xᵀ·(XXᵀ + αI)⁻¹·y when X has more columns than rows. With Alpha = 0 and a singular XᵀX it returns the
/// minimum-norm least-squares solution, as scikit-learn falls back to lstsq.
/// </summary>
public sealed record Ridge : IRegressor<LinearModel>
{
    /// <summary>Strength α ≥ 0 of the penalty α·‖w‖² (scikit-learn's alpha). Larger values shrink w towards 0.</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>Fit the bias b by centering X and y (scikit-learn's fit_intercept).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Fits the penalised linear model to <paramref name="x"/> (m × n) and <paramref name="y"/> (m).</summary>
    /// <param name="x">The features, one row per example.</param>
    /// <param name="y">The target of each row.</param>
    /// <param name="progress">Not used: the fit is closed form.</param>
    /// <param name="cancellationToken">Not used: the fit is closed form.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Alpha"/> is negative or not finite.</exception>
    /// <exception cref="DescentDataException">X or y is empty, mismatched or not finite.</exception>
    public LinearModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Check.Parameter(double.IsFinite(Alpha) && Alpha >= 0, nameof(Ridge), nameof(Alpha), ">= 0 and finite", Alpha,
            Alpha < 0 ? "(Alpha = 0 is ordinary least squares: LinearRegression.)" : null);
        DataCheck.TargetCount(x, y.Length, "Ridge.Fit");
        DataCheck.Shape(x, "Ridge.Fit");
        if (x.Columns <= x.Rows)
        {
            var moments = NormalEquation.ComputeMoments(x, y, FitIntercept, "Ridge.Fit"); // validates X and y on the way
            var w = SolvePrimal(moments, x, y);
            return new LinearModel(w, FitIntercept ? NormalEquation.Intercept(moments.XMean, moments.YMean, w) : 0.0);
        }
        DataCheck.RegressionData(x, y, "Ridge.Fit");
        DataCheck.Squarable(x, "Ridge.Fit");
        var data = NormalEquation.Center(x, y, FitIntercept);
        var dual = SolveDual(data.X, data.Y);
        return new LinearModel(dual, FitIntercept ? NormalEquation.Intercept(data.XMean, data.YMean, dual) : 0.0);
    }

    /// <summary>(XcᵀXc + αI)·w = Xcᵀyc; with α = 0 and a singular system, the minimum-norm least squares.</summary>
    private double[] SolvePrimal(CrossProducts moments, Matrix<double> x, ReadOnlySpan<double> y)
    {
        if (Alpha > 0)
        {
            var system = moments.Gram.Copy();
            AddToDiagonal(system, Alpha);
            return Cholesky.Factor(system).Solve(moments.XTy);
        }
        if (NormalEquation.TrySolveWellConditioned(moments) is { } w)
            return w;
        var data = NormalEquation.Center(x, y, FitIntercept);
        return LeastSquares.Solve(data.X, data.Y).Coefficients;
    }

    /// <summary>w = Xᵀ·c with (XXᵀ + αI)·c = y: the same w, through an m × m system (scikit-learn's _solve_cholesky_kernel).</summary>
    private double[] SolveDual(Matrix<double> x, double[] y)
    {
        if (Alpha == 0)
            return LeastSquares.Solve(x, y).Coefficients;
        var kernel = new Matrix<double>(x.Rows, x.Rows);
        Blas.Gemm(1.0, x, x, 0.0, kernel, transposeB: true);
        AddToDiagonal(kernel, Alpha);
        var dual = Cholesky.Factor(kernel).Solve(y);
        return NormalEquation.TransposeTimes(x, dual);
    }

    private static void AddToDiagonal(Matrix<double> a, double value)
    {
        var data = a.AsSpan();
        for (int i = 0; i < a.Rows; i++)
            data[i * a.Columns + i] += value;
    }
}
