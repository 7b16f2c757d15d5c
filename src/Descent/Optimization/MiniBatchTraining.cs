using System.Globalization;
using System.Numerics;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Optimization;

/// <summary>
/// The one training loop of every model trained by (mini-batch) gradient steps: linear regression's gradient-descent
/// solvers, the perceptron, logistic and softmax regression's stochastic solvers, and neural networks. Each epoch:
/// <code>
///   η ← Schedule.Rate(η₀, epoch, rows seen, reductions)
///   shuffle the training rows (seeded)
///   for each batch B of BatchSize rows:   ℓ_B, g ← objective(B, θ);   θ ← optimizer.Step(θ, g)
///   loss ← mean of the ℓ_B (or, with FullPassLoss, the loss over all training rows)
///   stop early when the loss (or the validation score) has not improved for Patience epochs in a row
/// </code>
/// It records the loss curve (and the parameter path of models with at most two parameters), reports
/// <see cref="FitProgress"/> after every epoch, checks the cancellation token before every batch, and throws a
/// <see cref="DivergenceException"/> naming the epoch when the loss becomes NaN or infinite (or keeps growing, see
/// <see cref="GrowthLimit"/>). The same seed gives the same run on any machine and thread count.
/// </summary>
public sealed record MiniBatchTraining
{
    /// <summary>Most passes over the training rows (≥ 1; scikit-learn's MLP <c>max_iter</c>, 200).</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Rows per step (≥ 1; at most the training rows are used). 1 is stochastic gradient descent; all rows is batch gradient descent.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Reshuffle the training rows before every epoch (true); false visits them in order.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffles and of the validation split.</summary>
    public ulong Seed { get; init; }

    /// <summary>How the learning rate changes between epochs (constant).</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>When to stop before the last epoch; null runs every epoch.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>
    /// Record the loss over all training rows, before the first epoch and after every epoch (the course's J(θ) curve;
    /// costs one more pass per epoch, and a loss of exactly 0 then ends training: nothing is left to learn). False
    /// records the mean of the batch losses met during the epoch, before each step, as scikit-learn's <c>loss_curve_</c>.
    /// </summary>
    public bool FullPassLoss { get; init; }

    /// <summary>With <see cref="FullPassLoss"/>: the loss growing this many epochs in a row to above its starting value
    /// is divergence too (a learning rate too large for the curvature). Null: only a NaN or infinite loss is.</summary>
    public int? GrowthLimit { get; init; }

