using Descent.Numerics.Random;
using Descent.Plotting;

namespace Descent.Tests.Plotting;

/// <summary>Every figure of <see cref="Figures"/> built from small synthetic data with known answers.</summary>
internal static class SampleFigures
{
    /// <summary>y ≈ -3.9 + 1.2 x + noise on x in [5, 22] (the shape of the course's food-truck data).</summary>
    public static (double[] X, double[] Y) Univariate(int n = 60, ulong seed = 1)
    {
        var rng = new Rng(seed);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 5 + 17 * rng.NextDouble();
            y[i] = -3.9 + 1.2 * x[i] + 2.5 * rng.NextNormal();
        }
        return (x, y);
    }

    /// <summary>J(θ0, θ1) = 1/(2m) Σ (θ0 + θ1 x - y)².</summary>
    public static Func<double, double, double> Cost(double[] x, double[] y) => (t0, t1) =>
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = t0 + t1 * x[i] - y[i];
            sum += r * r;
        }
        return sum / (2 * x.Length);
    };

    /// <summary>Batch gradient descent on J from (0, 0): the path of (θ0, θ1), start included.</summary>
    public static List<double[]> DescentPath(double[] x, double[] y, double rate = 0.004, int steps = 1500)
    {
        double t0 = 0, t1 = 0;
        var path = new List<double[]> { new[] { t0, t1 } };
        for (int s = 0; s < steps; s++)
        {
            double g0 = 0, g1 = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double r = t0 + t1 * x[i] - y[i];
                g0 += r;
                g1 += r * x[i];
            }
            t0 -= rate * g0 / x.Length;
            t1 -= rate * g1 / x.Length;
            path.Add(new[] { t0, t1 });
        }
        return path;
    }

    /// <summary>Two Gaussian blobs around (-1, -1) and (1.5, 1) and the logistic P(class 1) = σ(2 x1 + 1.5 x2 - 0.5).</summary>
    public static (double[] X1, double[] X2, int[] Class, Func<double, double, double> P) TwoClasses(int n = 120, ulong seed = 2)
    {
        var rng = new Rng(seed);
        var x1 = new double[n];
        var x2 = new double[n];
        var c = new int[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = i % 2;
            x1[i] = (c[i] == 0 ? -1 : 1.5) + rng.NextNormal();
            x2[i] = (c[i] == 0 ? -1 : 1) + rng.NextNormal();
        }
        return (x1, x2, c, (a, b) => 1 / (1 + Math.Exp(-(2 * a + 1.5 * b - 0.5))));
    }

    public static Figure CostSurface()
    {
        var (x, y) = Univariate();
        return Figures.CostSurface(Cost(x, y), -10, 10, -1, 4, DescentPath(x, y), theta0Label: "θ₀ (intercept, $10,000s)",
            theta1Label: "θ₁ (slope)");
    }

    public static Figure CostSurface3D()
    {
        var (x, y) = Univariate();
        return Figures.CostSurface3D(Cost(x, y), DescentPath(x, y));
    }

    /// <summary>y = 50 + 3 x1 − 8 x2 + noise over 40 examples, and that plane.</summary>
    public static (double[] X1, double[] X2, double[] Y) PlaneData()
    {
        var rng = new Rng(7);
        double[] x1 = Enumerable.Range(0, 40).Select(_ => 10 + 30 * rng.NextDouble()).ToArray();
        double[] x2 = Enumerable.Range(0, 40).Select(_ => 1 + 4 * rng.NextDouble()).ToArray();
        double[] y = x1.Select((a, i) => 50 + 3 * a - 8 * x2[i] + 6 * rng.NextNormal()).ToArray();
        return (x1, x2, y);
    }

    public static Figure RegressionPlane()
    {
        var (x1, x2, y) = PlaneData();
        return Figures.RegressionPlane(x1, x2, y, (a, b) => 50 + 3 * a - 8 * b, "size", "rooms", "price", "ŷ = 50 + 3·size − 8·rooms");
    }

    public static Figure LossCurve()
    {
        var (x, y) = Univariate();
        var cost = Cost(x, y);
        return Figures.LossCurve(DescentPath(x, y).Select(p => cost(p[0], p[1])).ToArray(), logY: true);
    }

    public static Figure RegressionLine()
    {
        var (x, y) = Univariate();
        var path = DescentPath(x, y);
        var end = path[^1];
        return Figures.RegressionLine(x, y, v => end[0] + end[1] * v, "Population of city (10,000s)", "Profit ($10,000s)",
            "h(x) = θ₀ + θ₁x after gradient descent", "Profit against population");
    }

    public static Figure DecisionBoundary()
    {
        var (x1, x2, c, p) = TwoClasses();
        return Figures.DecisionBoundary(x1, x2, c, ["not admitted", "admitted"], p, "Exam 1 score (standardized)",
            "Exam 2 score (standardized)", title: "Logistic regression: decision boundary");
    }

    /// <summary>Three blobs and softmax scores s_k = -|x - c_k|² around their centres.</summary>
    public static (double[] X1, double[] X2, int[] Class, Func<double, double, double[]> P) ThreeClasses(int n = 150, ulong seed = 3)
    {
        double[][] centres = [[0, 2], [-2, -1], [2, -1]];
        var rng = new Rng(seed);
        var x1 = new double[n];
        var x2 = new double[n];
        var c = new int[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = i % 3;
            x1[i] = centres[c[i]][0] + 0.8 * rng.NextNormal();
            x2[i] = centres[c[i]][1] + 0.8 * rng.NextNormal();
        }
        return (x1, x2, c, (a, b) =>
        {
            var s = centres.Select(z => -((a - z[0]) * (a - z[0]) + (b - z[1]) * (b - z[1]))).ToArray();
            double max = s.Max(), sum = s.Sum(v => Math.Exp(v - max));
            return s.Select(v => Math.Exp(v - max) / sum).ToArray();
        });
    }

    public static Figure DecisionRegions()
    {
        var (x1, x2, c, p) = ThreeClasses();
        return Figures.DecisionRegions(x1, x2, c, ["setosa", "versicolor", "virginica"], p, "petal length (standardized)",
            "petal width (standardized)", title: "Softmax regression: decision regions");
    }

    public static (double[] Fpr, double[] Tpr) RocPoints() =>
        ([0, 0, 0.1, 0.1, 0.25, 0.4, 0.4, 0.7, 1], [0, 0.35, 0.5, 0.7, 0.8, 0.85, 0.95, 1, 1]);

    public static Figure Roc()
    {
        var (fpr, tpr) = RocPoints();
        return Figures.Roc(fpr, tpr, name: "logistic regression");
    }

    public static Figure PrecisionRecall() =>
        Figures.PrecisionRecall([0.5, 0.6, 0.67, 0.8, 0.75, 1, 1], [1, 0.9, 0.8, 0.8, 0.6, 0.4, 0], 0.84, 0.5, "logistic regression");

    public static Figure ConfusionMatrix() =>
        Figures.ConfusionMatrix(new[,] { { 50, 0, 0 }, { 0, 47, 3 }, { 0, 2, 48 } }, ["setosa", "versicolor", "virginica"]);

    public static Figure LearningCurve() =>
        Figures.LearningCurve([10, 20, 40, 80, 160], [0.02, 0.05, 0.08, 0.1, 0.11], [0.45, 0.3, 0.2, 0.15, 0.13],
            [0.01, 0.01, 0.01, 0.01, 0.01], [0.08, 0.05, 0.03, 0.02, 0.02], "Mean squared error");

    public static Figure ValidationCurve() =>
        Figures.ValidationCurve([1, 2, 3, 4, 5, 6, 8, 10], [0.9, 0.4, 0.2, 0.15, 0.1, 0.08, 0.05, 0.01],
            [1.0, 0.5, 0.3, 0.32, 0.4, 0.6, 1.1, 2.5], "Polynomial degree", errorLabel: "Mean squared error");

    public static Figure RegularizationPath()
    {
        double[] alphas = Grid2D.LogSpaced(1e-3, 1e2, 30);
        string[] names = ["age", "sex", "bmi", "bp", "s1", "s2"];
        var coefficients = new double[alphas.Length, names.Length];
        for (int a = 0; a < alphas.Length; a++)
            for (int f = 0; f < names.Length; f++)
                coefficients[a, f] = (f - 2.5) * 10 / (1 + alphas[a] * (f + 1));
        return Figures.RegularizationPath(alphas, coefficients, names, "Ridge coefficients as α grows");
    }

    public static Figure PolynomialFits()
    {
        var rng = new Rng(5);
        var x = Enumerable.Range(0, 15).Select(i => i / 14.0).ToArray();
        var y = x.Select(v => Math.Sin(2 * Math.PI * v) + 0.2 * rng.NextNormal()).ToArray();
        return Figures.PolynomialFits(x, y,
        [
            (1, v => 0.8 - 1.6 * v),
            (3, v => 0.1 + 11 * v - 33 * v * v + 22 * v * v * v),
            (12, v => Math.Sin(2 * Math.PI * v) + 0.6 * Math.Sin(40 * v)),
        ], xLabel: "x", yLabel: "y = sin(2πx) + noise");
    }

    public static Figure Activations() => Figures.Activations();

    /// <summary>Every sample figure with a short name.</summary>
    public static IReadOnlyList<(string Name, Func<Figure> Build)> All { get; } =
    [
        ("cost-surface", CostSurface), ("cost-surface-3d", CostSurface3D), ("regression-plane", RegressionPlane), ("loss-curve", LossCurve), ("regression-line", RegressionLine),
        ("decision-boundary", DecisionBoundary), ("decision-regions", DecisionRegions), ("roc", Roc), ("pr", PrecisionRecall),
        ("confusion-matrix", ConfusionMatrix), ("learning-curve", LearningCurve), ("validation-curve", ValidationCurve),
        ("regularization-path", RegularizationPath), ("polynomial-fits", PolynomialFits), ("activations", Activations),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in All) data.Add(name);
        return data;
    }

    public static Figure Build(string name) => All.First(f => f.Name == name).Build();

    /// <summary>A report with every sample figure, a metrics table and text that needs escaping.</summary>
    public static HtmlReport Report()
    {
        var report = new HtmlReport("Descent sample report", "Every figure, drawn from synthetic data <& \"quotes\">");
        var first = report.AddSection("Linear regression with gradient descent");
        first.Paragraph("Gradient descent walks down the cost surface; the line aligns with the data.")
            .Metrics([("MSE", 4.4567891), ("R²", 0.712), ("not a number", double.NaN)], "Test metrics");
        var second = report.AddSection("All figures");
        foreach (var (name, build) in All) second.Figure(build(), $"The {name} figure.");
        second.Table(["model", "accuracy"], [["logistic", "0.95"], ["tree", "0.9"]], "A table");
        return report;
    }
}
