namespace Descent.Optimization;

/// <summary>
/// Records a minimiser's cost after each iteration (and the parameters, when there are at most two, so the path can be
/// drawn over the cost surface), reports progress and honours cancellation. Shared by every minimiser.
/// </summary>
internal sealed class IterationRecorder
{
    private readonly List<double> _costs = [];
    private readonly List<double[]>? _path;
    private readonly IProgress<FitProgress>? _progress;
    private readonly int? _maxIterations;
    private readonly CancellationToken _cancellationToken;

    public IterationRecorder(int dimension, int? maxIterations, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        _path = dimension <= 2 ? [] : null;
        _progress = progress;
        _maxIterations = maxIterations;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Records the starting point (iteration 0); reports nothing.</summary>
    public void Start(double cost, ReadOnlySpan<double> x)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _costs.Add(cost);
        _path?.Add(x.ToArray());
    }

    /// <summary>Records iteration <paramref name="iteration"/> (1-based), reports it, then throws if cancelled.</summary>
    public void Iteration(int iteration, double cost, ReadOnlySpan<double> x)
    {
        _costs.Add(cost);
        _path?.Add(x.ToArray());
        _progress?.Report(new FitProgress(iteration, _maxIterations, cost));
        _cancellationToken.ThrowIfCancellationRequested();
    }

    public FitHistory ToHistory() => new(_costs, _path);
}
