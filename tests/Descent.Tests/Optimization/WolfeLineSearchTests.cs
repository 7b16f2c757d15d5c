using Descent.Optimization;

namespace Descent.Tests.Optimization;

public class WolfeLineSearchTests
{
    /// <summary>φ(α) along x = α for f(x) = x⁴/4 − x (minimum at 1); slope −1 at 0.</summary>
    private sealed class Quartic : IDifferentiableFunction
    {
        public int Dimension => 1;

        public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] = x[0] * x[0] * x[0] - 1;
            return x[0] * x[0] * x[0] * x[0] / 4 - x[0];
        }
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(10.0)]
    [InlineData(1e4)]
    public void Search_ReturnsAStepSatisfyingTheStrongWolfeConditions(double initialStep)
    {
        var f = new Quartic();
        var search = new WolfeLineSearch(f, c1: 1e-3, c2: 0.9, maxEvaluations: 30);
        var xNew = new double[1];
        var gNew = new double[1];
        Assert.True(search.Search([0.0], 0.0, -1.0, [1.0], initialStep, xNew, gNew, out double step, out double fNew));
        Assert.Equal(step, xNew[0]);
        Assert.True(fNew <= 0 + 1e-3 * step * -1.0, $"sufficient decrease fails at step {step}");
        Assert.True(Math.Abs(gNew[0]) <= 0.9, $"curvature fails at step {step}: slope {gNew[0]}");
        Assert.Equal(f.ValueAndGradient(xNew, new double[1]), fNew);
    }
}
