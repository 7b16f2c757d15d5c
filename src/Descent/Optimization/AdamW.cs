using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// AdamW (Loshchilov and Hutter, 2019): <see cref="Adam"/> with decoupled weight decay. Before each Adam step the
/// parameters shrink, θ ← θ·(1 − η·WeightDecay), instead of a penalty entering the gradient (where Adam's per-parameter
/// scaling would weaken it for parameters with large gradients). Same rule and defaults as PyTorch's <c>torch.optim.AdamW</c>.
/// </summary>
public sealed record AdamW : Adam
{
    /// <summary>The decoupled weight decay ≥ 0 (0.01, as PyTorch).</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Check.Parameter(double.IsFinite(WeightDecay) && WeightDecay >= 0, nameof(AdamW), nameof(WeightDecay), "a finite number >= 0",
            WeightDecay);
    }

    private protected override double DecoupledDecay => WeightDecay;
}
