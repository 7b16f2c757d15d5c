using System.Numerics;
using Descent.Numerics.Threading;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Runs one tiled product C = alpha·A·B + beta·C by its <see cref="TilePlan"/>: on the calling thread, or with each
/// thread t computing <see cref="TilePlan.Part"/>(t) through the product's range function. The job object and its
/// delegate are made once per calling thread and reused, so a product on several threads allocates nothing either
/// (a training loop runs thousands of them).
/// </summary>
internal sealed unsafe class TiledProduct<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic]
    private static TiledProduct<T>? _reused;

    private T _alpha, _beta;
    private Matrix<T>? _a, _b, _c;
    private TilePlan _plan;

    /// <summary>
    /// The product's range function: (alpha, A, B, beta, C, rowStart, rowEnd, columnStart, columnEnd, lower) computes
    /// C[rowStart..rowEnd, columnStart..columnEnd] (its lower-triangle tiles only, with lower).
    /// </summary>
    private delegate*<T, Matrix<T>, Matrix<T>, T, Matrix<T>, int, int, int, int, bool, void> _range;
    private readonly Action<int> _body;

    private TiledProduct() => _body = RunPart;

    public static void Run(TilePlan plan, delegate*<T, Matrix<T>, Matrix<T>, T, Matrix<T>, int, int, int, int, bool, void> range,
        T alpha, Matrix<T> a, Matrix<T> b, T beta, Matrix<T> c)
    {
        if (plan.Threads == 1)
        {
            range(alpha, a, b, beta, c, 0, c.Rows, 0, c.Columns, plan.Lower);
            return;
        }
        var job = _reused ??= new TiledProduct<T>();
        job._range = range;
        (job._plan, job._alpha, job._a, job._b, job._beta, job._c) = (plan, alpha, a, b, beta, c);
        try
        {
            ForkJoin.Run(plan.Threads, job._body);
        }
        finally
        {
            (job._a, job._b, job._c) = (null, null, null);
        }
    }

    /// <summary>Thread t's share of the plan.</summary>
    private void RunPart(int t)
    {
        var (rowStart, rowEnd, columnStart, columnEnd) = _plan.Part(t);
        _range(_alpha, _a!, _b!, _beta, _c!, rowStart, rowEnd, columnStart, columnEnd, _plan.Lower);
    }
}
