using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Linear;

/// <summary>Checks every estimator of this folder's classification and sparse-regression family shares.</summary>
public class LinearConformanceTests
{
    private static (Matrix<double> Wide, Matrix<double> View, double[] Y, int[] Classes) Data()
    {
        // A strided view (columns 1..4 of a 40 × 6 matrix) must give exactly what its contiguous copy gives.
        var rng = new Rng(3);
        var wide = Matrix.RandomNormal<double>(40, 6, rng);
        var view = wide.ColumnRange(1, 4);
        var y = new double[40];
        var classes = new int[40];
        for (int i = 0; i < 40; i++)
        {
            y[i] = 2 * view[i, 0] - view[i, 2] + 0.1 * rng.NextNormal();
            classes[i] = (view[i, 0] + view[i, 1] > 0 ? 1 : 0) + (view[i, 3] > 0.5 ? 1 : 0);
        }
        return (wide, view, y, classes);
    }

    public static TheoryData<string> Classifiers() => new() { "logistic", "softmax", "perceptron", "logistic-newton", "logistic-gd" };

    private static IClassificationModel FitClassifier(string kind, Matrix<double> x, int[] y) => kind switch
    {
        "logistic" => new LogisticRegression().Fit(x, y),
        "logistic-newton" => new LogisticRegression { Solver = LogisticSolver.Newton }.Fit(x, y),
        "logistic-gd" => new LogisticRegression { Solver = LogisticSolver.GradientDescent, MaxIterations = 300 }.Fit(x, y),
        "softmax" => new SoftmaxRegression().Fit(x, y),
        _ => new Perceptron { Seed = 1 }.Fit(x, y),
    };

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void Classifier_LeavesInputsUnchanged_AndViewsEqualCopies(string kind)
    {
        var (wide, view, _, classes) = Data();
        var before = wide.ToArray();
        var labels = (int[])classes.Clone();
        var fromView = FitClassifier(kind, view, classes);
        Assert.Equal(before, wide.ToArray());
        Assert.Equal(labels, classes);
        var fromCopy = FitClassifier(kind, view.Copy(), classes);
        Assert.Equal(fromCopy.PredictClassIndices(view.Copy()), fromView.PredictClassIndices(view));
        Assert.Equal(3, fromView.Classes.Count);
        // Parallel predictions equal serial ones (models are immutable).
        var serial = fromView.PredictClassIndices(view);
        Parallel.For(0, 8, _ => Assert.Equal(serial, fromView.PredictClassIndices(view)));
    }

    [Fact]
    public void SparseRegressors_LeaveInputsUnchanged_AndViewsEqualCopies()
    {
        var (wide, view, y, _) = Data();
        var before = wide.ToArray();
        var targets = (double[])y.Clone();
        var a = new ElasticNet { Alpha = 0.05 }.Fit(view, y);
        var b = new Lasso { Alpha = 0.05 }.Fit(view.Copy(), y);
        var c = new ElasticNet { Alpha = 0.05, L1Ratio = 1 }.Fit(view.Copy(), y);
        Assert.Equal(before, wide.ToArray());
        Assert.Equal(targets, y);
        Assert.Equal(b.Coefficients, c.Coefficients);
        Assert.Equal(a.Predict(view), new ElasticNet { Alpha = 0.05 }.Fit(view.Copy(), y).Predict(view.Copy()));
    }
}
