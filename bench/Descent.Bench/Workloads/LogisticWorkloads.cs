using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;

namespace Descent.Bench.Workloads;

/// <summary>
/// L-BFGS logistic regression on data shared with scikit-learn (make_classification, or Fashion-MNIST's training
/// images scaled to [0, 1]): Descent's LogisticRegression (binary) or SoftmaxRegression (multinomial) against
/// scikit-learn's LogisticRegression(solver="lbfgs"), same C, max_iter and tol, and ML.NET's L-BFGS trainer as the
/// .NET peer (<see cref="Peers.MlNetLogisticPeer"/>).
/// </summary>
public sealed class LogisticFitWorkload : Workload
{
    private readonly string _name, _data;
    private readonly int _rows, _columns, _classes;
    private readonly Func<Dataset> _load;
    private readonly bool _slow;
    private Matrix<double>? _x;
    private int[]? _labels;
    private string? _path;

    /// <summary>make_classification data: <paramref name="rows"/> × <paramref name="columns"/>, <paramref name="informative"/> informative.</summary>
    public LogisticFitWorkload(string name, int rows, int columns, int classes, int informative, bool slow)
        : this(name, rows, columns, classes, slow, $"make_classification {rows}×{columns}, {classes} classes",
            () => Generators.MakeClassification(rows, columns, informative: informative, redundant: 0, classes: classes,
                clustersPerClass: 1, seed: 11))
    {
    }

    private LogisticFitWorkload(string name, int rows, int columns, int classes, bool slow, string data, Func<Dataset> load,
        string? unavailable = null)
    {
        (_name, _rows, _columns, _classes, _slow, _data, _load) = (name, rows, columns, classes, slow, data, load);
        Unavailable = unavailable;
        Peer = new Peers.MlNetLogisticPeer(() => (_x!, _labels!), classes);
    }

    /// <summary>Fashion-MNIST's 60,000 training images (784 pixels scaled to [0, 1]) and their 10 classes.</summary>
    public static LogisticFitWorkload FashionImages(string name) =>
        new(name, 60_000, 784, 10, slow: true, "Fashion-MNIST training set, 60000×784 pixels / 255, 10 classes", () =>
        {
            var data = FashionMnist.Load();
            return new Dataset(data.Features * (1.0 / 255), data.FeatureNames, data.TargetName, data.Target, data.TargetLabels);
        }, FashionMnist.IsInstalled() ? null
            : $"Fashion-MNIST is not installed in {FashionMnist.DefaultDirectory} (apt-get install dataset-fashion-mnist)");

    public override string Name => _name;
    public override string Group => "logistic";
    public override int Warmups => _slow ? 1 : 2;
    public override DotNetPeer Peer { get; }

    public override string? Unavailable { get; }

    private bool Multinomial => _classes > 2;

    private string Estimator => Multinomial
        ? "LogisticRegression(solver='lbfgs', C=1.0, max_iter=100, tol=1e-4, multi_class='multinomial')"
        : "LogisticRegression(solver='lbfgs', C=1.0, max_iter=100, tol=1e-4)";

    public override void Setup()
    {
        var data = _load();
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
        ? new SoftmaxRegression { C = 1.0, MaxIterations = 100 }.Fit(_x!, _labels!)
        : new LogisticRegression { C = 1.0, MaxIterations = 100 }.Fit(_x!, _labels!);

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
        $"{_name}: {_data}, shared as float64; " +
        $"Descent {(Multinomial ? "SoftmaxRegression" : "LogisticRegression")} (lbfgs, C=1, max_iter 100, tol 1e-4) against " +
        $"scikit-learn `{Estimator}` and {Peer.Label} (L2 1, no L1, 100 iterations, tolerance 1e-4 on the loss's relative " +
        "change, float32 features, cached IDataView); compared by training accuracy and iteration count (DESCENT_BENCH_CHECK=1)" +
        (_slow ? "; 1 warm-up and 3 timed fits per side." : ".");
}

/// <summary>logistic-binary-100kx50, logistic-multinomial-60kx784, softmax-fashion-60kx784.</summary>
public sealed class LogisticWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        yield return new LogisticFitWorkload("logistic-binary-100kx50", 100_000, 50, 2, 10, slow: false);
        yield return new LogisticFitWorkload("logistic-multinomial-60kx784", 60_000, 784, 10, 30, slow: true);
        yield return LogisticFitWorkload.FashionImages("softmax-fashion-60kx784");
    }
}
