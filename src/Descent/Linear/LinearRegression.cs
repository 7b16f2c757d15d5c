using Descent.Numerics;
using Descent.Numerics.Decompositions;
using Descent.Numerics.Random;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// Ordinary least squares: the w, b minimising Σᵢ (w·xᵢ + b − yᵢ)², with h(x) = w·x + b.
/// The default <see cref="LinearRegressionSolver.Normal"/> solver gives scikit-learn's LinearRegression
/// (same defaults; the minimum-norm solution when X is rank-deficient or has more columns than rows).
/// The gradient-descent solvers minimise the course's cost J = 1/(2m)·Σ (h(x) − y)² from w = 0, b = 0 (or a seeded
/// random start, <see cref="InitialSeed"/>) and record
/// J after every epoch in <see cref="LinearModel.History"/> (and the parameter path (b, w) when there are at most
/// two parameters, so the descent can be drawn over the cost surface).
/// </summary>
/// <example><code>
/// var model = new LinearRegression().Fit(x, y);
/// var gd = new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.01, Epochs = 1500 }.Fit(x, y);
/// </code></example>
public sealed record LinearRegression : IRegressor<LinearModel>
{
    /// <summary>Epochs in a row that end gradient descent: without improvement (early stop), or with a growing cost above
    /// its start (divergence).</summary>
    private const int Patience = 5;

    /// <summary>Fit the bias b (scikit-learn's fit_intercept). The normal solver centers X and y, as scikit-learn does.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>How the coefficients are found; <see cref="LinearRegressionSolver.Normal"/> by default.</summary>
    public LinearRegressionSolver Solver { get; init; } = LinearRegressionSolver.Normal;

    /// <summary>Step size α of the gradient-descent solvers (the course's alpha).</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Number of passes over the data for the gradient-descent solvers (the course's num_iters for batch GD).</summary>
    public int Epochs { get; init; } = 1000;

    /// <summary>Rows per step of <see cref="LinearRegressionSolver.MiniBatchGradientDescent"/>.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Early stop for the gradient-descent solvers: training ends when for 5 epochs in a row the cost is not below
    /// the best cost so far by more than Tolerance·best (scikit-learn's tol with n_iter_no_change = 5, made
    /// relative), or when it reaches 0. 0 runs all <see cref="Epochs"/>, as the course's fixed-iteration loop does.
    /// </summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Seed of the row shuffling of the stochastic and mini-batch solvers.</summary>
    public long Seed { get; init; }

    /// <summary>
    /// Where the gradient-descent solvers start: null for θ = 0 (the course's start); a seed for θ drawn uniformly from
    /// [−InitialScale, InitialScale], each parameter independently (intercept first, then the coefficients), from a
    /// generator seeded with it. The same seed gives the same start on every machine.
    /// </summary>
    public long? InitialSeed { get; init; }

    /// <summary>Half-width of the random start's range (1); used only with <see cref="InitialSeed"/>.</summary>
    public double InitialScale { get; init; } = 1.0;

