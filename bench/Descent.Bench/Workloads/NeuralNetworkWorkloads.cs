using System.Globalization;
using Descent.Autograd;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Bench.Workloads;

/// <summary>
/// Forward and backward passes of a 784-128-10 ReLU network with cross-entropy on one float32 batch (gradients zeroed,
/// logits, loss, gradients of every parameter; no optimizer step), <see cref="StepsPerRun"/> times per timed run,
/// against PyTorch's <c>nn.Sequential(Linear, ReLU, Linear)</c> with <c>F.cross_entropy</c> and <c>loss.backward()</c>.
/// <c>nn-step-*</c> runs Descent's layers on their own buffered path (what a training loop uses); <c>nn-graph-*</c>
/// builds Descent's autograd graph from Tensor operations, as PyTorch does.
/// </summary>
public sealed class NeuralNetworkStepWorkload : Workload
{
    /// <summary>Forward + backward passes in one timed run (one pass is far shorter than a timer's resolution is useful).</summary>
    public const int StepsPerRun = 100;

    private readonly int _batch;
    private readonly bool _graph;
    private Sequential<float>? _network;
    private CrossEntropyLoss<float>? _loss;
    private Matrix<float>? _x;
    private Tensor<float>? _input;
    private int[]? _labels;

    public NeuralNetworkStepWorkload(int batch, bool graph) => (_batch, _graph) = (batch, graph);

    public override string Name => $"nn-{(_graph ? "graph" : "step")}-b{_batch}";
    public override string Group => "nn";

    public override void Setup()
    {
        var rng = new Rng(42);
        _network = new Sequential<float>(new Linear<float>(784, 128, rng), new Relu<float>(), new Linear<float>(128, 10, rng));
        _loss = new CrossEntropyLoss<float>();
        _x = Matrix.RandomNormal<float>(_batch, 784, rng);
        _input = Tensor.Wrap(_x);
        _labels = Enumerable.Range(0, _batch).Select(_ => rng.NextInt(10)).ToArray();
    }

    public override void Run()
    {
        for (int step = 0; step < StepsPerRun; step++)
        {
            _network!.ZeroGrad();
            if (_graph)
            {
                _loss!.Forward(_network.Forward(_input!), _labels).Backward();
                continue;
            }
            _loss!.Forward(_network.Forward(_x!), _labels);
            _network.Backward(_loss.Backward(), inputGradient: false);
        }
    }

    public override string PythonSetup => string.Create(CultureInfo.InvariantCulture, $"""
        import os, torch
        import torch.nn.functional as F
        torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
        torch.manual_seed(42)
        REFERENCE = "PyTorch " + torch.__version__
        model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
        x = torch.randn({_batch}, 784)
        y = torch.randint(0, 10, ({_batch},))
        """);

    public override string PythonRun => $"""
        for _ in range({StepsPerRun}):
            model.zero_grad()
            F.cross_entropy(model(x), y).backward()
        """;

    public override string Note(ResultRow row) =>
        $"{Name}: {StepsPerRun} forward + backward passes of a 784-128-10 ReLU network with cross-entropy on one float32 batch of " +
        $"{_batch} per run ({(_graph ? "Descent's autograd graph of Tensor operations" : "Descent's layers on their buffered path")}, " +
        "PyTorch's nn.Sequential with F.cross_entropy and backward()); " +
        string.Create(CultureInfo.InvariantCulture, $"{row.DescentSeconds / StepsPerRun * 1e6:F0} µs per Descent step") +
        (row.ReferenceSeconds is double r ? string.Create(CultureInfo.InvariantCulture, $", {r / StepsPerRun * 1e6:F0} µs per PyTorch step.") : ".");
}

/// <summary>nn-step-b64, nn-step-b256 (layers), nn-graph-b64, nn-graph-b256 (autograd graph).</summary>
public sealed class NeuralNetworkWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        foreach (bool graph in new[] { false, true })
            foreach (int batch in new[] { 64, 256 })
                yield return new NeuralNetworkStepWorkload(batch, graph);
    }
}
