namespace Descent;

/// <summary>
/// The progress of one stage of a fit as part of the whole: its iterations are counted after the
/// <c>done</c> iterations of the stages before it, out of <c>total</c> (one-vs-rest problems trained one after the
/// other; L-BFGS finished by Newton steps).
/// </summary>
internal sealed class OffsetProgress : IProgress<FitProgress>
{
    private readonly IProgress<FitProgress> _inner;
    private readonly int _done;
    private readonly int _total;

    private OffsetProgress(IProgress<FitProgress> inner, int done, int total)
    {
        _inner = inner;
        _done = done;
        _total = total;
    }

    /// <summary><paramref name="progress"/> shifted by <paramref name="done"/> iterations, or null when there is none.</summary>
    public static IProgress<FitProgress>? After(IProgress<FitProgress>? progress, int done, int total) =>
        progress is null ? null : new OffsetProgress(progress, done, total);

    public void Report(FitProgress value) => _inner.Report(value with { Iteration = _done + value.Iteration, MaxIterations = _total });
}