    /// <summary>Fits h(x) = w·x + b to <paramref name="x"/> (m × n) and <paramref name="y"/> (m).</summary>
    /// <param name="x">The features, one row per example.</param>
    /// <param name="y">The target of each row.</param>
    /// <param name="progress">Receives the cost after every epoch (gradient-descent solvers, whose model is an
    /// <see cref="IterativeLinearModel"/>).</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="DescentDataException">X or y is empty, mismatched or not finite.</exception>
    /// <exception cref="DivergenceException">Gradient descent diverged (learning rate too large).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public LinearModel Fit(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate();
        const string operation = "LinearRegression.Fit";
        DataCheck.TargetCount(x, y.Length, operation);
        DataCheck.Shape(x, operation);
        // Centered X has rank at most m − 1: with more columns than that, go straight to least squares.
        if (Solver == LinearRegressionSolver.Normal && x.Columns <= x.Rows - (FitIntercept ? 1 : 0))
        {
            var moments = NormalEquation.ComputeMoments(x, y, FitIntercept, operation); // validates X and y on the way
            if (NormalEquation.TrySolveWellConditioned(moments) is { } w)
                return new LinearModel(w, FitIntercept ? NormalEquation.Intercept(moments.XMean, moments.YMean, w) : 0.0);
        }
        else
        {
            DataCheck.RegressionData(x, y, operation);
            DataCheck.Squarable(x, operation);
        }
        if (Solver == LinearRegressionSolver.Normal)
        {
            var data = NormalEquation.Center(x, y, FitIntercept);
            var minimumNorm = LeastSquares.Solve(data.X, data.Y).Coefficients;
            return new LinearModel(minimumNorm, FitIntercept ? NormalEquation.Intercept(data.XMean, data.YMean, minimumNorm) : 0.0);
        }
        return FitByGradientDescent(x, y, progress, cancellationToken);
    }

    /// <summary>
    /// The gradient-descent solvers on the engine's one loop (<see cref="MiniBatchTraining"/>): plain SGD with the
    /// LearningRate on <see cref="LeastSquaresObjective"/>, from θ = 0 or the seeded random start, recording the full cost J before and after every
    /// epoch. Batch gradient descent takes all rows in order each epoch; stochastic one row per step, mini-batch
    /// BatchSize rows, both reshuffled every epoch with the seed. Early stop as <see cref="Tolerance"/> says; divergence
    /// (J NaN, infinite, or growing 5 epochs in a row above its start) is a <see cref="DivergenceException"/>.
    /// </summary>
    private IterativeLinearModel FitByGradientDescent(Matrix<double> x, ReadOnlySpan<double> y, IProgress<FitProgress>? progress,
        CancellationToken cancellationToken)
    {
        var objective = new LeastSquaresObjective(x.ToContiguous(), y.ToArray(), FitIntercept);
        var theta = new double[objective.Dimension];
        if (InitialSeed is long seed)
        {
            var rng = new Rng(seed);
            for (int i = 0; i < theta.Length; i++)
                theta[i] = InitialScale * (2 * rng.NextDouble() - 1);
        }
        var training = new MiniBatchTraining
        {
            Epochs = Epochs,
            BatchSize = Solver switch
            {
                LinearRegressionSolver.BatchGradientDescent => x.Rows,
                LinearRegressionSolver.StochasticGradientDescent => 1,
                _ => BatchSize,
            },
            Shuffle = Solver != LinearRegressionSolver.BatchGradientDescent,
            Seed = unchecked((ulong)Seed),
            FullPassLoss = true,
            GrowthLimit = Patience,
            EarlyStopping = Tolerance > 0 ? new EarlyStopping { Tolerance = Tolerance, Patience = Patience, Relative = true } : null,
        };
        var run = training.Run<double>(objective, theta, new Sgd { LearningRate = LearningRate }, $"LinearRegression.Fit: {Solver}",
            progress, cancellationToken);
        var w = FitIntercept ? theta[1..] : theta;
        return new IterativeLinearModel(w, FitIntercept ? theta[0] : 0.0, run.History, run.Epochs, run.StopReason);
    }

    private void Validate()
    {
        const string name = nameof(LinearRegression);
        Check.Parameter(Enum.IsDefined(Solver), name, nameof(Solver), "a LinearRegressionSolver value", Solver);
        Check.Parameter(double.IsFinite(LearningRate) && LearningRate > 0, name, nameof(LearningRate), "> 0 and finite", LearningRate);
        Check.Parameter(Epochs >= 1, name, nameof(Epochs), ">= 1", Epochs);
        Check.Parameter(BatchSize >= 1, name, nameof(BatchSize), ">= 1", BatchSize);
        Check.Parameter(double.IsFinite(Tolerance) && Tolerance >= 0, name, nameof(Tolerance), ">= 0 and finite", Tolerance,
            "(0 disables early stopping.)");
        Check.Parameter(double.IsFinite(InitialScale) && InitialScale > 0, name, nameof(InitialScale), "> 0 and finite", InitialScale);
    }
}
