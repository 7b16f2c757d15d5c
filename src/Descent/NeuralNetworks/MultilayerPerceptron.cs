using Descent.Numerics;
using Descent.Optimization;

namespace Descent.NeuralNetworks;

/// <summary>
/// The settings that <see cref="MlpClassifier"/> and <see cref="MlpRegressor"/> share, with scikit-learn 1.2's names,
/// defaults and meaning. The network is inputs → hidden layers (each Linear then the activation) → outputs; it is
/// trained on the mean loss of each batch B plus scikit-learn's L2 term,
/// <code>
///   L_B(θ) = (1/|B|)·Σ_{i∈B} ℓ(f(xᵢ; θ), yᵢ) + (α / (2|B|))·Σ_layers ‖W‖²      (weights only, not biases)
/// </code>
/// by the training engine (<see cref="MiniBatchTraining"/>, <see cref="Adam"/> or <see cref="Sgd"/>), which stops
/// after <see cref="MaxIterations"/> epochs, or once the training loss (or, with <see cref="EarlyStopping"/>, the
/// validation score) has not improved by <see cref="Tolerance"/> for more than <see cref="IterationsWithoutChange"/>
/// epochs in a row. Weights and biases start uniform on ±√(6 / (fan_in + fan_out)) (Glorot; √(2 / ...) for the
/// logistic activation), drawn in scikit-learn's order from the seed.
/// </summary>
public abstract record MultilayerPerceptron
{
    /// <summary>The width of each hidden layer, in order (scikit-learn's <c>hidden_layer_sizes</c>, (100,)); each ≥ 1.</summary>
    public IReadOnlyList<int> HiddenLayerSizes { get; init; } = [100];

    /// <summary>The hidden layers' activation (ReLU).</summary>
    public MlpActivation Activation { get; init; } = MlpActivation.Relu;

    /// <summary>How steps are taken: Adam (the default) or SGD with momentum.</summary>
    public MlpSolver Solver { get; init; } = MlpSolver.Adam;

    /// <summary>The L2 penalty α ≥ 0 (scikit-learn's <c>alpha</c>, 1e-4), scaled by the batch as the formula above.</summary>
    public double Alpha { get; init; } = 1e-4;

    /// <summary>Rows per step (≥ 1); null is scikit-learn's <c>"auto"</c>, min(200, rows).</summary>
    public int? BatchSize { get; init; }

    /// <summary>The first step size η₀ &gt; 0 (scikit-learn's <c>learning_rate_init</c>, 0.001).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>How η changes between epochs (constant): <see cref="InverseScaling"/> and <see cref="AdaptiveRate"/> are
    /// scikit-learn's <c>"invscaling"</c> and <c>"adaptive"</c>. scikit-learn uses them with SGD only; here they apply
    /// to Adam's step size too.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>Most epochs (scikit-learn's <c>max_iter</c>, 200; ≥ 1).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Reshuffle the training rows before every epoch (true).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the initial weights, the shuffles and the validation split; null draws one (<c>random_state</c>).</summary>
    public int? Seed { get; init; }

    /// <summary>The improvement that counts (scikit-learn's <c>tol</c>, 1e-4; ≥ 0).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Training stops after more than this many epochs in a row without improvement (<c>n_iter_no_change</c>, 10; ≥ 1).</summary>
    public int IterationsWithoutChange { get; init; } = 10;

    /// <summary>Hold out <see cref="ValidationFraction"/> of the rows (stratified for a classifier), stop on their score
    /// (accuracy or R²) and keep the weights of the best epoch (scikit-learn's <c>early_stopping</c>, false).</summary>
    public bool EarlyStopping { get; init; }

    /// <summary>The share of rows held out with <see cref="EarlyStopping"/>, in (0, 1) (0.1).</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>SGD's momentum μ in [0, 1) (0.9).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>SGD with Nesterov's momentum (true; ignored when Momentum is 0).</summary>
    public bool Nesterov { get; init; } = true;

    /// <summary>Adam's β₁ in [0, 1) (0.9).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's β₂ in [0, 1) (0.999).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's ε &gt; 0 (1e-8).</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Where Adam adds ε: before the bias correction (scikit-learn's MLP, the default) or after it (PyTorch's
    /// <c>torch.optim.Adam</c>).</summary>
    public AdamEpsilon EpsilonPlacement { get; init; } = AdamEpsilon.BeforeBiasCorrection;

