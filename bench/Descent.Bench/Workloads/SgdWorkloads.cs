using Descent.Data;
using Descent.Linear;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Bench.Workloads;

/// <summary>
/// One epoch of mini-batch SGD for linear regression on make_regression 200000×100, shared as float64: Descent's engine
/// (<see cref="MiniBatchTraining"/> with <see cref="LeastSquaresObjective"/> and <see cref="Sgd"/>: shuffle, then per
/// batch r = X_B·w + b − y_B, g = X_Bᵀr/|B|, θ ← θ − η·g) against the same updates written in numpy, or PyTorch's
/// nn.Linear + MSE/2 + torch.optim.SGD on the same batches. Reading X once per epoch is 160 MB: the note gives GB/s.
/// </summary>
public sealed class SgdEpochWorkload(int batch, bool torch) : Workload
{
    private const int Rows = 200_000, Columns = 100;
    private const double LearningRate = 1e-3;
    private Matrix<double>? _x;
    private double[]? _y;
    private string? _path;
    private ulong _seed;

    public override string Name => $"sgd-epoch-200kx100-b{batch}{(torch ? "-torch" : "")}";

    public override string Group => "sgd";

    public override void Setup()
    {
        var data = Generators.MakeRegression(Rows, Columns, Columns, bias: 3.0, noise: 10.0, seed: 7);
        (_x, _y) = (data.Features, data.Target!);
        _path = SharedData.Write("sgd-200kx100", _x, _y);
    }

    public override void Run()
    {
        var theta = new double[Columns + 1];
        new MiniBatchTraining { Epochs = 1, BatchSize = batch, Seed = _seed++ }
            .Run<double>(new LeastSquaresObjective(_x!, _y!, fitIntercept: true), theta, new Sgd { LearningRate = LearningRate }, "bench");
    }

    public override string PythonSetup => torch
        ? $"""
          import numpy as np, torch
          REFERENCE = "PyTorch " + torch.__version__ + " torch.optim.SGD"
          {SharedData.PythonLoad(_path!, Rows, Columns)}
          Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
          rng = np.random.default_rng(0)
          def epoch():
              model = torch.nn.Linear({Columns}, 1, dtype=torch.float64)
              torch.nn.init.zeros_(model.weight); torch.nn.init.zeros_(model.bias)
              opt = torch.optim.SGD(model.parameters(), lr={LearningRate})
              perm = torch.from_numpy(rng.permutation({Rows}))
              for s in range(0, {Rows}, {batch}):
                  idx = perm[s:s + {batch}]
                  opt.zero_grad()
                  loss = 0.5 * ((model(Xt[idx]).squeeze(1) - yt[idx]) ** 2).mean()
                  loss.backward()
                  opt.step()
          """
        : $"""
          import numpy as np
          {SharedData.PythonLoad(_path!, Rows, Columns)}
          rng = np.random.default_rng(0)
          def epoch():
              w = np.zeros({Columns}); b = 0.0
              perm = rng.permutation({Rows})
              for s in range(0, {Rows}, {batch}):
                  idx = perm[s:s + {batch}]
                  Xb = X[idx]
                  r = Xb @ w + b - y[idx]
                  w -= {LearningRate} * (Xb.T @ r) / len(idx)
                  b -= {LearningRate} * r.mean()
          """;

    public override string PythonRun => "epoch()";

    public override string Note(ResultRow row)
    {
        double gigabytes = (double)Rows * Columns * sizeof(double) / 1e9;
        string reference = row.ReferenceSeconds is { } s ? $", {(torch ? "PyTorch" : "numpy")} {gigabytes / s:F2} GB/s" : "";
        return $"{Name}: one epoch of mini-batch SGD (batch {batch}, η = {LearningRate}) for linear regression on make_regression " +
               $"{Rows}×{Columns}, shared as float64; X read once per epoch (160 MB): Descent {gigabytes / row.DescentSeconds:F2} GB/s{reference}.";
    }
}

/// <summary>sgd-epoch-200kx100-b32 and -b256, against numpy and against PyTorch.</summary>
public sealed class SgdWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        foreach (int batch in new[] { 32, 256 })
        {
            yield return new SgdEpochWorkload(batch, torch: false);
            yield return new SgdEpochWorkload(batch, torch: true);
        }
    }
}
