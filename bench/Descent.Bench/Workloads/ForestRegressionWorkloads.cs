using System.Globalization;
using Descent.Data;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Persistence;
using Descent.Trees;

namespace Descent.Bench.Workloads;

/// <summary>
/// Issue 16's forest-regressor case: 100 full-depth trees (the defaults of both libraries) on make_regression
/// 40,000 × 30 (10 informative features, noise 10), with 10,000 more rows held out. One problem, fitted once per
/// process on each side and shared by the three workloads: the fit itself, predicting the 10,000 held-out rows, and
/// loading the saved forest and predicting one row (Descent's model file against scikit-learn's pickle).
/// </summary>
public sealed class ForestRegressionWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        var problem = new ForestRegressionProblem();
        yield return new ForestRegressionFit(problem);
        yield return new ForestRegressionPredict(problem);
        yield return new ForestRegressionLoad(problem);
    }
}

/// <summary>The shared data, Descent's fitted forest and its saved file, and the Python lines that load or fit scikit-learn's.</summary>
public sealed class ForestRegressionProblem
{
    public const int Rows = 40_000, HeldOut = 10_000, Columns = 30, Trees = 100;
    private const string Name = "forest-reg-40kx30";
    private Matrix<double>? _x;
    private double[]? _y;
    private RandomForestRegressorModel? _forest;

    public Matrix<double> Train => X.RowRange(0, Rows);
    public Matrix<double> Test => X.RowRange(Rows, HeldOut);
    public ReadOnlySpan<double> TrainTargets => Y.AsSpan(0, Rows);
    public ReadOnlySpan<double> TestTargets => Y.AsSpan(Rows, HeldOut);
    private Matrix<double> X => _x ?? throw new InvalidOperationException("Setup first.");
    private double[] Y => _y ?? throw new InvalidOperationException("Setup first.");

    /// <summary>Descent's model file of the forest and scikit-learn's pickle of its own (written by the Python setup).</summary>
    public string ModelPath => Path.Combine(SharedData.Folder, Name + ".descent.json");
    public string PicklePath => Path.Combine(SharedData.Folder, Name + ".sklearn.pkl");
    private string DataPath => Path.Combine(SharedData.Folder, Name + ".f64");

    /// <summary>Generates and shares the data once per process (a pickle left by an earlier run is removed with it).</summary>
    public void Setup()
    {
        if (_x is not null)
            return;
        var data = Generators.MakeRegression(Rows + HeldOut, Columns, informative: 10, noise: 10.0, seed: 5);
        (_x, _y) = (data.Features, data.Target!);
        SharedData.Write(Name, _x, _y);
        File.Delete(PicklePath);
    }

    /// <summary>A fresh fit with both libraries' defaults.</summary>
    public RandomForestRegressorModel Fit() => new RandomForestRegressor { TreeCount = Trees }.Fit(Train, TrainTargets);

    /// <summary>Descent's forest, fitted once, and saved to <see cref="ModelPath"/>.</summary>
    public RandomForestRegressorModel Forest
    {
        get
        {
            if (_forest is null)
            {
                _forest = Fit();
                ModelFile.Save(ModelPath, new SavedModel(_forest, Enumerable.Range(0, Columns).Select(j => $"x{j}").ToArray(), "y"));
            }
            return _forest;
        }
    }

    /// <summary>Python lines defining X, y, Xt, yt (training), Xh, yh (held out), JOBS and the reference label.</summary>
    public string PythonData => $"""
        import os, pickle, numpy as np, sklearn
        from sklearn.ensemble import RandomForestRegressor
        REFERENCE = "scikit-learn " + sklearn.__version__ + " RandomForestRegressor"
        {SharedData.PythonLoad(DataPath, Rows + HeldOut, Columns)}
        Xt, yt, Xh, yh = X[:{Rows}], y[:{Rows}], X[{Rows}:], y[{Rows}:]
        JOBS = int(os.environ.get("OMP_NUM_THREADS", "1"))
        """;

