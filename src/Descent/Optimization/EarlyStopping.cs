using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// When the mini-batch loop ends training before its last epoch: after <see cref="Patience"/> epochs in a row without
/// improvement. Without a validation set, an epoch improves when its loss is below the best loss so far by more than
/// <see cref="Tolerance"/> (times the best loss when <see cref="Relative"/>); with one (<see cref="ValidationFraction"/>
/// of the rows held out, stratified for classifiers), when its validation score is above the best by at least the
/// tolerance, and the parameters of the best score are kept (scikit-learn's MLP <c>early_stopping</c>).
/// </summary>
public sealed record EarlyStopping
{
    /// <summary>The improvement that counts (scikit-learn's <c>tol</c>, 1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Consecutive epochs without improvement that end training (≥ 1). scikit-learn's SGD estimators stop at
    /// <c>n_iter_no_change</c> such epochs, its MLP after one more.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Measure the loss's improvement relative to the best loss (tol·best) rather than in absolute terms.</summary>
    public bool Relative { get; init; }

    /// <summary>The share of rows held out to score each epoch, in (0, 1); null watches the training loss instead.</summary>
    public double? ValidationFraction { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming a setting out of range.</summary>
    public void Validate(string owner)
    {
        Check.Parameter(double.IsFinite(Tolerance) && Tolerance >= 0, owner, nameof(Tolerance), "a finite number >= 0", Tolerance);
        Check.Parameter(Patience >= 1, owner, nameof(Patience), ">= 1", Patience);
        Check.Parameter(ValidationFraction is null or (> 0 and < 1), owner, nameof(ValidationFraction), "in (0, 1)", ValidationFraction);
    }
}
