using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Optimization;
using Descent.Tests.Linear;

namespace Descent.Tests.Optimization;

/// <summary>
/// The one mini-batch loop: its stopping rules (scikit-learn's no-improvement count, on the training loss or a held-out
/// score), schedules, divergence, cancellation, progress, seeding and the validation of its settings. Most tests drive it
/// with a scripted objective whose epoch losses and scores are given, and whose gradient is 1, so θ moves by −η per step
/// and shows the learning rate of every epoch.
/// </summary>
public class MiniBatchTrainingTests
{
    /// <summary>One batch per epoch (10 rows, batch 10): epoch e's (0-based) batch loss is losses[e] and its score scores[e];
    /// the full-pass loss after e epochs is losses[e].</summary>
    private sealed class Scripted(double[] losses, double[]? scores = null, int[]? classOfRow = null) : IMiniBatchObjective<double>
    {
        private int _batches;
        private int _scores;

        public List<double> Thetas { get; } = [];

        public int Rows => classOfRow?.Length ?? 10;

        public int Dimension => 1;

        public IReadOnlyList<int>? ClassOfRow => classOfRow;

        public double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters, Span<double> gradient)
        {
            Thetas.Add(parameters[0]);
            gradient[0] = 1;
            return losses[_batches++];
        }

        public double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters) => losses[_batches];

        public double Score(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters) => scores![_scores++];
    }

    private static MiniBatchResult Run(Scripted objective, MiniBatchTraining training, Optimizer? optimizer = null, double[]? theta = null,
        IProgress<FitProgress>? progress = null, CancellationToken token = default) =>
        training.Run<double>(objective, theta ?? [0.0], optimizer ?? new Sgd { LearningRate = 1 }, "Test", progress, token);

    [Fact]
    public void TrainingLoss_StopsAfterPatienceEpochsWithoutImprovementByTolerance()
    {
        // best 5, then 4.95 (an improvement of 0.05 > tol 0.01), then three epochs within tol of the best 4.95
        var objective = new Scripted([5, 4.95, 4.949, 4.96, 4.945, 1, 1]);
        var run = Run(objective, new MiniBatchTraining { Epochs = 7, BatchSize = 10, Shuffle = false,
            EarlyStopping = new EarlyStopping { Tolerance = 0.01, Patience = 3 } });
        Assert.Equal(StopReason.NoImprovement, run.StopReason);
        Assert.Equal(5, run.Epochs);
        Assert.Equal([5, 4.95, 4.949, 4.96, 4.945], run.History.Costs);
        Assert.Equal(4.945, run.BestLoss);
    }

    [Fact]
    public void RelativeTolerance_ScalesWithTheBestLoss()
    {
        // tol·best = 0.1·100 = 10: a drop from 100 to 95 is no improvement, to 85 is
        var objective = new Scripted([100, 95, 85, 80, 79, 78]);
        var run = Run(objective, new MiniBatchTraining { Epochs = 6, BatchSize = 10, Shuffle = false,
            EarlyStopping = new EarlyStopping { Tolerance = 0.1, Patience = 2, Relative = true } });
        Assert.Equal(StopReason.NoImprovement, run.StopReason);
        Assert.Equal(5, run.Epochs);
    }

    [Fact]
    public void WithoutEarlyStopping_EveryEpochRuns()
    {
        var run = Run(new Scripted([3, 3, 3, 3]), new MiniBatchTraining { Epochs = 4, BatchSize = 10 });
        Assert.Equal(StopReason.MaxIterations, run.StopReason);
        Assert.Equal(4, run.Epochs);
    }

    [Fact]
    public void AdaptiveRate_DividesByFiveOnAStall_InsteadOfStopping()
    {
        var objective = new Scripted([1, 1, 1, 1, 1, 1, 1]);
        var run = Run(objective, new MiniBatchTraining { Epochs = 7, BatchSize = 10, Shuffle = false, Schedule = new AdaptiveRate(),
            EarlyStopping = new EarlyStopping { Tolerance = 0.01, Patience = 2 } });
        // stalls after epochs 3 and 5 (the first epoch improves on +∞): the rate goes 1, 1, 1, 0.2, 0.2, 0.04, 0.04
        var steps = objective.Thetas.Zip(objective.Thetas.Skip(1), (before, after) => before - after);
        Assert.Equal(7, run.Epochs);
        Assert.Equal([1, 1, 1, 0.2, 0.2, 0.04], steps, new ToleranceComparer(1e-15));
    }

    [Fact]
    public void InverseScaling_UsesTheRowsSeenSoFar()
    {
        var objective = new Scripted([1, 1, 1]);
        double[] theta = [0];
        Run(objective, new MiniBatchTraining { Epochs = 3, BatchSize = 10, Schedule = new InverseScaling { Power = 0.5 } }, theta: theta);
        // η = 1/√(t + 1) with t = 0, 10, 20 rows seen
        Assert.Equal(-(1 + 1 / Math.Sqrt(11) + 1 / Math.Sqrt(21)), theta[0], 14);
    }

    [Fact]
    public void ValidationFraction_WatchesTheScore_AndKeepsTheBestParameters()
    {
        var objective = new Scripted([5, 4, 3, 2, 1, 1], scores: [0.5, 0.8, 0.79, 0.805, 0.7, 0.6], classOfRow: [.. Enumerable.Repeat(0, 10), .. Enumerable.Repeat(1, 10)]);
        var reports = new List<FitProgress>();
        double[] theta = [0];
        var run = Run(objective, new MiniBatchTraining { Epochs = 6, BatchSize = 100, Shuffle = false,
            EarlyStopping = new EarlyStopping { Tolerance = 0.01, Patience = 3, ValidationFraction = 0.2 } }, theta: theta,
            progress: new SynchronousProgress(reports.Add));
        // scores: 0.8 improves on 0.5; 0.79, 0.805 (< 0.8 + 0.01) and 0.7 do not: stop after epoch 5
        Assert.Equal(StopReason.NoImprovement, run.StopReason);
        Assert.Equal(5, run.Epochs);
        Assert.Equal([0.5, 0.8, 0.79, 0.805, 0.7], run.History.ValidationScores);
        Assert.Equal(0.805, run.BestValidationScore);
        Assert.Equal(-4.0, theta[0]); // the parameters after epoch 4, where the best score was reached
        Assert.Equal([0.5, 0.8, 0.79, 0.805, 0.7], reports.Select(r => r.ValidationScore!.Value));
    }

    [Fact]
    public void ValidationSplit_IsStratified_Seeded_AndDisjoint()
    {
        int[] classes = [.. Enumerable.Repeat(0, 60), .. Enumerable.Repeat(1, 30), .. Enumerable.Repeat(2, 10)];
        var (train, validation) = ValidationSplit.Split(100, classes, 0.2, new Rng(4), "Test");
        Assert.Equal(20, validation.Length);
        Assert.Equal([12, 6, 2], Enumerable.Range(0, 3).Select(k => validation.Count(i => classes[i] == k)));
        Assert.Equal(Enumerable.Range(0, 100), train.Concat(validation).Order());
        Assert.Equal(validation, ValidationSplit.Split(100, classes, 0.2, new Rng(4), "Test").Validation);
        var error = Assert.Throws<DescentDataException>(() => ValidationSplit.Split(10, [0, 0, 0, 0, 1, 1, 1, 2, 2, 2], 0.1, new Rng(0), "MLPClassifier.Fit"));
        Assert.Contains("MLPClassifier.Fit: a validation fraction of 0.1 holds out 1 of 10 rows", error.Message);
    }

    [Fact]
    public void NaNLoss_IsADivergenceNamingTheEpoch()
    {
        var error = Assert.Throws<DivergenceException>(() => Run(new Scripted([3, 2, double.NaN, 1]), new MiniBatchTraining { Epochs = 4, BatchSize = 10 },
            new Sgd { LearningRate = 0.5 }));
        Assert.Equal(3, error.Epoch);
        Assert.Equal("LearningRate", error.Setting);
        Assert.Equal("Test diverged at epoch 3: the loss became NaN. The learning rate 0.5 is too large for these features: use a " +
            "smaller LearningRate (e.g. ten times smaller), or standardize the features first (StandardScaler).", error.Message);
    }

    [Fact]
    public void GrowingFullPassLoss_IsADivergence_OnceAboveItsStart()
    {
        var training = new MiniBatchTraining { Epochs = 10, BatchSize = 10, FullPassLoss = true, GrowthLimit = 3 };
        var error = Assert.Throws<DivergenceException>(() => Run(new Scripted([1, 0.5, 0.8, 0.9, 1.2, 2, 3]), training));
        Assert.Equal(4, error.Epoch); // losses after epochs 1-4: 0.5, 0.8, 0.9, 1.2 (three rises, above the start of 1)
        Assert.Contains("grew for several epochs in a row to 1.2 (it started at 1)", error.Message);
    }

    [Fact]
    public void Cancellation_IsCheckedBeforeEveryBatch()
    {
        using var cancel = new CancellationTokenSource();
        var objective = new Scripted(Enumerable.Repeat(1.0, 100).ToArray());
        Assert.Throws<OperationCanceledException>(() => Run(objective, new MiniBatchTraining { Epochs = 50, BatchSize = 5 },
            progress: new SynchronousProgress(_ => cancel.Cancel()), token: cancel.Token));
        Assert.Equal(2, objective.Thetas.Count); // the two batches of epoch 1, then nothing
    }

    [Fact]
    public void SameSeed_SameRun_OnAnyThreadCount_AndAnotherSeedDiffers()
    {
        var x = Matrix.RandomNormal<double>(200, 5, new Rng(1));
        var y = Matrix.RandomNormal<double>(200, 1, new Rng(2)).ToArray();
        double[] Train(ulong seed) => ThreadCount.With(seed == 7 ? 2 : 1, () =>
        {
            double[] theta = new double[6];
            new MiniBatchTraining { Epochs = 5, BatchSize = 16, Seed = seed }.Run<double>(new LeastSquaresObjective(x, y, true), theta,
                new Adam { LearningRate = 0.05 }, "Test");
            return theta;
        });
        Assert.Equal(Train(3), Train(3));
        Assert.Equal(Train(7), ThreadCount.With(1, () => Train(7)));
        Assert.NotEqual(Train(3), Train(4));
    }

    /// <summary>A one-parameter objective that keeps its gradient in an array of its own and records what the loop passed.</summary>
    private sealed class OwnGradient(int storageLength) : IMiniBatchObjective<double>
    {
        public double[] Storage { get; } = new double[storageLength];

        public bool PassedItsOwn { get; private set; } = true;

        public int Rows => 4;

        public int Dimension => 1;

        public IReadOnlyList<int>? ClassOfRow => null;

        public double[]? GradientStorage => Storage;

        public double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters, Span<double> gradient)
        {
            PassedItsOwn &= System.Runtime.CompilerServices.Unsafe.AreSame(ref gradient[0], ref Storage[0]);
            Storage[0] = parameters[0] - 3;
            return 0.5 * Storage[0] * Storage[0];
        }

        public double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters) => 0.5 * (parameters[0] - 3) * (parameters[0] - 3);

        public double Score(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters) => 0;
    }

    [Fact]
    public void AnObjectivesGradientStorage_IsWhatTheLoopPassesAndSteps()
    {
        var objective = new OwnGradient(1);
        double[] theta = [0];
        new MiniBatchTraining { Epochs = 50, BatchSize = 4, Shuffle = false }.Run<double>(objective, theta, new Sgd { LearningRate = 0.5 }, "Test");
        Assert.True(objective.PassedItsOwn);
        Assert.Equal(3, theta[0], 1e-12);   // θ ← θ − 0.5·(θ − 3) halves the distance to 3 each step
        var wrong = Assert.Throws<ArgumentException>(() =>
            new MiniBatchTraining().Run<double>(new OwnGradient(2), new double[1], new Sgd(), "Test"));
        Assert.StartsWith("Test: the objective's gradient storage has 2 values for 1 parameters.", wrong.Message);
    }

    public static TheoryData<Func<object>, string> BadSettings() => new()
    {
        { () => new Sgd { LearningRate = 0 }.Start<double>(3), "Sgd: LearningRate must be a finite number > 0, got 0." },
        { () => new Sgd { LearningRate = -1 }.Start<double>(3), "Sgd: LearningRate must be a finite number > 0, got -1." },
        { () => new Sgd { Momentum = 1 }.Start<double>(3), "Sgd: Momentum must be in [0, 1), got 1." },
        { () => new Sgd { Nesterov = true }.Start<double>(3), "Sgd: Nesterov must be false when Momentum is 0, got True." },
        { () => new Adam { Beta1 = 1 }.Start<double>(3), "Adam: Beta1 must be in [0, 1), got 1." },
        { () => new Adam { Beta2 = -0.1 }.Start<double>(3), "Adam: Beta2 must be in [0, 1), got -0.1." },
        { () => new Adam { Epsilon = 0 }.Start<double>(3), "Adam: Epsilon must be a finite number > 0, got 0." },
        { () => new AdamW { WeightDecay = -1 }.Start<double>(3), "AdamW: WeightDecay must be a finite number >= 0, got -1." },
        { () => new Sgd { L2Penalty = double.NaN }.Start<double>(3), "Sgd: L2Penalty must be a finite number >= 0, got NaN." },
        { () => Run(new Scripted([1]), new MiniBatchTraining { BatchSize = 0 }), "Test: BatchSize must be >= 1, got 0." },
        { () => Run(new Scripted([1]), new MiniBatchTraining { Epochs = 0 }), "Test: Epochs must be >= 1, got 0." },
        { () => Run(new Scripted([1]), new MiniBatchTraining { EarlyStopping = new EarlyStopping { ValidationFraction = 1 } }),
            "Test: ValidationFraction must be in (0, 1), got 1." },
        { () => Run(new Scripted([1]), new MiniBatchTraining { Schedule = new StepDecay { StepSize = 0 } }), "StepDecay: StepSize must be >= 1, got 0." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void SettingsOutOfRange_AreRefusedNamingTheSettingValueAndRange(Func<object> start, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => start());
        Assert.StartsWith(message, error.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
