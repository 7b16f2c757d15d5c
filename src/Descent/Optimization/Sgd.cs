using System.Numerics;
using Descent.Numerics;

namespace Descent.Optimization;

/// <summary>
/// Stochastic gradient descent, with optional momentum μ and Nesterov's look-ahead. With g ← g + λθ (the L2 penalty):
/// <code>
///   μ = 0:      θ ← θ − η·g
///   classical:  v ← μ·v − η·g;   θ ← θ + v
///   Nesterov:   v ← μ·v − η·g;   θ ← θ + μ·v − η·g
/// </code>
/// v starts at 0. This is scikit-learn's MLP <c>SGDOptimizer</c> (Sutskever et al.'s form, the velocity in units of θ).
/// PyTorch's <c>torch.optim.SGD</c> keeps the velocity in units of g (b ← μ·b + g; θ ← θ − η·b, Nesterov θ ← θ − η·(g + μ·b));
/// with a constant η the two are the same steps — they differ only after a schedule changes η, where this form
/// keeps the momentum of the steps already taken.
/// </summary>
public sealed record Sgd : Optimizer
{
    /// <summary>The step size η (0.01).</summary>
    public override double LearningRate { get; init; } = 0.01;

    /// <summary>The momentum μ in [0, 1) (0: plain SGD; scikit-learn's MLP uses 0.9).</summary>
    public double Momentum { get; init; }

    /// <summary>Nesterov's accelerated gradient (needs Momentum &gt; 0).</summary>
    public bool Nesterov { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Check.Parameter(Momentum is >= 0 and < 1, nameof(Sgd), nameof(Momentum), "in [0, 1)", Momentum);
        Check.Parameter(!Nesterov || Momentum > 0, nameof(Sgd), nameof(Nesterov), "false when Momentum is 0", Nesterov,
            "(Nesterov momentum needs a Momentum > 0.)");
    }

    private protected override OptimizerState<T> CreateState<T>(IReadOnlyList<int> lengths) => new State<T>(this, lengths);

    private sealed class State<T> : OptimizerState<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Sgd _settings;
        private readonly T[][]? _velocity;

        public State(Sgd settings, IReadOnlyList<int> lengths)
            : base(lengths, settings.LearningRate)
        {
            _settings = settings;
            _velocity = settings.Momentum > 0 ? Buffers() : null;
        }

        private protected override void Apply(int index, Span<T> theta, ReadOnlySpan<T> g)
        {
            T eta = T.CreateTruncating(LearningRate), l2 = T.CreateTruncating(_settings.L2Penalty);
            T mu = T.CreateTruncating(_settings.Momentum);
            bool nesterov = _settings.Nesterov, penalised = _settings.L2Penalty != 0;
            var v = _velocity is null ? default : _velocity[index].AsSpan();
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var etaV = new Vector<T>(eta);
                var l2V = new Vector<T>(l2);
                var muV = new Vector<T>(mu);
                for (; i <= theta.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    var t = new Vector<T>(theta[i..]);
                    var gi = new Vector<T>(g[i..]);
                    if (penalised)
                        gi += l2V * t;
                    if (_velocity is null)
                        t -= etaV * gi;
                    else
                    {
                        var vi = muV * new Vector<T>(v[i..]) - etaV * gi;
                        vi.CopyTo(v[i..]);
                        t += nesterov ? muV * vi - etaV * gi : vi;
                    }
                    t.CopyTo(theta[i..]);
                }
            }
            for (; i < theta.Length; i++)
            {
                T gi = penalised ? g[i] + l2 * theta[i] : g[i];
                if (_velocity is null)
                    theta[i] -= eta * gi;
                else
                {
                    v[i] = mu * v[i] - eta * gi;
                    theta[i] += nesterov ? mu * v[i] - eta * gi : v[i];
                }
            }
        }
    }
}
