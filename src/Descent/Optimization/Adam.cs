using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
            var c = new Coefficients<T>(
                T.CreateTruncating(after ? LearningRate / correction1 : LearningRate * correction2 / correction1),
                T.CreateTruncating(after ? 1 / correction2 : 1), T.CreateTruncating(s.Epsilon),
                T.CreateTruncating(s.Beta1), T.CreateTruncating(s.Beta2), T.CreateTruncating(1 - s.Beta1), T.CreateTruncating(1 - s.Beta2),
                T.CreateTruncating(s.L2Penalty), T.CreateTruncating(1 - LearningRate * s.DecoupledDecay),
                s.L2Penalty != 0, s.DecoupledDecay != 0);
            Span<T> m = _m[index], v = _v[index];
            int n = theta.Length, i = 0;
            ref T t = ref MemoryMarshal.GetReference(theta);
            ref T gradient = ref MemoryMarshal.GetReference(g);
            ref T first = ref MemoryMarshal.GetReference(m), second = ref MemoryMarshal.GetReference(v);
            if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
                for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                    c.Update512(ref Unsafe.Add(ref t, i), ref Unsafe.Add(ref gradient, i), ref Unsafe.Add(ref first, i), ref Unsafe.Add(ref second, i));
            if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
                for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
                    c.Update256(ref Unsafe.Add(ref t, i), ref Unsafe.Add(ref gradient, i), ref Unsafe.Add(ref first, i), ref Unsafe.Add(ref second, i));
            for (; i < n; i++)
                c.Update(ref theta[i], g[i], ref m[i], ref v[i]);
        }
    }

    /// <summary>
    /// One step's constants, and the update of one parameter written once per width (a lane of a 512-bit or 256-bit
    /// vector does exactly what the scalar update does, so every width gives the same bits):
    /// g ← g + λθ;  θ ← keep·θ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  θ ← θ − a·m / (√v·c + ε).
    /// </summary>
    private readonly record struct Coefficients<T>(T Step, T Scale, T Epsilon, T Beta1, T Beta2, T OneMinusBeta1, T OneMinusBeta2,
        T L2, T Keep, bool Penalised, bool Decayed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update(ref T theta, T g, ref T m, ref T v)
        {
            if (Penalised)
                g += L2 * theta;
            if (Decayed)
                theta *= Keep;
            m = Beta1 * m + OneMinusBeta1 * g;
            v = Beta2 * v + OneMinusBeta2 * g * g;
            theta -= Step * m / (T.Sqrt(v) * Scale + Epsilon);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update512(ref T theta, ref T gradient, ref T first, ref T second)
        {
            var t = Vector512.LoadUnsafe(ref theta);
            var g = Vector512.LoadUnsafe(ref gradient);
            if (Penalised)
                g += Vector512.Create(L2) * t;
            if (Decayed)
                t *= Vector512.Create(Keep);
            var m = Vector512.Create(Beta1) * Vector512.LoadUnsafe(ref first) + Vector512.Create(OneMinusBeta1) * g;
            var v = Vector512.Create(Beta2) * Vector512.LoadUnsafe(ref second) + Vector512.Create(OneMinusBeta2) * g * g;
            m.StoreUnsafe(ref first);
            v.StoreUnsafe(ref second);
            (t - Vector512.Create(Step) * m / (Vector512.Sqrt(v) * Vector512.Create(Scale) + Vector512.Create(Epsilon))).StoreUnsafe(ref theta);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update256(ref T theta, ref T gradient, ref T first, ref T second)
        {
            var t = Vector256.LoadUnsafe(ref theta);
            var g = Vector256.LoadUnsafe(ref gradient);
            if (Penalised)
                g += Vector256.Create(L2) * t;
            if (Decayed)
                t *= Vector256.Create(Keep);
            var m = Vector256.Create(Beta1) * Vector256.LoadUnsafe(ref first) + Vector256.Create(OneMinusBeta1) * g;
            var v = Vector256.Create(Beta2) * Vector256.LoadUnsafe(ref second) + Vector256.Create(OneMinusBeta2) * g * g;
            m.StoreUnsafe(ref first);
            v.StoreUnsafe(ref second);
            (t - Vector256.Create(Step) * m / (Vector256.Sqrt(v) * Vector256.Create(Scale) + Vector256.Create(Epsilon))).StoreUnsafe(ref theta);
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
