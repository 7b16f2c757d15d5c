using Descent.Data;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Trees;

namespace Descent.Bench.Workloads;

/// <summary>
/// Tree fits on data shared with scikit-learn: an unlimited-depth DecisionTreeClassifier (gini) or
/// DecisionTreeRegressor (squared error) on 100k×20, and a 100-tree RandomForestClassifier on 20k×20 (n_jobs = threads;
/// a further 5k rows are held out for the agreement check).
/// </summary>
public sealed class TreeFitWorkload : Workload
{
    public enum Kind { Classifier, Regressor, Forest }

    private const int HeldOut = 5_000;
    private readonly string _name;
    private readonly Kind _kind;
    private readonly int _rows, _columns;
    private Matrix<double>? _x, _train;
    private double[]? _y;
    private int[]? _labels;
    private string? _path;

    public TreeFitWorkload(string name, Kind kind, int rows, int columns)
    {
        (_name, _kind, _rows, _columns) = (name, kind, rows, columns);
        if (kind == Kind.Forest)
            Peer = new Peers.MlNetFastForestPeer(() => (_train!, _labels![.._rows], _x!.RowRange(_rows, HeldOut), _labels![_rows..]), 3);
    }

    public override DotNetPeer? Peer { get; }

    public override string Name => _name;
    public override string Group => "trees";
    public override int Warmups => 1;

    private int Generated => _kind == Kind.Forest ? _rows + HeldOut : _rows;

    public override void Setup()
    {
        var data = _kind == Kind.Regressor
            ? Generators.MakeRegression(Generated, _columns, informative: 10, noise: 10.0, seed: 5)
            : Generators.MakeClassification(Generated, _columns, informative: 8, redundant: 4, classes: 3, seed: 5);
        (_x, _y) = (data.Features, data.Target!);
        _train = _x.RowRange(0, _rows);
        _labels = Array.ConvertAll(_y, v => (int)v);
        _path = SharedData.Write(_name, _x, _y);
        switch (_kind)
        {
            case Kind.Classifier:
                SharedData.Check(this, "training accuracy (depth, leaves shown)", () =>
                {
                    var model = FitClassifier();
                    return [Accuracy(model.PredictClassIndices(_x), 0, _rows), model.Depth, model.LeafCount];
                }, "(lambda m: [m.score(X, y), m.get_depth(), m.get_n_leaves()])(DecisionTreeClassifier(random_state=0).fit(X, y))",
                    1e-9, compared: 1);
                break;
            case Kind.Regressor:
                SharedData.Check(this, "training R² (depth, leaves shown)", () =>
                {
                    var model = FitRegressor();
                    return [RegressionMetrics.R2Score(_y, model.Predict(_x)), model.Depth, model.LeafCount];
                }, "(lambda m: [m.score(X, y), m.get_depth(), m.get_n_leaves()])(DecisionTreeRegressor(random_state=0).fit(X, y))",
                    1e-9, compared: 1);
                break;
            default:
                SharedData.Check(this, $"held-out accuracy on {HeldOut} rows", () =>
                    [Accuracy(FitForest().PredictClassIndices(_x.RowRange(_rows, HeldOut)), _rows, HeldOut)],
                    $"[RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2).fit(X[:{_rows}], y[:{_rows}]).score(X[{_rows}:], y[{_rows}:])]",
                    0.01);
                break;
        }
    }

    private double Accuracy(int[] predicted, int offset, int count) =>
        ClassificationMetrics.Accuracy(new ArraySegment<int>(_labels!, offset, count), predicted);

    private DecisionTreeClassifierModel FitClassifier() => new DecisionTreeClassifier().Fit(_train!, _labels!);
    private DecisionTreeRegressorModel FitRegressor() => new DecisionTreeRegressor().Fit(_train!, _y!);
    private RandomForestClassifierModel FitForest() =>
        new RandomForestClassifier { TreeCount = 100 }.Fit(_train!, _labels.AsSpan(0, _rows).ToArray());

    public override void Run()
    {
        switch (_kind)
        {
            case Kind.Classifier: FitClassifier(); break;
            case Kind.Regressor: FitRegressor(); break;
            default: FitForest(); break;
        }
    }

    public override string PythonSetup => $"""
        import os, numpy as np, sklearn
        from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
        from sklearn.ensemble import RandomForestClassifier
        REFERENCE = "scikit-learn " + sklearn.__version__ + " {ReferenceName}"
        {SharedData.PythonLoad(_path!, Generated, _columns)}
        if {(_kind == Kind.Regressor ? "False" : "True")}:
            y = y.astype(np.int64)
        Xt, yt = X[:{_rows}], y[:{_rows}]
        JOBS = int(os.environ.get("OMP_NUM_THREADS", "1"))
        """;

    private string ReferenceName => _kind switch
    {
        Kind.Classifier => "DecisionTreeClassifier",
        Kind.Regressor => "DecisionTreeRegressor",
        _ => "RandomForestClassifier",
    };

    public override string PythonRun => _kind switch
    {
        Kind.Classifier => "DecisionTreeClassifier(random_state=0).fit(Xt, yt)",
        Kind.Regressor => "DecisionTreeRegressor(random_state=0).fit(Xt, yt)",
        _ => "RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=JOBS).fit(Xt, yt)",
    };

    public override string Note(ResultRow row) => _kind switch
    {
        Kind.Forest => $"{_name}: make_classification {_rows}×{_columns} (3 classes), 100 trees, sqrt features, bootstrap; " +
                       "Descent Parallelism.MaxThreads and scikit-learn n_jobs = threads; compared by accuracy on 5k held-out rows. " +
                       $"Peer: {Peer!.Label} — a different algorithm (255 feature bins, leaf-wise trees of at most 1000 leaves, " +
                       "bags of 70 % of the rows, one calibrated binary forest per class), so its ratio compares a .NET " +
                       "user's alternative, not the same computation.",
        _ => $"{_name}: {(_kind == Kind.Classifier ? "make_classification (3 classes)" : "make_regression (noise 10)")} {_rows}×{_columns}, " +
             "unlimited depth, all features; Descent presorts the features on `threads` threads, scikit-learn's tree is single-threaded; " +
             "compared by training accuracy / R², depth and leaves.",
    };
}

/// <summary>tree-clf-100kx20, tree-reg-100kx20, forest-100-20kx20.</summary>
public sealed class TreeWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        yield return new TreeFitWorkload("tree-clf-100kx20", TreeFitWorkload.Kind.Classifier, 100_000, 20);
        yield return new TreeFitWorkload("tree-reg-100kx20", TreeFitWorkload.Kind.Regressor, 100_000, 20);
        yield return new TreeFitWorkload("forest-100-20kx20", TreeFitWorkload.Kind.Forest, 20_000, 20);
    }
}
