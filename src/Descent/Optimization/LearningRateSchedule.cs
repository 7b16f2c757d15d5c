using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// How the learning rate η changes from epoch to epoch, starting from the optimizer's η₀. The mini-batch loop asks
/// for the rate before every epoch, and asks <see cref="ReduceOnStall"/> whether to lower the rate (and go on) instead
/// of stopping when training stops improving.
/// </summary>
public abstract record LearningRateSchedule
{
    /// <summary>η₀ in every epoch (scikit-learn's <c>learning_rate="constant"</c>, the default).</summary>
    public static LearningRateSchedule Constant { get; } = new ConstantRate();

    /// <summary>The rate of the epoch that follows <paramref name="epochs"/> complete epochs, in which
    /// <paramref name="samples"/> rows were seen and the rate was lowered <paramref name="reductions"/> times.</summary>
    public abstract double Rate(double initialRate, int epochs, long samples, int reductions);

    /// <summary>True to lower the rate (and go on) when training stops improving at <paramref name="currentRate"/>; false to stop.</summary>
    public virtual bool ReduceOnStall(double currentRate) => false;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming a setting out of range.</summary>
    public virtual void Validate()
    {
    }
}

/// <summary>η = η₀ (scikit-learn's <c>"constant"</c>).</summary>
public sealed record ConstantRate : LearningRateSchedule
{
    /// <inheritdoc />
    public override double Rate(double initialRate, int epochs, long samples, int reductions) => initialRate;
}

/// <summary>η = η₀·γ^⌊epochs / StepSize⌋: multiplied by γ every StepSize epochs (PyTorch's <c>StepLR</c>).</summary>
public sealed record StepDecay : LearningRateSchedule
{
    /// <summary>Epochs between two decays (≥ 1; 10).</summary>
    public int StepSize { get; init; } = 10;

    /// <summary>The factor γ &gt; 0 applied at each decay (0.1, as PyTorch).</summary>
    public double Gamma { get; init; } = 0.1;

    /// <inheritdoc />
    public override double Rate(double initialRate, int epochs, long samples, int reductions) =>
        initialRate * Math.Pow(Gamma, epochs / StepSize);

    /// <inheritdoc />
    public override void Validate()
    {
        Check.Parameter(StepSize >= 1, nameof(StepDecay), nameof(StepSize), ">= 1", StepSize);
        Check.Parameter(double.IsFinite(Gamma) && Gamma > 0, nameof(StepDecay), nameof(Gamma), "a finite number > 0", Gamma);
    }
}

/// <summary>η = η₀ / (t + 1)^Power with t the rows seen so far (scikit-learn's <c>"invscaling"</c>, <c>power_t</c> 0.5).</summary>
public sealed record InverseScaling : LearningRateSchedule
{
    /// <summary>The exponent ≥ 0 (scikit-learn's <c>power_t</c>, 0.5).</summary>
    public double Power { get; init; } = 0.5;

    /// <inheritdoc />
    public override double Rate(double initialRate, int epochs, long samples, int reductions) =>
        initialRate / Math.Pow(samples + 1, Power);

    /// <inheritdoc />
    public override void Validate() =>
        Check.Parameter(double.IsFinite(Power) && Power >= 0, nameof(InverseScaling), nameof(Power), "a finite number >= 0", Power);
}

/// <summary>
/// η = η₀ / 5^r after r stalls (scikit-learn's <c>"adaptive"</c>): each time training stops improving, the rate is
/// divided by 5 and training goes on; once the rate is at most 1e-6, a stall ends training.
/// </summary>
public sealed record AdaptiveRate : LearningRateSchedule
{
    /// <summary>The rate at or below which a stall stops training instead of lowering the rate (scikit-learn's 1e-6).</summary>
    public const double Floor = 1e-6;

    /// <inheritdoc />
    public override double Rate(double initialRate, int epochs, long samples, int reductions) =>
        initialRate / Math.Pow(5, reductions);

    /// <inheritdoc />
    public override bool ReduceOnStall(double currentRate) => currentRate > Floor;
}