    /// <summary>Python lines that set <c>forest</c>: the pickled forest when an earlier setup left one, else a new fit (pickled for the next).</summary>
    public string PythonForest => $"""
        if os.path.exists(r"{PicklePath}"):
            with open(r"{PicklePath}", "rb") as f:
                forest = pickle.load(f)
        else:
            forest = RandomForestRegressor(n_estimators={Trees}, random_state=0, n_jobs=JOBS).fit(Xt, yt)
            with open(r"{PicklePath}", "wb") as f:
                pickle.dump(forest, f, protocol=pickle.HIGHEST_PROTOCOL)
        forest.n_jobs = JOBS
        """;
}

/// <summary>forest-reg-100-40kx30: fitting the forest (Descent's trees on Parallelism.MaxThreads threads, scikit-learn's n_jobs).</summary>
public sealed class ForestRegressionFit(ForestRegressionProblem problem) : Workload
{
    public override string Name => "forest-reg-100-40kx30";
    public override string Group => "trees";
    public override int Warmups => 0;
    public override int MinRuns => 1;

    public override void Setup()
    {
        problem.Setup();
        SharedData.Check(this, "R² on the 10,000 held-out rows",
            () => [RegressionMetrics.R2Score(problem.TestTargets, problem.Forest.Predict(problem.Test))],
            "[RandomForestRegressor(n_estimators=100, random_state=0, n_jobs=2).fit(Xt, yt).score(Xh, yh)]", 0.01);
    }

    public override void Run() => problem.Fit();

    public override string PythonSetup => problem.PythonData;

    public override string PythonRun => $"RandomForestRegressor(n_estimators={ForestRegressionProblem.Trees}, random_state=0, n_jobs=JOBS).fit(Xt, yt)";

    public override string Note(ResultRow row) =>
        $"{Name}: make_regression 40,000×30 (10 informative, noise 10), 100 full-depth trees on bootstrap samples, all features " +
        "searched at each split; threads = Descent's Parallelism.MaxThreads and scikit-learn's n_jobs; compared by held-out R² " +
        "(DESCENT_BENCH_CHECK=1). Peak memory is measured outside the harness (see the notes of issue 16).";
}

/// <summary>forest-reg-predict-10k: predicting the 10,000 held-out rows with the fitted 100-tree forest.</summary>
public sealed class ForestRegressionPredict(ForestRegressionProblem problem) : Workload
{
    private RandomForestRegressorModel? _forest;

    public override string Name => "forest-reg-predict-10k";
    public override string Group => "trees";

    public override void Setup()
    {
        problem.Setup();
        _forest = problem.Forest;
    }

    public override void Run() => _forest!.Predict(problem.Test);

    public override string PythonSetup => problem.PythonData + "\n" + problem.PythonForest;

    public override string PythonRun => "forest.predict(Xh)";

    public override string Note(ResultRow row) =>
        $"{Name}: the forest of forest-reg-100-40kx30 predicting its 10,000 held-out rows (scikit-learn: n_jobs = threads).";
}

/// <summary>forest-reg-load-100: reading the saved forest from disk and predicting one row (what `descent predict` does with a model file).</summary>
public sealed class ForestRegressionLoad(ForestRegressionProblem problem) : Workload
{
    public override string Name => "forest-reg-load-100";
    public override string Group => "trees";
    public override IReadOnlyList<int> Threads => [1];
    public override int Warmups => 1;

    public override void Setup()
    {
        problem.Setup();
        _ = problem.Forest;
    }

    public override void Run() => ((IRegressionModel)ModelFile.Load(problem.ModelPath).Model).Predict(problem.Test.RowRange(0, 1));

    public override string PythonSetup => problem.PythonData + "\n" + problem.PythonForest;

    public override string PythonRun => $"""
        with open(r"{problem.PicklePath}", "rb") as f:
            pickle.load(f).predict(Xh[:1])
        """;

    public override string Note(ResultRow row)
    {
        static string Megabytes(string path) => File.Exists(path)
            ? (new FileInfo(path).Length / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " MB" : "not written";
        return $"{Name}: the forest of forest-reg-100-40kx30 loaded from disk (Descent's model file, format 2: " +
               $"{Megabytes(problem.ModelPath)}; scikit-learn's pickle, protocol 5: {Megabytes(problem.PicklePath)}) and one row predicted.";
    }
}
