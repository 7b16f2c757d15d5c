using System.Numerics;

namespace Descent.Optimization;

/// <summary>
/// Counts the epochs in a row without improvement, as <see cref="EarlyStopping"/> defines it (scikit-learn's
/// <c>_no_improvement_count</c>), and keeps the best loss, the best validation score and the parameters that reached it.
/// Without early stopping it only keeps the best loss.
/// </summary>
internal sealed class ImprovementWatch(EarlyStopping? settings, double startingLoss)
{
    private int _withoutImprovement;

    public double BestLoss { get; private set; } = startingLoss;

    public double? BestScore { get; private set; }

    /// <summary>Takes the epoch's loss (and validation score); true when it is the Patience-th in a row without improvement.</summary>
    public bool Stalled<T>(double loss, double? score, ReadOnlySpan<T> parameters, T[]? bestParameters)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool improved;
        if (score is double s)
        {
            double best = BestScore ?? double.NegativeInfinity;
            improved = !(s < best + settings!.Tolerance);
            if (s > best)
            {
                BestScore = s;
                parameters.CopyTo(bestParameters);
            }
        }
        else
            improved = settings is null || !(loss > BestLoss - settings.Tolerance * (settings.Relative ? BestLoss : 1));
        BestLoss = Math.Min(BestLoss, loss);
        _withoutImprovement = improved ? 0 : _withoutImprovement + 1;
        return settings is not null && _withoutImprovement >= settings.Patience;
    }

    /// <summary>Starts counting again (after the schedule lowered the learning rate).</summary>
    public void Reset() => _withoutImprovement = 0;
}
