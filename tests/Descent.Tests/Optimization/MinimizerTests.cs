using Descent.Optimization;

namespace Descent.Tests.Optimization;

public class MinimizerTests
{
    /// <summary>f(x, y) = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1).</summary>
    private sealed class Rosenbrock : IDifferentiableFunction
    {
        public int Dimension => 2;

        public int Evaluations { get; private set; }

        public double ValueAndGradient(ReadOnlySpan<double> p, Span<double> g)
        {
            Evaluations++;
            double x = p[0], y = p[1];
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }
    }

    /// <summary>f(x) = ½ Σ aᵢ(xᵢ − i)², an ill-conditioned quadratic with Hessian diag(a).</summary>
    private sealed class Quadratic(double[] a) : ITwiceDifferentiableFunction
    {
        public int Dimension => a.Length;

        public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> g)
        {
            double f = 0;
            for (int i = 0; i < a.Length; i++)
            {
                g[i] = a[i] * (x[i] - i);
                f += 0.5 * a[i] * (x[i] - i) * (x[i] - i);
            }
            return f;
        }

        public IHessianOperator HessianAt(ReadOnlySpan<double> x) => new Diagonal(a);

        private sealed class Diagonal(double[] a) : IHessianOperator
        {
            public void Multiply(ReadOnlySpan<double> v, Span<double> result)
            {
                for (int i = 0; i < a.Length; i++)
                    result[i] = a[i] * v[i];
            }
        }
    }

    [Fact]
    public void Lbfgs_FindsTheRosenbrockMinimum()
    {
        var f = new Rosenbrock();
        var result = new Lbfgs { GradientTolerance = 1e-10, FunctionTolerance = 0 }.Minimize(f, [-1.2, 1.0]);
        Assert.True(result.Converged, result.StopReason.ToString());
        Assert.Equal(1.0, result.Solution[0], 1e-8);
        Assert.Equal(1.0, result.Solution[1], 1e-8);
        Assert.Equal(f.Evaluations, result.FunctionEvaluations);
        Assert.InRange(result.Iterations, 20, 60);
        // Two parameters: the path is recorded, one point per iteration plus the start, with the costs decreasing.
        Assert.Equal(result.Iterations + 1, result.History.ParameterPath!.Count);
        Assert.Equal([-1.2, 1.0], result.History.ParameterPath[0]);
        for (int k = 1; k < result.History.Costs.Count; k++)
            Assert.True(result.History.Costs[k] < result.History.Costs[k - 1]);
    }

    [Fact]
    public void Lbfgs_StopsOnTheRelativeReduction_LikeScipy()
    {
        var result = new Lbfgs { GradientTolerance = 0 }.Minimize(new Rosenbrock(), [-1.2, 1.0]);
        Assert.Equal(StopReason.FunctionTolerance, result.StopReason);
        Assert.Equal(1.0, result.Solution[0], 1e-3);
    }

    [Fact]
    public void Lbfgs_RespectsMaxIterations_AndValidates()
    {
        var result = new Lbfgs { MaxIterations = 3 }.Minimize(new Rosenbrock(), [-1.2, 1.0]);
        Assert.Equal(3, result.Iterations);
        Assert.Equal(StopReason.MaxIterations, result.StopReason);
        Assert.False(result.Converged);
        Assert.Contains("start point has 3 values but the function has dimension 2",
            Assert.Throws<ArgumentException>(() => new Lbfgs().Minimize(new Rosenbrock(), [1.0, 2.0, 3.0])).Message);
    }

    [Fact]
    public void NewtonCg_SolvesAnIllConditionedQuadraticInAFewSteps()
    {
        var f = new Quadratic([1, 10, 100, 1000, 1e4]);
        var result = new NewtonCg { GradientTolerance = 1e-9 }.Minimize(f, new double[5]);
        Assert.True(result.Converged);
        // The inner CG is truncated (forcing term min(0.5, √‖g‖₁)), so each Newton step is inexact but the
        // convergence is superlinear: a handful of steps where gradient descent would need ~10⁵.
        Assert.InRange(result.Iterations, 1, 6);
        for (int i = 0; i < 5; i++)
            Assert.Equal(i, result.Solution[i], 1e-9);
    }

    [Fact]
    public void GradientDescent_ConvergesWithASmallStep_AndDivergesWithALargeOne()
    {
        var f = new Quadratic([1, 2]);
        var ok = new GradientDescent { LearningRate = 0.5, MaxIterations = 1000, GradientTolerance = 1e-10 }.Minimize(f, [5.0, 5.0]);
        Assert.Equal(StopReason.GradientTolerance, ok.StopReason);
        Assert.Equal(0.0, ok.Solution[0], 1e-9);
        Assert.Equal(1.0, ok.Solution[1], 1e-9);
        // x ← x − η·a·(x − c): the error is multiplied by (1 − η·a) each step, exactly.
        Assert.Equal(5.0 * 0.5, ok.History.ParameterPath![1][0], 1e-15);
        var bad = new GradientDescent { LearningRate = 1.5, MaxIterations = 1000 }.Minimize(f, [5.0, 5.0]);
        Assert.Equal(StopReason.Diverged, bad.StopReason);
        Assert.InRange(bad.Iterations, 1, 20);
    }

    [Fact]
    public void Minimizers_HonourCancellation()
    {
        using var source = new CancellationTokenSource();
        int reports = 0;
        var progress = new Reporter(_ =>
        {
            if (++reports == 2)
                source.Cancel();
        });
        Assert.Throws<OperationCanceledException>(() =>
            new Lbfgs().Minimize(new Rosenbrock(), [-1.2, 1.0], progress, source.Token));
        Assert.Equal(2, reports);
    }

    private sealed class Reporter(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }
}
