namespace Descent.Cli.Infrastructure;

/// <summary>
/// Keeps the cost an iterative Fit reports after every epoch, synchronously (unlike <see cref="Progress{T}"/>, which
/// posts to a synchronization context): what a run that diverged went through before it was stopped.
/// </summary>
internal sealed class CostRecorder : IProgress<FitProgress>
{
    /// <summary>The costs reported, epoch 1 first.</summary>
    public List<double> Costs { get; } = [];

    /// <inheritdoc />
    public void Report(FitProgress value) => Costs.Add(value.Cost);
}
