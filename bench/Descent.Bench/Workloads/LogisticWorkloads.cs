using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;

namespace Descent.Bench.Workloads;

/// <summary>
/// L-BFGS logistic regression on make_classification data shared with scikit-learn: Descent's LogisticRegression
/// (binary) or SoftmaxRegression (multinomial) against scikit-learn's LogisticRegression(solver="lbfgs"), same C,
/// max_iter and tol.
/// </summary>
public sealed class LogisticFitWorkload : Workload
{
    private readonly string _name;
    private readonly int _rows, _columns, _classes, _informative;
    private readonly bool _slow;
    private Matrix<double>? _x;
    private int[]? _labels;
    private string? _path;

    public LogisticFitWorkload(string name, int rows, int columns, int classes, int informative, bool slow)
    {
        (_name, _rows, _columns, _classes, _informative, _slow) = (name, rows, columns, classes, informative, slow);
    }

    public override string Name => _name;
    public override string Group => "logistic";
    public override int Warmups => _slow ? 1 : 2;

    private bool Multinomial => _classes > 2;

    private string Estimator => Multinomial
        ? "LogisticRegression(solver='lbfgs', C=1.0, max_iter=100, tol=1e-4, multi_class='multinomial')"
        : "LogisticRegression(solver='lbfgs', C=1.0, max_iter=100, tol=1e-4)";

    public override void Setup()
    {
        var data = Generators.MakeClassification(_rows, _columns, informative: _informative, redundant: 0,
            classes: _classes, clustersPerClass: 1, seed: 11);
        _x = data.Features;
        _labels = Array.ConvertAll(data.Target!, v => (int)v);
        _path = SharedData.Write(_name, _x, data.Target!);
        SharedData.Check(this, "training accuracy (iterations shown)", () =>
        {
            var model = Fit();
            return [ClassificationMetrics.Accuracy(_labels, model.PredictClassIndices(_x)), model.Iterations];
        }, $"(lambda m: [m.score(X, y), int(m.n_iter_[0])])({Estimator}.fit(X, y))", 2e-3, compared: 1);
    }

    private LogisticRegressionModel Fit() => Multinomial
        ? new SoftmaxRegression { C = 1.0, MaxIterations = 100, Tolerance = 1e-4 }.Fit(_x!, _labels!)
        : new LogisticRegression { C = 1.0, MaxIterations = 100, Tolerance = 1e-4 }.Fit(_x!, _labels!);

    public override void Run() => Fit();

    public override string PythonSetup => $"""
        import numpy as np, sklearn, warnings
        from sklearn.linear_model import LogisticRegression
        from sklearn.exceptions import ConvergenceWarning
        warnings.simplefilter("ignore", ConvergenceWarning)
        REFERENCE = "scikit-learn " + sklearn.__version__ + " LogisticRegression lbfgs"
        {SharedData.PythonLoad(_path!, _rows, _columns)}
        y = y.astype(np.int64)
        """;

    public override string PythonRun => $"{Estimator}.fit(X, y)";

    public override string Note(ResultRow row) =>
        $"{_name}: make_classification {_rows}×{_columns}, {_classes} classes, shared as float64; " +
        $"Descent {(Multinomial ? "SoftmaxRegression" : "LogisticRegression")} (lbfgs, C=1, max_iter 100, tol 1e-4) against " +
        $"scikit-learn `{Estimator}`; compared by training accuracy and iteration count (DESCENT_BENCH_CHECK=1)" +
        (_slow ? "; 1 warm-up and 3 timed fits per side." : ".");
}

/// <summary>logistic-binary-100kx50, logistic-multinomial-60kx784.</summary>
public sealed class LogisticWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        yield return new LogisticFitWorkload("logistic-binary-100kx50", 100_000, 50, 2, 10, slow: false);
        yield return new LogisticFitWorkload("logistic-multinomial-60kx784", 60_000, 784, 10, 30, slow: true);
    }
}
