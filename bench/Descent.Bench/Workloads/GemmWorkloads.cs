using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Bench.Workloads;

/// <summary>C = A·B for square n×n matrices, against numpy's <c>a @ b</c> (OpenBLAS).</summary>
public sealed class GemmWorkload<T> : Workload where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _n;
    private Matrix<T>? _a, _b, _c;

    public GemmWorkload(int n) => _n = n;

    private static string Precision => typeof(T) == typeof(float) ? "f32" : "f64";

    public override string Name => $"gemm-{Precision}-{_n}";
    public override string Group => "gemm";
    public override double? Flops => 2.0 * _n * _n * _n;

    public override void Setup()
    {
        var rng = new Rng(42);
        _a = Matrix.RandomUniform<T>(_n, _n, rng);
        _b = Matrix.RandomUniform<T>(_n, _n, rng);
        _c = new Matrix<T>(_n, _n);
    }

    public override void Run() => Blas.Gemm(T.One, _a!, _b!, T.Zero, _c!);

    public override string PythonSetup => $"""
        import numpy as np
        rng = np.random.default_rng(42)
        a = rng.random(({_n}, {_n})).astype(np.{(typeof(T) == typeof(float) ? "float32" : "float64")})
        b = rng.random(({_n}, {_n})).astype(a.dtype)
        c = np.empty_like(a)
        """;

    public override string PythonRun => "np.matmul(a, b, out=c)";
}

/// <summary>gemm-{f32,f64}-{256,512,1024,2048}.</summary>
public sealed class GemmWorkloads : IWorkloadFamily
{
    private static readonly int[] Sizes = [256, 512, 1024, 2048];

    public IEnumerable<Workload> Create()
    {
        foreach (int n in Sizes)
        {
            yield return new GemmWorkload<float>(n);
            yield return new GemmWorkload<double>(n);
        }
    }
}
