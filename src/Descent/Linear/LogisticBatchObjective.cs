using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// The mean cross-entropy of logistic or softmax regression on a batch B, for the stochastic solvers:
///   f_B(θ) = 1/|B|·Σ_{i∈B} log-loss(yᵢ, xᵢ; θ) + (λ/2)·‖W‖²,   λ = 1/(C·n),
/// whose mean over batches is the mean cross-entropy the gd solver minimises (the same minimiser as scikit-learn's
/// objective). The batch's rows are copied into a block, and <see cref="BinaryLogisticLoss"/> or
/// <see cref="MultinomialLogisticLoss"/> evaluates it: one loss for full batches and one for the last, shorter one.
/// </summary>
internal sealed class LogisticBatchObjective : IMiniBatchObjective<double>
{
    private readonly Matrix<double> _x;
    private readonly int[] _classOf;
    private readonly int _classes;
    private readonly bool _multinomial;
    private readonly double _l2;
    private readonly bool _intercept;
    private readonly double[] _rows;
    private readonly int[] _classBlock;
    private readonly double[] _targetBlock;
    private readonly Dictionary<int, ITwiceDifferentiableFunction> _losses = [];
    private readonly double[] _scratchGradient;

    public LogisticBatchObjective(Matrix<double> x, int[] classOf, int classes, bool multinomial, double l2, bool fitIntercept, int batchSize)
    {
        _x = x;
        _classOf = classOf;
        _classes = classes;
        _multinomial = multinomial;
        _l2 = l2;
        _intercept = fitIntercept;
        int block = Math.Min(batchSize, x.Rows);
        _rows = new double[block * x.Columns];
        _classBlock = new int[block];
        _targetBlock = new double[block];
        int rowsOfW = multinomial ? classes : 1;
        Dimension = rowsOfW * x.Columns + (fitIntercept ? rowsOfW : 0);
        _scratchGradient = new double[Dimension];
    }

    public int Rows => _x.Rows;

    public int Dimension { get; }

    public IReadOnlyList<int>? ClassOfRow => _classOf;

    public double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters, Span<double> gradient) =>
        LossOf(rows).ValueAndGradient(parameters, gradient);

    public double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters)
    {
        // The data term is a sum over rows: take it block by block, each block's mean weighted by its size.
        double penalty = Penalty(parameters), data = 0;
        for (int first = 0; first < rows.Length; first += _classBlock.Length)
        {
            var block = rows.Slice(first, Math.Min(_classBlock.Length, rows.Length - first));
            data += (LossOf(block).ValueAndGradient(parameters, _scratchGradient) - penalty) * block.Length;
        }
        return data / rows.Length + penalty;
    }

    public double Score(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters)
    {
        int p = _x.Columns, rowsOfW = _multinomial ? _classes : 1, correct = 0;
        var weights = Matrix.Wrap(parameters[..(rowsOfW * p)].ToArray(), rowsOfW, p);
        var intercepts = _intercept ? parameters.Slice(rowsOfW * p, rowsOfW).ToArray() : new double[rowsOfW];
        for (int first = 0; first < rows.Length; first += _classBlock.Length)
        {
            var block = rows.Slice(first, Math.Min(_classBlock.Length, rows.Length - first));
            var z = LinearScores.Compute(Gather(block), weights, intercepts);
            int[] predicted = _multinomial ? z.ArgMax(axis: 1) : Array.ConvertAll(z.ToArray(), v => v > 0 ? 1 : 0);
            for (int k = 0; k < block.Length; k++)
                correct += predicted[k] == _classOf[block[k]] ? 1 : 0;
        }
        return (double)correct / rows.Length;
    }

    /// <summary>(λ/2)·‖W‖², the penalty part of every batch loss.</summary>
    private double Penalty(ReadOnlySpan<double> parameters)
    {
        var w = parameters[..((_multinomial ? _classes : 1) * _x.Columns)];
        double sum = 0;
        foreach (double v in w)
            sum += v * v;
        return 0.5 * _l2 * sum;
    }

    /// <summary>Copies the batch's rows (and classes) into the block; the loss of a batch of that length reads them.</summary>
    private ITwiceDifferentiableFunction LossOf(ReadOnlySpan<int> rows)
    {
        var x = Gather(rows);
        for (int k = 0; k < rows.Length; k++)
        {
            _classBlock[k] = _classOf[rows[k]];
            _targetBlock[k] = _classOf[rows[k]];
        }
        if (!_losses.TryGetValue(rows.Length, out var loss))
        {
            double scale = 1.0 / rows.Length;
            loss = _multinomial
                ? new MultinomialLogisticLoss(x, _classBlock, _classes, scale, _l2, _intercept)
                : new BinaryLogisticLoss(x, _targetBlock, scale, _l2, _intercept);
            _losses.Add(rows.Length, loss);
        }
        return loss;
    }

    /// <summary>The rows, copied into the first rows of the block (a view of them).</summary>
    private Matrix<double> Gather(ReadOnlySpan<int> rows)
    {
        int p = _x.Columns;
        for (int k = 0; k < rows.Length; k++)
            _x.RowSpan(rows[k]).CopyTo(_rows.AsSpan(k * p, p));
        return Matrix.Wrap(_rows, _classBlock.Length, p).RowRange(0, rows.Length);
    }
}
