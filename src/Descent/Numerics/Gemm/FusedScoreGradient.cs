using Descent.Numerics.Threading;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Both products a linear model's gradient needs, in one pass over X:
///   Z = X·Wᵀ (n × K),   G = rule(Z) row by row,   result = α·Gᵀ·X (K × p).
/// Done as two whole-matrix GEMMs, X (often hundreds of MB) is read from memory twice; here each block of
/// <see cref="BlockRows"/> rows is used for both products while it is still in cache: Z_b = X_b·Wᵀ, then the caller's
/// row rule turns Z_b into G_b (it may only touch rows of the block), then partial += G_bᵀ·X_b.
/// Rows are cut into fixed runs of <see cref="RunRows"/>, each summed into its own partial; partials are added in run
/// order, so the result is the same for any thread count.
/// </summary>
internal sealed class FusedScoreGradient
{
    /// <summary>Rows per partial sum (a fixed split, independent of the thread count).</summary>
    private const int RunRows = 2048;

    /// <summary>Bytes of X per block: small enough to stay in a core's L2 cache between the two products.</summary>
    private const int BlockBytes = 256 * 1024;

    private readonly Matrix<double> _x;
    private readonly int _outputs;
    private readonly int _runs;
    private readonly double[] _partials;
    private readonly double[] _weights;

    /// <param name="x">The n × p features.</param>
    /// <param name="outputs">K, the number of score columns.</param>
    public FusedScoreGradient(Matrix<double> x, int outputs)
    {
        _x = x;
        _outputs = outputs;
        _runs = (x.Rows + RunRows - 1) / RunRows;
        _partials = new double[_runs * outputs * x.Columns];
        _weights = new double[outputs * x.Columns];
        BlockRows = Math.Clamp(BlockBytes / (sizeof(double) * Math.Max(x.Columns, 1)), 8, RunRows);
    }

    /// <summary>Rows of X used for both products before moving on.</summary>
    public int BlockRows { get; }

    /// <summary>Turns rows [first, first + count) of the score matrix into rows of G (same layout, n × K).</summary>
    public delegate void RowRule(int first, int count);

    /// <summary>
    /// Writes Z = X·Wᵀ into <paramref name="scores"/> (n × K, row-major; W is the first K·p values of
    /// <paramref name="weights"/>, row-major), applies <paramref name="rule"/> block by block, reads G from
    /// <paramref name="g"/> (n × K; may be <paramref name="scores"/> itself), and sets <paramref name="result"/>
    /// (K × p, row-major) to α·Gᵀ·X.
    /// </summary>
    public void Run(ReadOnlySpan<double> weights, double[] scores, RowRule rule, double[] g, double alpha, double[] result)
    {
        int size = _outputs * _x.Columns;
        weights[..size].CopyTo(_weights);
        var w = Matrix.Wrap(_weights, _outputs, _x.Columns);
        var path = _x.HasContiguousRows ? GemmDriver.Resolve(GemmDriver.KernelPath) : GemmKernelPath.Scalar;
        int threads = Math.Min(_runs, Parallelism.MaxThreads);
        ForkJoin.Run(threads, t =>
        {
            for (int run = t; run < _runs; run += threads)
                RunOne(run, w, scores, rule, g, path);
        });
        var sum = result.AsSpan(0, size);
        sum.Clear();
        for (int run = 0; run < _runs; run++)
        {
            var part = _partials.AsSpan(run * size, size);
            for (int j = 0; j < size; j++)
                sum[j] += part[j];
        }
        for (int j = 0; j < size; j++)
            sum[j] *= alpha;
    }

    /// <summary>One run of rows, block by block, into its own partial: with the streaming kernels of
    /// <see cref="SkinnyGemm"/> (AVX-512 or AVX2) where the processor has them and X's rows are contiguous, otherwise with
    /// <see cref="Blas.Gemm{T}"/>.</summary>
    private void RunOne(int run, Matrix<double> w, double[] scores, RowRule rule, double[] g, GemmKernelPath path)
    {
        int n = _x.Rows, k = _outputs;
        int first = run * RunRows, end = Math.Min(n, first + RunRows);
        var partial = Matrix.Wrap(_partials, _runs * k, _x.Columns).RowRange(run * k, k);
        partial.AsSpan().Clear();
        for (int start = first; start < end; start += BlockRows)
        {
            int count = Math.Min(BlockRows, end - start);
            var xBlock = _x.RowRange(start, count);
            var zBlock = Matrix.Wrap(scores, n, k).RowRange(start, count);
            var gBlock = Matrix.Wrap(g, n, k).RowRange(start, count);
            if (path == GemmKernelPath.Avx512)
                SkinnyGemm.Avx512.RowDots(xBlock, w, zBlock.AsSpan());
            else if (path == GemmKernelPath.Avx2)
                SkinnyGemm.RowDots(xBlock, w, zBlock.AsSpan());
            else
                Blas.Gemm(1.0, xBlock, w, 0.0, zBlock, transposeB: true);
            rule(start, count);
            if (path == GemmKernelPath.Avx512)
                SkinnyGemm.Avx512.AccumulateTransposed(gBlock.AsSpan(), xBlock, partial);
            else if (path == GemmKernelPath.Avx2)
                SkinnyGemm.AccumulateTransposed(gBlock.AsSpan(), xBlock, partial);
            else
                Blas.Gemm(1.0, gBlock, xBlock, 1.0, partial, transposeA: true);
        }
    }
}
