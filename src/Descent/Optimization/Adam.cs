using System.Numerics;
using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// Adam (Kingma and Ba, 2015): per-parameter steps scaled by running estimates of the gradient's first and second
/// moments. With g ← g + λθ (the L2 penalty) and t the step number:
/// <code>
///   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²          (m, v start at 0)
///   θ ← θ − η/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)              ε after the bias correction (the paper's Algorithm 1, PyTorch)
///   θ ← θ − η·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε)               ε before it (scikit-learn's MLP; the paper's ε̂ form)
/// </code>
/// The two placements of ε (<see cref="EpsilonPlacement"/>) differ only while √v is small against ε; PyTorch's
/// <c>torch.optim.Adam</c> uses the first, scikit-learn's <c>AdamOptimizer</c> the second.
/// </summary>
public record Adam : Optimizer
{
    /// <summary>The step size η (0.001, as PyTorch and scikit-learn).</summary>
    public override double LearningRate { get; init; } = 0.001;

    /// <summary>Decay β₁ in [0, 1) of the first-moment estimate (0.9).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay β₂ in [0, 1) of the second-moment estimate (0.999).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>ε &gt; 0 added to the denominator for numerical stability (1e-8).</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Where ε is added: after the bias correction (PyTorch, the default) or before it (scikit-learn's MLP).</summary>
    public AdamEpsilon EpsilonPlacement { get; init; } = AdamEpsilon.AfterBiasCorrection;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        string name = GetType().Name;
        Check.Parameter(Beta1 is >= 0 and < 1, name, nameof(Beta1), "in [0, 1)", Beta1);
        Check.Parameter(Beta2 is >= 0 and < 1, name, nameof(Beta2), "in [0, 1)", Beta2);
        Check.Parameter(double.IsFinite(Epsilon) && Epsilon > 0, name, nameof(Epsilon), "a finite number > 0", Epsilon);
        Check.Parameter(Enum.IsDefined(EpsilonPlacement), name, nameof(EpsilonPlacement), "an AdamEpsilon value", EpsilonPlacement);
    }

    /// <summary>The decoupled weight decay applied before each step (θ ← θ·(1 − η·decay)); 0 for Adam.</summary>
    private protected virtual double DecoupledDecay => 0;

    private protected override OptimizerState<T> CreateState<T>(IReadOnlyList<int> lengths) => new State<T>(this, lengths);

    private sealed class State<T> : OptimizerState<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Adam _settings;
        private readonly T[][] _m;
        private readonly T[][] _v;

        public State(Adam settings, IReadOnlyList<int> lengths)
            : base(lengths, settings.LearningRate)
        {
            _settings = settings;
            _m = Buffers();
            _v = Buffers();
        }

        private protected override void Apply(int index, Span<T> theta, ReadOnlySpan<T> g)
        {
            var s = _settings;
            double correction1 = 1 - Math.Pow(s.Beta1, Steps), correction2 = Math.Sqrt(1 - Math.Pow(s.Beta2, Steps));
            bool after = s.EpsilonPlacement == AdamEpsilon.AfterBiasCorrection;
            // after: θ −= a·m / (√v·c + e) with a = η/(1 − β₁ᵗ), c = 1/√(1 − β₂ᵗ); before: c = 1, a = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ).
            T step = T.CreateTruncating(after ? LearningRate / correction1 : LearningRate * correction2 / correction1);
            T scale = T.CreateTruncating(after ? 1 / correction2 : 1), eps = T.CreateTruncating(s.Epsilon);
            T b1 = T.CreateTruncating(s.Beta1), b2 = T.CreateTruncating(s.Beta2);
            T c1 = T.CreateTruncating(1 - s.Beta1), c2 = T.CreateTruncating(1 - s.Beta2), l2 = T.CreateTruncating(s.L2Penalty);
            T keep = T.CreateTruncating(1 - LearningRate * s.DecoupledDecay);
            bool penalised = s.L2Penalty != 0, decayed = s.DecoupledDecay != 0;
            Span<T> m = _m[index], v = _v[index];
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; i <= theta.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    var t = new Vector<T>(theta[i..]);
                    var gi = new Vector<T>(g[i..]);
                    if (penalised)
                        gi += new Vector<T>(l2) * t;
                    if (decayed)
                        t *= new Vector<T>(keep);
                    var mi = new Vector<T>(b1) * new Vector<T>(m[i..]) + new Vector<T>(c1) * gi;
                    var vi = new Vector<T>(b2) * new Vector<T>(v[i..]) + new Vector<T>(c2) * gi * gi;
                    mi.CopyTo(m[i..]);
                    vi.CopyTo(v[i..]);
                    t -= new Vector<T>(step) * mi / (Vector.SquareRoot(vi) * new Vector<T>(scale) + new Vector<T>(eps));
                    t.CopyTo(theta[i..]);
                }
            }
            for (; i < theta.Length; i++)
            {
                T gi = penalised ? g[i] + l2 * theta[i] : g[i];
                if (decayed)
                    theta[i] *= keep;
                m[i] = b1 * m[i] + c1 * gi;
                v[i] = b2 * v[i] + c2 * gi * gi;
                theta[i] -= step * m[i] / (T.Sqrt(v[i]) * scale + eps);
            }
        }
    }
}

/// <summary>Where <see cref="Adam"/> adds ε to the denominator.</summary>
public enum AdamEpsilon
{
    /// <summary>To √v̂ = √(v / (1 − β₂ᵗ)): the paper's Algorithm 1 and PyTorch's <c>torch.optim.Adam</c>.</summary>
    AfterBiasCorrection,

    /// <summary>To √v, with the bias corrections folded into the step size: scikit-learn's MLP <c>AdamOptimizer</c>.</summary>
    BeforeBiasCorrection,
}
