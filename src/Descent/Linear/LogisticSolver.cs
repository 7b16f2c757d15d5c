namespace Descent.Linear;

/// <summary>How <see cref="LogisticRegression"/> and <see cref="SoftmaxRegression"/> minimise their objective.</summary>
public enum LogisticSolver
{
    /// <summary>L-BFGS on scikit-learn's objective, stopped as scipy's L-BFGS-B (scikit-learn's default, "lbfgs").</summary>
    Lbfgs,

    /// <summary>Newton-CG: Newton steps solved by conjugate gradients on Hessian-vector products (scikit-learn's "newton-cg").</summary>
    Newton,

    /// <summary>Plain batch gradient descent with a fixed learning rate on the mean cross-entropy, the teaching
    /// material's update θ ← θ − η·(1/n)·Xᵀ(σ(Xθ) − y) (plus (1/(C·n))·w with the L2 penalty).</summary>
    GradientDescent,

    /// <summary>Mini-batch stochastic gradient descent on the mean cross-entropy: BatchSize rows per step, reshuffled every
    /// epoch (<see cref="Optimization.Sgd"/>).</summary>
    Sgd,

    /// <summary>Mini-batch SGD with momentum 0.9 (<see cref="Optimization.Sgd"/> with Momentum = 0.9).</summary>
    Momentum,

    /// <summary>Mini-batch Adam with its default betas (<see cref="Optimization.Adam"/>).</summary>
    Adam,
}

/// <summary>The penalty on the weights of a logistic model (never on the intercept).</summary>
public enum LogisticPenalty
{
    /// <summary>½‖w‖² with strength 1/C (scikit-learn's "l2", the default).</summary>
    L2,

    /// <summary>No penalty (scikit-learn's penalty=None); C is ignored. The optimum may not exist for separable data.</summary>
    None,
}
