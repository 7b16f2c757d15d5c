namespace Descent.Linear;

/// <summary>How <see cref="LinearRegression"/> finds its coefficients.</summary>
public enum LinearRegressionSolver
{
    /// <summary>
    /// Closed form: the normal equation XᵀX·w = Xᵀy solved by Cholesky (XᵀX through GEMM), falling back to the
    /// minimum-norm least-squares solution (pivoted QR) when X is rank-deficient or too ill-conditioned. Same
    /// result as scikit-learn's LinearRegression.
    /// </summary>
    Normal,

    /// <summary>Batch gradient descent: every epoch is one step θ := θ − α/m·Xᵀ(Xθ − y) over all m rows (the course's update).</summary>
    BatchGradientDescent,

    /// <summary>Stochastic gradient descent: one step per row, rows reshuffled every epoch with the seed.</summary>
    StochasticGradientDescent,

    /// <summary>Mini-batch gradient descent: one step per batch of BatchSize rows, rows reshuffled every epoch.</summary>
    MiniBatchGradientDescent,
}
