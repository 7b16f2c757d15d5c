using System.Globalization;
using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Linear;

/// <summary>
/// Gradient descent on the teaching cost J(w, b) = 1/(2m)·Σᵢ (w·xᵢ + b − yᵢ)², starting from w = 0, b = 0.
/// Its gradient over a batch B is ∂J/∂w = 1/|B|·Σ_{i∈B} rᵢ·xᵢ, ∂J/∂b = 1/|B|·Σ_{i∈B} rᵢ with rᵢ = w·xᵢ + b − yᵢ;
/// batch GD uses all rows once per epoch, SGD one row per step, mini-batch BatchSize rows per step.
/// </summary>
internal static class GradientDescentSolver
{
    /// <summary>Consecutive epochs without enough improvement before stopping early (scikit-learn's n_iter_no_change).</summary>
    private const int Patience = 5;

    /// <summary>
    /// Consecutive epochs of growing cost that, once the cost is above its starting value (worse than predicting 0),
    /// count as divergence; checked before the early stop, which would otherwise end such a run quietly.
    /// </summary>
    private const int GrowthLimit = Patience;

    public static LinearModel Fit(LinearRegression settings, Matrix<double> x, ReadOnlySpan<double> y,
        IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        var data = x.ToContiguous();
        var targets = y.ToArray();
        int m = data.Rows, n = data.Columns;
        int batchSize = settings.Solver switch
        {
            LinearRegressionSolver.BatchGradientDescent => m,
            LinearRegressionSolver.StochasticGradientDescent => 1,
            _ => Math.Min(settings.BatchSize, m),
        };
        bool shuffle = settings.Solver != LinearRegressionSolver.BatchGradientDescent;
        bool intercept = settings.FitIntercept;
        bool recordPath = n + (intercept ? 1 : 0) <= 2;

        var w = new double[n];
        double b = 0.0;
        var residual = new double[m];
        var gradient = new double[n];
        var order = new int[m];
        for (int i = 0; i < m; i++)
            order[i] = i;
        var rng = new Rng(settings.Seed);

        double cost = Cost(data, targets, w, b, residual);
        var costs = new List<double>(settings.Epochs + 1) { cost };
        var path = recordPath ? new List<double[]> { Parameters(w, b, intercept) } : null;
        double initialCost = cost, best = cost;
        int stalled = 0, growing = 0;
        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (batchSize == m && !shuffle)
            {
                // θ := θ − α/m·Xᵀ(Xθ − y): the residual of the current θ is already in `residual`.
                double biasGradient = Gradient(data, residual, gradient);
                TensorPrimitives.MultiplyAdd(gradient, -settings.LearningRate, w, w);
                if (intercept)
                    b -= settings.LearningRate * biasGradient;
            }
            else
            {
                if (shuffle)
                    rng.Shuffle<int>(order);
                for (int start = 0; start < m; start += batchSize)
                    b = Step(data, targets, order.AsSpan(start, Math.Min(batchSize, m - start)), w, b, gradient,
                        settings.LearningRate, intercept);
            }

            double previous = cost;
            cost = Cost(data, targets, w, b, residual);
            costs.Add(cost);
            path?.Add(Parameters(w, b, intercept));
            progress?.Report(new FitProgress(epoch, settings.Epochs, cost));

            growing = cost > previous ? growing + 1 : 0;
            if (!double.IsFinite(cost) || (growing >= GrowthLimit && cost > initialCost))
                throw Diverged(settings, epoch, cost, initialCost);
            stalled = cost > best - settings.Tolerance * best ? stalled + 1 : 0;
            best = Math.Min(best, cost);
            if ((settings.Tolerance > 0 && stalled >= Patience) || cost == 0)
                break;
        }
        return new LinearModel(w, b, new FitHistory(costs, path));
    }

    /// <summary>One update on the rows <paramref name="batch"/>: w −= α/|B|·Σ rᵢxᵢ, b −= α/|B|·Σ rᵢ. Returns the new b.</summary>
    private static double Step(Matrix<double> x, double[] y, ReadOnlySpan<int> batch, double[] w, double b,
        double[] gradient, double learningRate, bool intercept)
    {
        double step = learningRate / batch.Length;
        if (batch.Length == 1)
        {
            var row = x.RowSpan(batch[0]);
            double r = TensorPrimitives.Dot<double>(row, w) + b - y[batch[0]];
            TensorPrimitives.MultiplyAdd(row, -step * r, w, w);
            return intercept ? b - step * r : b;
        }
        Array.Clear(gradient);
        double residualSum = 0;
        foreach (int i in batch)
        {
            var row = x.RowSpan(i);
            double r = TensorPrimitives.Dot<double>(row, w) + b - y[i];
            residualSum += r;
            TensorPrimitives.MultiplyAdd(row, r, gradient, gradient);
        }
        TensorPrimitives.MultiplyAdd(gradient, -step, w, w);
        return intercept ? b - step * residualSum : b;
    }

    /// <summary>J = 1/(2m)·Σ rᵢ² with r = X·w + b − y written into <paramref name="residual"/>.</summary>
    internal static double Cost(Matrix<double> x, double[] y, double[] w, double b, double[] residual)
    {
        y.CopyTo(residual, 0);
        Blas.Gemv(1.0, x, Vec<double>.Wrap(w), -1.0, Vec<double>.Wrap(residual));
        if (b != 0)
            TensorPrimitives.Add(residual, b, residual);
        return TensorPrimitives.SumOfSquares<double>(residual) / (2.0 * x.Rows);
    }

    /// <summary>
    /// The gradient of J at the parameters whose residual r = X·w + b − y is given: writes ∂J/∂w = 1/m·Xᵀr into
    /// <paramref name="gradient"/> and returns ∂J/∂b = 1/m·Σ rᵢ.
    /// </summary>
    internal static double Gradient(Matrix<double> x, double[] residual, double[] gradient)
    {
        Blas.Gemv(1.0 / x.Rows, x, Vec<double>.Wrap(residual), 0.0, Vec<double>.Wrap(gradient), transposeA: true);
        return TensorPrimitives.Sum<double>(residual) / x.Rows;
    }

    /// <summary>(θ₀ = b, θ₁.. = w) with an intercept, else w: the order the course writes θ in.</summary>
    private static double[] Parameters(double[] w, double b, bool intercept)
    {
        if (!intercept)
            return (double[])w.Clone();
        var theta = new double[w.Length + 1];
        theta[0] = b;
        w.CopyTo(theta, 1);
        return theta;
    }

    private static DivergenceException Diverged(LinearRegression settings, int epoch, double cost, double initialCost)
    {
        string what = double.IsFinite(cost)
            ? $"the cost grew for {GrowthLimit} epochs in a row to {cost.ToString("G4", CultureInfo.InvariantCulture)} " +
              $"(it started at {initialCost.ToString("G4", CultureInfo.InvariantCulture)})"
            : $"the cost became {(double.IsNaN(cost) ? "NaN" : "infinite")}";
        return new DivergenceException(
            $"LinearRegression.Fit: {settings.Solver} diverged at epoch {epoch}: {what}. The learning rate " +
            $"{settings.LearningRate.ToString("R", CultureInfo.InvariantCulture)} is too large for these features: " +
            "use a smaller LearningRate (e.g. ten times smaller), or standardize the features first (StandardScaler).",
            nameof(LinearRegression.LearningRate), epoch, cost);
    }
}
