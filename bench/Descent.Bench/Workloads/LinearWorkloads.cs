using Descent.Data;
using Descent.Linear;
using Descent.Numerics;

namespace Descent.Bench.Workloads;

/// <summary>
/// A least-squares regressor fitted to make_regression data shared with scikit-learn through <see cref="SharedData"/>:
/// Descent's <c>fit</c> against the same scikit-learn estimator, same settings and tolerance.
/// </summary>
public sealed class RegressionFitWorkload : Workload
{
    private readonly string _name;
    private readonly int _rows, _columns, _informative;
    private readonly Func<Matrix<double>, double[], LinearModel> _fit;
    private readonly string _estimator, _descent;
    private readonly double _tolerance;
    private Matrix<double>? _x;
    private double[]? _y;
    private string? _path;

    /// <param name="name">Workload name.</param>
    /// <param name="rows">Samples.</param>
    /// <param name="columns">Features.</param>
    /// <param name="informative">Features with a non-zero true coefficient (the rest are 0: a sparse truth).</param>
    /// <param name="descent">The Descent estimator as the note shows it.</param>
    /// <param name="fit">The Descent fit.</param>
    /// <param name="estimator">The scikit-learn estimator expression, e.g. <c>Ridge(alpha=1.0)</c>.</param>
    /// <param name="tolerance">Agreement expected of the coefficients (relative to the largest).</param>
    public RegressionFitWorkload(string name, int rows, int columns, int informative, string descent,
        Func<Matrix<double>, double[], LinearModel> fit, string estimator, double tolerance)
    {
        (_name, _rows, _columns, _informative, _descent, _fit, _estimator, _tolerance) =
            (name, rows, columns, informative, descent, fit, estimator, tolerance);
    }

    public override string Name => _name;
    public override string Group => "linear";

    public override void Setup()
    {
        var data = Generators.MakeRegression(_rows, _columns, _informative, bias: 3.0, noise: 10.0, seed: 7);
        (_x, _y) = (data.Features, data.Target!);
        _path = SharedData.Write(_name, _x, _y);
        SharedData.Check(this, "coefficients and intercept", () =>
        {
            var model = _fit(_x, _y);
            return [.. model.Coefficients, model.Intercept];
        }, $"(lambda m: list(m.coef_) + [m.intercept_])({_estimator}.fit(X, y))", _tolerance);
    }

    public override void Run() => _fit(_x!, _y!);

    public override string PythonSetup => $"""
        import numpy as np, sklearn
        from sklearn.linear_model import LinearRegression, Ridge, Lasso, ElasticNet
        REFERENCE = "scikit-learn " + sklearn.__version__ + " {_estimator.Split('(')[0]}"
        {SharedData.PythonLoad(_path!, _rows, _columns)}
        """;

    public override string PythonRun => $"{_estimator}.fit(X, y)";

    public override string Note(ResultRow row) =>
        $"{_name}: make_regression {_rows}×{_columns} ({_informative} informative, noise 10), shared as float64; " +
        $"Descent `{_descent}` against scikit-learn `{_estimator}`; coefficients agree to ≤ {_tolerance:G1} of the largest (DESCENT_BENCH_CHECK=1).";
}

/// <summary>linear-200kx100, ridge-200kx100, lasso-20kx200, enet-20kx200.</summary>
public sealed class LinearWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        yield return new RegressionFitWorkload("linear-200kx100", 200_000, 100, 100, "LinearRegression (normal equation)",
            (x, y) => new LinearRegression().Fit(x, y), "LinearRegression()", 1e-8);
        yield return new RegressionFitWorkload("ridge-200kx100", 200_000, 100, 100, "Ridge { Alpha = 1 }",
            (x, y) => new Ridge { Alpha = 1.0 }.Fit(x, y), "Ridge(alpha=1.0)", 1e-8);
        yield return new RegressionFitWorkload("lasso-20kx200", 20_000, 200, 20, "Lasso { Alpha = 0.1, Tolerance = 1e-4 }",
            (x, y) => new Lasso { Alpha = 0.1, Tolerance = 1e-4 }.Fit(x, y), "Lasso(alpha=0.1, tol=1e-4)", 1e-4);
        yield return new RegressionFitWorkload("enet-20kx200", 20_000, 200, 20, "ElasticNet { Alpha = 0.1, L1Ratio = 0.5, Tolerance = 1e-4 }",
            (x, y) => new ElasticNet { Alpha = 0.1, L1Ratio = 0.5, Tolerance = 1e-4 }.Fit(x, y),
            "ElasticNet(alpha=0.1, l1_ratio=0.5, tol=1e-4)", 1e-4);
    }
}