    /// <summary>
    /// Trains <paramref name="parameters"/> (θ, changed in place) on <paramref name="objective"/> with
    /// <paramref name="optimizer"/>. <paramref name="trainer"/> names who trains, for messages
    /// ("LinearRegression.Fit: MiniBatchGradientDescent").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting of the loop, the optimizer or the schedule is out of range.</exception>
    /// <exception cref="DescentDataException">Too few rows to hold out the validation fraction.</exception>
    /// <exception cref="DivergenceException">The loss became NaN or infinite, or kept growing.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public MiniBatchResult Run<T>(IMiniBatchObjective<T> objective, Span<T> parameters, Optimizer optimizer, string trainer,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        Validate(trainer);
        if (parameters.Length != objective.Dimension)
            throw new ArgumentException($"{trainer}: θ has {parameters.Length} values but the objective has {objective.Dimension} parameters.",
                nameof(parameters));
        var state = optimizer.Start<T>(parameters.Length);
        var rng = new Rng(Seed);
        var (train, validation) = EarlyStopping?.ValidationFraction is double fraction
            ? ValidationSplit.Split(objective.Rows, objective.ClassOfRow, fraction, new Rng(Rng.Derive(Seed, 1)), trainer)
            : (Enumerable.Range(0, objective.Rows).ToArray(), null);
        var order = (int[])train.Clone();
        int batchSize = Math.Max(1, Math.Min(BatchSize, order.Length));
        var gradient = objective.GradientStorage ?? new T[parameters.Length];
        if (gradient.Length != parameters.Length)
            throw new ArgumentException($"{trainer}: the objective's gradient storage has {gradient.Length} values for {parameters.Length} parameters.",
                nameof(objective));
        var recorder = new Recorder(parameters.Length);
        double start = FullPassLoss ? objective.Loss(train, parameters) : double.NaN;
        if (FullPassLoss)
            recorder.Add(start, parameters, null);
        var watch = new ImprovementWatch(EarlyStopping, FullPassLoss ? start : double.PositiveInfinity);
        T[]? bestParameters = validation is null ? null : parameters.ToArray();
        double previous = start;
        int epoch = 0, growing = 0, reductions = 0;
        long samples = 0;
        var reason = StopReason.MaxIterations;
        while (epoch < Epochs)
        {
            state.LearningRate = Schedule.Rate(optimizer.LearningRate, epoch, samples, reductions);
            if (Shuffle)
                rng.Shuffle(order.AsSpan());
            double sum = 0;
            for (int first = 0; first < order.Length; first += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = order.AsSpan(first, Math.Min(batchSize, order.Length - first));
                sum += objective.BatchLossAndGradient(rows, parameters, gradient) * rows.Length;
                state.Step(parameters, gradient);
            }
            epoch++;
            samples += order.Length;
            double loss = FullPassLoss ? objective.Loss(train, parameters) : sum / order.Length;
            double? score = validation is null ? null : objective.Score(validation, parameters);
            recorder.Add(loss, parameters, score);
            progress?.Report(new FitProgress(epoch, Epochs, loss, score));

            growing = loss > previous ? growing + 1 : 0;
            previous = loss;
            bool grew = FullPassLoss && GrowthLimit is int limit && growing >= limit && loss > start;
            if (!double.IsFinite(loss) || grew)
                throw Diverged(trainer, epoch, loss, start, state.LearningRate, grew);
            if (FullPassLoss && loss == 0)
            {
                reason = StopReason.Converged;
                break;
            }
            if (watch.Stalled(loss, score, parameters, bestParameters))
            {
                if (!Schedule.ReduceOnStall(state.LearningRate))
                {
                    reason = StopReason.NoImprovement;
                    break;
                }
                reductions++;
                watch.Reset();
            }
        }
        bestParameters?.CopyTo(parameters);
        return new MiniBatchResult(recorder.ToHistory(), epoch, reason, watch.BestLoss, watch.BestScore);
    }

    private void Validate(string trainer)
    {
        Check.Parameter(Epochs >= 1, trainer, nameof(Epochs), ">= 1", Epochs);
        Check.Parameter(BatchSize >= 1, trainer, nameof(BatchSize), ">= 1", BatchSize);
        Check.Parameter(GrowthLimit is null or >= 1, trainer, nameof(GrowthLimit), ">= 1 or null", GrowthLimit);
        ArgumentNullException.ThrowIfNull(Schedule);
        Schedule.Validate();
        EarlyStopping?.Validate(trainer);
    }

    private static DivergenceException Diverged(string trainer, int epoch, double loss, double start, double rate, bool grew)
    {
        string what = grew
            ? $"the loss grew for several epochs in a row to {loss.ToString("G4", CultureInfo.InvariantCulture)} " +
              $"(it started at {start.ToString("G4", CultureInfo.InvariantCulture)})"
            : $"the loss became {(double.IsNaN(loss) ? "NaN" : "infinite")}";
        return new DivergenceException(
            $"{trainer} diverged at epoch {epoch}: {what}. The learning rate {rate.ToString("R", CultureInfo.InvariantCulture)} " +
            "is too large for these features: use a smaller LearningRate (e.g. ten times smaller), or standardize the " +
            "features first (StandardScaler).",
            "LearningRate", epoch, loss);
    }

    /// <summary>The loss curve, validation scores and (for at most two parameters) the parameter path.</summary>
    private sealed class Recorder(int dimension)
    {
        private readonly List<double> _costs = [];
        private readonly List<double> _scores = [];
        private readonly List<double[]>? _path = dimension <= 2 ? [] : null;

        public void Add<T>(double loss, ReadOnlySpan<T> parameters, double? score) where T : unmanaged, IFloatingPointIeee754<T>
        {
            _costs.Add(loss);
            if (score is double s)
                _scores.Add(s);
            if (_path is null)
                return;
            var point = new double[parameters.Length];
            for (int i = 0; i < point.Length; i++)
                point[i] = double.CreateTruncating(parameters[i]);
            _path.Add(point);
        }

        public FitHistory ToHistory() => new(_costs, _path, _scores);
    }
}
