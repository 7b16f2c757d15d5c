using System.Globalization;
using Descent.Numerics;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Descent.Bench.Peers;

/// <summary>
/// ML.NET's L-BFGS logistic regression on the workload's data: LbfgsLogisticRegression (two classes) or
/// LbfgsMaximumEntropy (softmax), with scikit-learn's objective as far as ML.NET states it — L2 weight 1 (C = 1), no L1,
/// at most 100 iterations, tolerance 1e-4 (ML.NET's is on the relative change of the loss, scikit-learn's on the
/// gradient) — on float32 features.
/// </summary>
public sealed class MlNetLogisticPeer : DotNetPeer
{
    private readonly Func<(Matrix<double> X, int[] Labels)> _data;
    private readonly int _classes;
    private readonly MLContext _ml = new(seed: 0);
    private IDataView? _view;
    private int[]? _labels;

    /// <summary>A peer for <paramref name="classes"/> classes on the data <paramref name="data"/> gives after the workload's Setup.</summary>
    public MlNetLogisticPeer(Func<(Matrix<double> X, int[] Labels)> data, int classes) => (_data, _classes) = (data, classes);

    public override string Label =>
        $"ML.NET {VersionOf(typeof(MLContext))} {(_classes == 2 ? "LbfgsLogisticRegression" : "LbfgsMaximumEntropy")}";

    public override void Setup()
    {
        var (x, labels) = _data();
        _labels = labels;
        _view = MlNetData.Load(_ml, x, labels, _classes);
    }

    public override void Run(int threads) => Fit(threads);

    private ITransformer Fit(int threads)
    {
        if (_classes == 2)
            return _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = 0, L2Regularization = 1, MaximumNumberOfIterations = 100, OptimizationTolerance = 1e-4f,
                NumberOfThreads = threads,
            }).Fit(_view!);
        return _ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0, L2Regularization = 1, MaximumNumberOfIterations = 100, OptimizationTolerance = 1e-4f,
            NumberOfThreads = threads,
        }).Fit(_view!);
    }

    public override string Check() => "training accuracy " +
        MlNetData.Accuracy(Fit(2), _view!, _labels!, _classes).ToString("G6", CultureInfo.InvariantCulture);
}
