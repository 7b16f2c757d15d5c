using System.Diagnostics;
using System.Globalization;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Bench.Workloads;

/// <summary>
/// One of the float32 products of a training step of a 784-128-10 MLP at batch b, through <see cref="Blas.Gemm{T}"/>'s
/// public entry point with the operands laid out as a network holds them (X b×784, W₁ 784×128, H b×128, W₂ 128×10,
/// G₂ b×10, G₁ b×128; transposes as flags), against numpy's matmul of the same views (OpenBLAS). A run repeats the
/// product <see cref="_repeats"/> times (about 0.2 GFLOP, or 10⁵ calls of the 1×1×1 product that measures the fixed
/// cost of a call), so that both sides' times are well above the clock's resolution; the note gives the time per call.
/// </summary>
public sealed class MlpProductWorkload : Workload
{
    private readonly string _name, _formula;
    private readonly int _m, _n, _k;
    private readonly bool _transposeA, _transposeB;
    private readonly int _repeats;
    private Matrix<float>? _a, _b, _c;

    /// <param name="name">Workload name.</param>
    /// <param name="formula">The product as the note shows it, e.g. <c>X·W₁ (64×784 · 784×128)</c>.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="transposeA">A is stored k×m and used transposed.</param>
    /// <param name="transposeB">B is stored n×k and used transposed.</param>
    public MlpProductWorkload(string name, string formula, int m, int n, int k, bool transposeA, bool transposeB)
    {
        (_name, _formula, _m, _n, _k, _transposeA, _transposeB) = (name, formula, m, n, k, transposeA, transposeB);
        _repeats = (int)Math.Clamp(2e8 / (2.0 * m * n * k), 1, 100_000);
    }

    public override string Name => _name;
    public override string Group => "mlp-gemm";
    public override double? Flops => 2.0 * _m * _n * _k * _repeats;

    public override void Setup()
    {
        var rng = new Rng(42);
        _a = _transposeA ? Matrix.RandomUniform<float>(_k, _m, rng) : Matrix.RandomUniform<float>(_m, _k, rng);
        _b = _transposeB ? Matrix.RandomUniform<float>(_n, _k, rng) : Matrix.RandomUniform<float>(_k, _n, rng);
        _c = new Matrix<float>(_m, _n);
        // Long enough for the JIT's tiers to settle on their final code before anything is timed.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 0.5)
            Run();
    }

    public override void Run()
    {
        for (int r = 0; r < _repeats; r++)
            Blas.Gemm(1f, _a!, _b!, 0f, _c!, _transposeA, _transposeB);
    }

    public override string PythonSetup => string.Create(CultureInfo.InvariantCulture, $"""
        import numpy as np
        rng = np.random.default_rng(42)
        a = rng.random(({(_transposeA ? $"{_k}, {_m}" : $"{_m}, {_k}")}), dtype=np.float32){(_transposeA ? ".T" : "")}
        b = rng.random(({(_transposeB ? $"{_n}, {_k}" : $"{_k}, {_n}")}), dtype=np.float32){(_transposeB ? ".T" : "")}
        c = np.empty(({_m}, {_n}), dtype=np.float32)
        """);

    public override string PythonRun => $"for _ in range({_repeats}):\n    np.matmul(a, b, out=c)";

    public override string Note(ResultRow row)
    {
        string perCall(double seconds) => seconds / _repeats * 1e6 < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / _repeats * 1e9:F0} ns")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / _repeats * 1e6:F2} µs");
        string reference = row.ReferenceSeconds is { } s ? $", numpy {perCall(s)}" : "";
        return $"{_name}: float32 {_formula}, {_repeats} calls per run; per call Descent {perCall(row.DescentSeconds)}{reference}.";
    }
}

/// <summary>
/// mlp-b{64,256}-{xw1,hw2,htg2,g2w2t,xtg1}: the five products of one training step of a 784-128-10 MLP, forward X·W₁ and
/// H·W₂, backward Hᵀ·G₂, G₂·W₂ᵀ and Xᵀ·G₁; and gemm-f32-1x1x1, the fixed cost of one call.
/// </summary>
public sealed class MlpProductWorkloads : IWorkloadFamily
{
    public IEnumerable<Workload> Create()
    {
        foreach (int b in new[] { 64, 256 })
        {
            yield return new MlpProductWorkload($"mlp-b{b}-xw1", $"X·W₁ ({b}×784 · 784×128)", b, 128, 784, false, false);
            yield return new MlpProductWorkload($"mlp-b{b}-hw2", $"H·W₂ ({b}×128 · 128×10)", b, 10, 128, false, false);
            yield return new MlpProductWorkload($"mlp-b{b}-htg2", $"Hᵀ·G₂ (128×{b} · {b}×10, H transposed)", 128, 10, b, true, false);
            yield return new MlpProductWorkload($"mlp-b{b}-g2w2t", $"G₂·W₂ᵀ ({b}×10 · 10×128, W₂ transposed)", b, 128, 10, false, true);
            yield return new MlpProductWorkload($"mlp-b{b}-xtg1", $"Xᵀ·G₁ (784×{b} · {b}×128, X transposed)", 784, 128, b, true, false);
        }
        yield return new MlpProductWorkload("gemm-f32-1x1x1", "1×1 · 1×1 (the fixed cost of a call)", 1, 1, 1, false, false);
    }
}
