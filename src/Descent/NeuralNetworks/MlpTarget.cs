using System.Numerics;
using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// What an MLP learns to predict and how its batch loss is measured, scikit-learn's losses on the last layer's scores
/// z: the loss of a batch (its mean over the rows), ∂loss/∂z for backpropagation, and the validation score. Each
/// implementation keeps the targets of every training row and gathers those of a batch into a reused buffer.
/// </summary>
internal abstract class MlpTarget<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The class of each row for a stratified validation split; null for regression.</summary>
    public abstract IReadOnlyList<int>? ClassOfRow { get; }

    /// <summary>The mean loss of the batch <paramref name="rows"/> whose scores are <paramref name="scores"/>, and
    /// ∂loss/∂scores (a buffer owned by the target, valid until the next call).</summary>
    public abstract (double Loss, Matrix<T> Gradient) LossAndGradient(Matrix<T> scores, ReadOnlySpan<int> rows);

    /// <summary>The score of the scores of <paramref name="rows"/>: accuracy for a classifier, R² for a regressor.</summary>
    public abstract double Score(Matrix<T> scores, ReadOnlySpan<int> rows);
}

/// <summary>Two classes, one logistic output: binary log-loss −[y·ln p + (1 − y)·ln(1 − p)], p = σ(z), from the logit
/// (<see cref="BceWithLogitsLoss{T}"/>); ∂/∂z = (p − y)/m; the predicted class is the second when z &gt; 0.</summary>
internal sealed class BinaryMlpTarget<T>(IReadOnlyList<int> classes) : MlpTarget<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly BceWithLogitsLoss<T> _loss = new();
    private readonly BatchBuffer<T> _batch = new();

    public override IReadOnlyList<int>? ClassOfRow => classes;

    public override (double Loss, Matrix<T> Gradient) LossAndGradient(Matrix<T> scores, ReadOnlySpan<int> rows)
    {
        var y = _batch.Get(rows.Length, 1);
        var values = y.AsSpan();
        for (int i = 0; i < rows.Length; i++)
            values[i] = classes[rows[i]] == 1 ? T.One : T.Zero;
        double loss = double.CreateTruncating(_loss.Forward(scores, y));
        return (loss, _loss.Backward());
    }

    public override double Score(Matrix<T> scores, ReadOnlySpan<int> rows)
    {
        int correct = 0;
        for (int i = 0; i < rows.Length; i++)
            correct += (scores[i, 0] > T.Zero ? 1 : 0) == classes[rows[i]] ? 1 : 0;
        return (double)correct / rows.Length;
    }
}

/// <summary>K ≥ 3 classes, one output per class: log-loss −ln softmax(z)_y (<see cref="CrossEntropyLoss{T}"/>);
/// ∂/∂z = (softmax(z) − onehot(y))/m; the predicted class has the largest score.</summary>
internal sealed class MulticlassMlpTarget<T>(IReadOnlyList<int> classes) : MlpTarget<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly CrossEntropyLoss<T> _loss = new();
    private int[] _batch = [];

    public override IReadOnlyList<int>? ClassOfRow => classes;

    public override (double Loss, Matrix<T> Gradient) LossAndGradient(Matrix<T> scores, ReadOnlySpan<int> rows)
    {
        if (_batch.Length < rows.Length)
            _batch = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
            _batch[i] = classes[rows[i]];
        double loss = double.CreateTruncating(_loss.Forward(scores, _batch.AsSpan(0, rows.Length)));
        return (loss, _loss.Backward());
    }

    public override double Score(Matrix<T> scores, ReadOnlySpan<int> rows)
    {
        int correct = 0;
        for (int i = 0; i < rows.Length; i++)
            correct += scores.Row(i).ArgMax() == classes[rows[i]] ? 1 : 0;
        return (double)correct / rows.Length;
    }
}

/// <summary>Regression, one identity output: scikit-learn's squared error (ŷ − y)²/2, its mean over the batch
/// (<see cref="MseLoss{T}"/> halved); ∂/∂ŷ = (ŷ − y)/m; scored by R².</summary>
internal sealed class RegressionMlpTarget<T>(double[] targets) : MlpTarget<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateTruncating(0.5);
    private readonly MseLoss<T> _loss = new();
    private readonly BatchBuffer<T> _batch = new();

    public override IReadOnlyList<int>? ClassOfRow => null;

    public override (double Loss, Matrix<T> Gradient) LossAndGradient(Matrix<T> scores, ReadOnlySpan<int> rows)
    {
        var y = _batch.Get(rows.Length, 1);
        var values = y.AsSpan();
        for (int i = 0; i < rows.Length; i++)
            values[i] = T.CreateTruncating(targets[rows[i]]);
        double loss = double.CreateTruncating(_loss.Forward(scores, y)) / 2;
        var gradient = _loss.Backward();
        Elementwise.Multiply(gradient, Half, gradient);
        return (loss, gradient);
    }

    public override double Score(Matrix<T> scores, ReadOnlySpan<int> rows)
    {
        var truth = new double[rows.Length];
        var predicted = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            truth[i] = targets[rows[i]];
            predicted[i] = double.CreateTruncating(scores[i, 0]);
        }
        return Metrics.RegressionMetrics.R2Score(truth, predicted);
    }
}
