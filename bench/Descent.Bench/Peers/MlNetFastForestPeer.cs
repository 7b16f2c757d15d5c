using System.Globalization;
using Descent.Numerics;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Descent.Bench.Peers;

/// <summary>
/// ML.NET's FastForest beside a random forest classifier: 100 trees on float32 features, one binary forest per class
/// (OneVersusAll, calibrated) for more than two classes. The algorithms differ: FastForest bins each feature into at
/// most 255 values, grows trees of at most <see cref="Leaves"/> leaves with at least <see cref="MinLeafRows"/> rows each
/// (FastTree's leaf-wise growth; its default of 20 leaves loses 10 points of held-out accuracy here), and trains each
/// tree on a bag of 70 % of the rows; Descent (as scikit-learn) grows full-depth trees on exact thresholds, √features
/// per split, on bootstrap samples.
/// </summary>
public sealed class MlNetFastForestPeer : DotNetPeer
{
    private const int Leaves = 1000, MinLeafRows = 1;
    private readonly Func<(Matrix<double> X, int[] Labels, Matrix<double> Test, int[] TestLabels)> _data;
    private readonly int _classes;
    private readonly MLContext _ml = new(seed: 0);
    private IDataView? _train, _test;
    private int[]? _testLabels;

    /// <summary>A peer for <paramref name="classes"/> classes; <paramref name="data"/> gives training and held-out rows after the workload's Setup.</summary>
    public MlNetFastForestPeer(Func<(Matrix<double> X, int[] Labels, Matrix<double> Test, int[] TestLabels)> data, int classes) =>
        (_data, _classes) = (data, classes);

    public override string Label =>
        $"ML.NET {VersionOf(typeof(MLContext))} FastForest{(_classes > 2 ? " (one versus all)" : "")}, {Leaves} leaves";

    public override void Setup()
    {
        var (x, labels, test, testLabels) = _data();
        _train = MlNetData.Load(_ml, x, labels, _classes);
        _test = MlNetData.Load(_ml, test, testLabels, _classes);
        _testLabels = testLabels;
    }

    public override void Run(int threads) => Fit(threads);

    private ITransformer Fit(int threads)
    {
        var forest = _ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            NumberOfTrees = 100, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinLeafRows, NumberOfThreads = threads,
        });
        return _classes == 2 ? forest.Fit(_train!) : _ml.MulticlassClassification.Trainers.OneVersusAll(forest).Fit(_train!);
    }

    public override string Check() => "held-out accuracy " +
        MlNetData.Accuracy(Fit(2), _test!, _testLabels!, _classes).ToString("G6", CultureInfo.InvariantCulture);
}
