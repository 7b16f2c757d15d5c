using System.Globalization;
using Descent.Data;
using Descent.NeuralNetworks;
using Descent.Numerics;

namespace Descent.Bench.Workloads;

/// <summary>
/// One epoch of a 784-128-10 ReLU MLP with cross-entropy and Adam (η = 1e-3, no L2 term), over the 60,000
/// Fashion-MNIST training images as float32 in [0, 1], shuffled, in batches of <c>B</c>: Descent's
/// <see cref="MlpClassifier"/> (float32, Glorot-uniform weights and biases) against PyTorch 1.13 (the same network,
/// initialisation and optimizer, <c>torch.randperm</c> batches) in <c>mlp-fashion-bB</c>, and against scikit-learn's
/// <c>MLPClassifier</c> (<c>max_iter=1</c>, float32) in <c>mlp-fashion-sklearn-bB</c>. The note beside each row gives
/// the test accuracy after one epoch on each side (a separate, untimed run), so that speed is not bought with accuracy.
/// <c>mlp-fashion-train</c> trains a 784-256-10 network for 20 epochs in batches of 128 on both sides, to the ≥ 89 % test
/// accuracy of issue 13 (1 thread).
/// </summary>
public sealed class MlpFashionWorkload(int batch, bool sklearn, int hidden = 128, int epochs = 1) : Workload
{
    private static (Matrix<float> X, ClassLabels Y)? _data;
    private static (Matrix<double> X, int[] Y)? _test;
    private double? _referenceAccuracy;

    public override string Name => epochs > 1 ? "mlp-fashion-train" : sklearn ? $"mlp-fashion-sklearn-b{batch}" : $"mlp-fashion-b{batch}";

    public override IReadOnlyList<int> Threads => epochs > 1 ? [1] : [1, 2];

    public override string Group => "mlp";

    public override int Warmups => 1;

    public override int MinRuns => 3;

    public override string? Unavailable => FashionMnist.IsInstalled() ? null : "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)";

    private MlpClassifier Settings => new()
    {
        HiddenLayerSizes = [hidden], Solver = MlpSolver.Adam, LearningRate = 1e-3, Alpha = 0, BatchSize = batch, MaxIterations = epochs, Seed = 0,
    };

    public override void Setup() => _data ??= Load();

    /// <summary>The training images as float32 in [0, 1] with their labels (the test images are read only for the note,
    /// after timing, so that a peak-memory measurement of the timed runs sees the training data alone).</summary>
    private static (Matrix<float>, ClassLabels) Load()
    {
        var (x, labels) = FashionMnist.LoadScaled(train: true);
        return (x, ClassLabels.FromIntegers(labels));
    }

    /// <summary>The test images in [0, 1] (double, as Predict takes them) and their labels.</summary>
    private static (Matrix<double>, int[]) LoadTest()
    {
        var (images, labels) = FashionMnist.LoadArrays(train: false);
        var x = new Matrix<double>(images.Count, images.ItemSize);
        var values = x.AsSpan();
        for (int i = 0; i < values.Length; i++)
            values[i] = images.Values[i] / 255.0;
        return (x, labels.Values.Select(v => (int)v).ToArray());
    }

    public override void Run() => Settings.Fit(_data!.Value.X, _data.Value.Y);

    public override string PythonSetup => string.Create(CultureInfo.InvariantCulture, $"""
        import gzip, os, warnings
        import numpy as np
        def idx(name, offset):
            with gzip.open("{FashionMnist.DefaultDirectory}/" + name, "rb") as f:
                return np.frombuffer(f.read(), np.uint8, offset=offset)
        X = (idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784) / np.float32(255)).astype(np.float32)
        y = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
        Xtest = (idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784) / np.float32(255)).astype(np.float32)
        ytest = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
        B, H, E = {batch}, {hidden}, {epochs}
        """) + "\n" + (sklearn ? """
        import sklearn
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier
        warnings.simplefilter("ignore", ConvergenceWarning)
        REFERENCE = "scikit-learn " + sklearn.__version__
        def epoch():
            global model
            model = MLPClassifier(hidden_layer_sizes=(H,), alpha=0.0, batch_size=B, learning_rate_init=1e-3, max_iter=E,
                                  shuffle=True, random_state=0).fit(X, y)
        def accuracy():
            return float((model.predict(Xtest) == ytest).mean())
        """ : """
        import torch
        import torch.nn.functional as F
        torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
        torch.manual_seed(0)
        REFERENCE = "PyTorch " + torch.__version__
        model = torch.nn.Sequential(torch.nn.Linear(784, H), torch.nn.ReLU(), torch.nn.Linear(H, 10))
        for layer in (model[0], model[2]):
            bound = (6.0 / (layer.in_features + layer.out_features)) ** 0.5
            torch.nn.init.uniform_(layer.weight, -bound, bound)
            torch.nn.init.uniform_(layer.bias, -bound, bound)
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
        def epoch():
            for _ in range(E):
                order = torch.randperm(len(Xt))
                for start in range(0, len(Xt), B):
                    rows = order[start:start + B]
                    optimizer.zero_grad()
                    F.cross_entropy(model(Xt[rows]), yt[rows]).backward()
                    optimizer.step()
        def accuracy():
            with torch.no_grad():
                return float((model(torch.from_numpy(Xtest)).argmax(1).numpy() == ytest).mean())
        """);

    public override string PythonRun => "epoch()";

    public override string Note(ResultRow row)
    {
        var (testX, testY) = _test ??= LoadTest();
        var model = Settings.Fit(_data!.Value.X, _data.Value.Y);
        int[] predicted = model.PredictClassIndices(testX);
        double accuracy = predicted.Zip(testY).Count(p => p.First == p.Second) / (double)testY.Length;
        _referenceAccuracy ??= ReferenceAccuracy();
        string reference = sklearn ? "scikit-learn's MLPClassifier" : "PyTorch";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {(epochs == 1 ? "one epoch" : $"{epochs} epochs")} of a 784-{hidden}-10 ReLU MLP, Adam lr 1e-3, batch {batch}, over " +
            $"60,000 Fashion-MNIST images (float32); test accuracy after training: Descent {accuracy:P1}, {reference} ") +
            (_referenceAccuracy is double r ? r.ToString("P1", CultureInfo.InvariantCulture) : "not measured") + ".";
    }

    /// <summary>The reference's test accuracy after one epoch from its own start (one untimed Python run).</summary>
    private double? ReferenceAccuracy()
    {
        if (!PythonReference.IsAvailable)
            return null;
        var (exitCode, last, _) = PythonReference.Run($"REFERENCE = None\n{PythonSetup}\nepoch()\nprint(accuracy())", threads: 1, loadOpenBlas: true);
        return exitCode == 0 && double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out double a) ? a : null;
    }
}

/// <summary>mlp-fashion-b64, mlp-fashion-b256 (against PyTorch), mlp-fashion-sklearn-b64, mlp-fashion-sklearn-b256, mlp-fashion-train.</summary>
public sealed class MlpWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        foreach (bool sklearn in new[] { false, true })
            foreach (int batch in new[] { 64, 256 })
                yield return new MlpFashionWorkload(batch, sklearn);
        yield return new MlpFashionWorkload(128, sklearn: false, hidden: 256, epochs: 20);
    }
}
