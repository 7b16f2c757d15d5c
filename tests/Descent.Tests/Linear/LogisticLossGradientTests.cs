using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Optimization;

namespace Descent.Tests.Linear;

/// <summary>Every logistic objective's gradient and Hessian-vector product against central finite differences.</summary>
public class LogisticLossGradientTests
{
    public static TheoryData<bool, bool, double, double> Settings() => new()
    {
        // multinomial, intercept, scale, l2
        { false, true, 1.0, 1.0 },
        { false, false, 1.0, 0.0 },
        { false, true, 0.1, 0.05 },
        { true, true, 1.0, 1.0 },
        { true, false, 1.0, 0.0 },
        { true, true, 0.1, 0.3 },
    };

    private static ITwiceDifferentiableFunction Build(bool multinomial, bool intercept, double scale, double l2, out double[] theta)
    {
        var rng = new Rng(7);
        var x = Matrix.RandomNormal<double>(23, 4, rng);
        const int classes = 3;
        var classOf = Enumerable.Range(0, 23).Select(_ => rng.NextInt(classes)).ToArray();
        ITwiceDifferentiableFunction f = multinomial
            ? new MultinomialLogisticLoss(x, classOf, classes, scale, l2, intercept)
            : new BinaryLogisticLoss(x, classOf.Select(k => k == 1 ? 1.0 : 0.0).ToArray(), scale, l2, intercept);
        theta = Enumerable.Range(0, f.Dimension).Select(_ => 1.5 * rng.NextNormal()).ToArray();
        return f;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Gradient_MatchesFiniteDifferences(bool multinomial, bool intercept, double scale, double l2)
    {
        var f = Build(multinomial, intercept, scale, l2, out var theta);
        var gradient = new double[f.Dimension];
        f.ValueAndGradient(theta, gradient);
        var scratch = new double[f.Dimension];
        const double h = 1e-6;
        for (int i = 0; i < f.Dimension; i++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (f.ValueAndGradient(plus, scratch) - f.ValueAndGradient(minus, scratch)) / (2 * h);
            Assert.Equal(numeric, gradient[i], 1e-6 * Math.Max(1, Math.Abs(numeric)));
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void HessianVectorProduct_MatchesFiniteDifferencesOfTheGradient(bool multinomial, bool intercept, double scale, double l2)
    {
        var f = Build(multinomial, intercept, scale, l2, out var theta);
        var rng = new Rng(11);
        var v = Enumerable.Range(0, f.Dimension).Select(_ => rng.NextNormal()).ToArray();
        var hv = new double[f.Dimension];
        f.HessianAt(theta).Multiply(v, hv);
        const double h = 1e-6;
        var gPlus = new double[f.Dimension];
        var gMinus = new double[f.Dimension];
        f.ValueAndGradient(theta.Select((t, i) => t + h * v[i]).ToArray(), gPlus);
        f.ValueAndGradient(theta.Select((t, i) => t - h * v[i]).ToArray(), gMinus);
        for (int i = 0; i < f.Dimension; i++)
        {
            double numeric = (gPlus[i] - gMinus[i]) / (2 * h);
            Assert.Equal(numeric, hv[i], 1e-6 * Math.Max(1, Math.Abs(numeric)));
        }
    }

    [Fact]
    public void Value_IsExact_ForHugeScores()
    {
        // log(1 + e^z) - y·z must not overflow: at z = ±800 the losses are 800 (wrong side) and ~0 (right side).
        var x = Matrix.FromRows<double>([[1.0], [-1.0]]);
        var f = new BinaryLogisticLoss(x, [0.0, 0.0], 1.0, 0.0, false);
        var g = new double[1];
        Assert.Equal(800.0, f.ValueAndGradient([800.0], g), 1e-12);
        Assert.Equal(1.0, g[0], 1e-12);
        var m = new MultinomialLogisticLoss(x, [0, 1], 2, 1.0, 0.0, false);
        Assert.Equal(1600.0, m.ValueAndGradient([-400.0, 400.0], new double[2]), 1e-9);
    }
}
