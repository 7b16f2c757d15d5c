using Descent.Metrics;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Bench.Workloads;

/// <summary>
/// ROC AUC or the precision-recall curve of 1,000,000 scores (labels 0/1, scores = label + N(0, 1) rounded to 4
/// decimals so that ties occur), shared with scikit-learn's <c>roc_auc_score</c> / <c>precision_recall_curve</c>.
/// </summary>
public sealed class RankingWorkload : Workload
{
    private const int Count = 1_000_000;
    private readonly bool _auc;
    private int[]? _labels;
    private double[]? _scores;
    private string? _path;

    public RankingWorkload(bool auc) => _auc = auc;

    public override string Name => _auc ? "roc-auc-1m" : "pr-curve-1m";
    public override string Group => "metrics";

    public override void Setup()
    {
        var rng = new Rng(2024);
        _labels = new int[Count];
        _scores = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            _labels[i] = rng.NextDouble() < 0.3 ? 1 : 0;
            _scores[i] = Math.Round(_labels[i] + rng.NextNormal(), 4);
        }
        // The file holds the labels as a 1 × n "matrix" and then the scores.
        _path = SharedData.Write(Name, Matrix.Wrap(Array.ConvertAll(_labels, v => (double)v), 1, Count), _scores);
        if (_auc)
            SharedData.Check(this, "ROC AUC", () => [RankingMetrics.RocAuc(_labels, _scores)], "[roc_auc_score(labels, y)]", 1e-12);
        else
            SharedData.Check(this, "curve length, precision and recall sums", () =>
            {
                var curve = RankingMetrics.PrecisionRecallCurve(_labels, _scores);
                return [curve.Thresholds.Count, curve.Precision.Sum(), curve.Recall.Sum()];
            }, "(lambda c: [len(c[2]), c[0].sum(), c[1].sum()])(precision_recall_curve(labels, y))", 1e-12);
    }

    public override void Run()
    {
        if (_auc)
            RankingMetrics.RocAuc(_labels!, _scores);
        else
            RankingMetrics.PrecisionRecallCurve(_labels!, _scores);
    }

    public override string PythonSetup => $"""
        import numpy as np, sklearn
        from sklearn.metrics import roc_auc_score, precision_recall_curve
        REFERENCE = "scikit-learn " + sklearn.__version__ + " {(_auc ? "roc_auc_score" : "precision_recall_curve")}"
        {SharedData.PythonLoad(_path!, 1, Count)}
        labels = X[0].astype(np.int64)
        """;

    public override string PythonRun => _auc ? "roc_auc_score(labels, y)" : "precision_recall_curve(labels, y)";

    public override string Note(ResultRow row) =>
        $"{Name}: 1,000,000 scores (30 % positives, label + N(0,1) rounded to 4 decimals: many ties), int labels on both sides; " +
        "single-threaded on both sides.";
}

/// <summary>roc-auc-1m, pr-curve-1m.</summary>
public sealed class RankingWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        yield return new RankingWorkload(auc: true);
        yield return new RankingWorkload(auc: false);
    }
}