    /// <summary>Starting parameters in <see cref="MlpArchitecture"/>' layout instead of the seeded initialisation (tests
    /// compare runs with scikit-learn and PyTorch from their initial weights).</summary>
    internal double[]? InitialParameters { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    internal void Validate(string name)
    {
        Check.Parameter(HiddenLayerSizes is { Count: > 0 } && HiddenLayerSizes.All(size => size >= 1), name, nameof(HiddenLayerSizes),
            "one or more layer widths, each >= 1", HiddenLayerSizes is null ? null : $"[{string.Join(", ", HiddenLayerSizes)}]");
        Check.Parameter(Enum.IsDefined(Activation), name, nameof(Activation), "an MlpActivation value", Activation);
        Check.Parameter(Enum.IsDefined(Solver), name, nameof(Solver), "an MlpSolver value", Solver);
        Check.Parameter(double.IsFinite(Alpha) && Alpha >= 0, name, nameof(Alpha), "a finite number >= 0", Alpha);
        Check.Parameter(BatchSize is null or >= 1, name, nameof(BatchSize), ">= 1 or null (min(200, rows))", BatchSize);
        Check.Parameter(double.IsFinite(LearningRate) && LearningRate > 0, name, nameof(LearningRate), "a finite number > 0", LearningRate);
        Check.Parameter(Momentum is >= 0 and < 1, name, nameof(Momentum), "in [0, 1)", Momentum);
        Check.Parameter(Beta1 is >= 0 and < 1, name, nameof(Beta1), "in [0, 1)", Beta1);
        Check.Parameter(Beta2 is >= 0 and < 1, name, nameof(Beta2), "in [0, 1)", Beta2);
        Check.Parameter(double.IsFinite(Epsilon) && Epsilon > 0, name, nameof(Epsilon), "a finite number > 0", Epsilon);
        Check.Parameter(Enum.IsDefined(EpsilonPlacement), name, nameof(EpsilonPlacement), "an AdamEpsilon value", EpsilonPlacement);
        Check.Parameter(MaxIterations >= 1, name, nameof(MaxIterations), ">= 1", MaxIterations);
        Check.Parameter(double.IsFinite(Tolerance) && Tolerance >= 0, name, nameof(Tolerance), "a finite number >= 0", Tolerance);
        Check.Parameter(IterationsWithoutChange >= 1, name, nameof(IterationsWithoutChange), ">= 1", IterationsWithoutChange);
        Check.Parameter(ValidationFraction is > 0 and < 1, name, nameof(ValidationFraction), "in (0, 1)", ValidationFraction);
        ArgumentNullException.ThrowIfNull(Schedule);
        Schedule.Validate();
    }

    /// <summary>The network for <paramref name="inputs"/> features and <paramref name="outputs"/> outputs.</summary>
    internal MlpArchitecture Architecture(int inputs, int outputs, MlpOutput output) =>
        new([inputs, .. HiddenLayerSizes, outputs], Activation, output);

    /// <summary>float32 X for Fit: at least one row and one column, every value finite (naming the first that is not).</summary>
    /// <exception cref="DescentDataException">X is empty or holds NaN or ±∞.</exception>
    internal static void CheckFeatures(Matrix<float> x, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows < 1 || x.Columns < 1)
            throw new DescentDataException($"{operation}: X has shape [{x.Rows}, {x.Columns}]; it needs at least one row and one column.");
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.RowSpan(i);
            if (float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(row)))
                continue;
            int j = FirstNonFinite(row);
            if (j >= 0)
                DataErrors.NonFiniteFeatures(x, i, j, operation, float32: false);
        }
    }

    private static int FirstNonFinite(ReadOnlySpan<float> row)
    {
        for (int j = 0; j < row.Length; j++)
            if (!float.IsFinite(row[j]))
                return j;
        return -1;
    }

    /// <summary>The optimizer these settings describe (scikit-learn's <c>AdamOptimizer</c> or <c>SGDOptimizer</c>).</summary>
    internal Optimizer Optimizer() => Solver == MlpSolver.Sgd
        ? new Sgd { LearningRate = LearningRate, Momentum = Momentum, Nesterov = Nesterov && Momentum > 0 }
        : new Adam { LearningRate = LearningRate, Beta1 = Beta1, Beta2 = Beta2, Epsilon = Epsilon, EpsilonPlacement = EpsilonPlacement };

    /// <summary>The engine's loop for <paramref name="rows"/> training rows: scikit-learn's epochs, batches and stopping
    /// rule (it stops when the count of epochs without improvement exceeds n_iter_no_change, hence Patience + 1).</summary>
    internal MiniBatchTraining Training(int rows, ulong seed) => new()
    {
        Epochs = MaxIterations,
        BatchSize = BatchSize ?? Math.Min(200, rows),
        Shuffle = Shuffle,
        Seed = seed,
        Schedule = Schedule,
        EarlyStopping = new Optimization.EarlyStopping
        {
            Tolerance = Tolerance,
            Patience = IterationsWithoutChange + 1,
            ValidationFraction = EarlyStopping ? ValidationFraction : null,
        },
    };
}
