using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Gemm;
using Descent.Numerics.Kernels;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// The multinomial (softmax) cross-entropy over θ = (W, b), W K × p row-major then b (K), Z = XWᵀ + 1bᵀ,
/// P = softmax(Z) row-wise, Y the one-hot classes:
///   f(θ) = s·Σᵢ [log Σₖ e^{zᵢₖ} − zᵢ,yᵢ] + (λ/2)·‖W‖²_F,
///   ∇_W f = s·(P − Y)ᵀX + λW,   ∇_b f = s·1ᵀ(P − Y),
///   ∇²f·(V, v) = (s·Rᵀ X + λV, s·1ᵀR),   Rᵢₖ = pᵢₖ(uᵢₖ − Σⱼ pᵢⱼuᵢⱼ),  U = XVᵀ + 1vᵀ.
/// s = 1, λ = 1/C is scikit-learn's multinomial LogisticRegression objective; s = 1/n, λ = 1/(C·n) the mean
/// cross-entropy. The log-sum-exp is computed stably; XWᵀ and GᵀX are computed in one pass over X
/// (<see cref="FusedScoreGradient"/>).
/// </summary>
internal sealed class MultinomialLogisticLoss : ITwiceDifferentiableFunction
{
    private readonly Matrix<double> _x;
    private readonly int[] _classOf;
    private readonly int _classes;
    private readonly double _scale;
    private readonly double _l2;
    private readonly bool _intercept;
    private readonly double[] _scores;
    private readonly double[] _rowLoss;
    private readonly double[] _probabilities;
    private readonly double[] _weights;
    private readonly double[] _weightGradient;
    private readonly FusedScoreGradient _pass;
    private readonly FusedScoreGradient.RowRule _gradientRule;
    private readonly FusedScoreGradient.RowRule _hessianRule;
    private readonly double[] _intercepts;

    public MultinomialLogisticLoss(Matrix<double> x, int[] classOf, int classes, double scale, double l2, bool fitIntercept)
    {
        _x = x;
        _classOf = classOf;
        _classes = classes;
        _scale = scale;
        _l2 = l2;
        _intercept = fitIntercept;
        _scores = new double[x.Rows * classes];
        _rowLoss = new double[x.Rows];
        _probabilities = new double[x.Rows * classes];
        _weights = new double[classes * x.Columns];
        _weightGradient = new double[classes * x.Columns];
        _intercepts = new double[fitIntercept ? classes : 0];
        _pass = new FusedScoreGradient(x, classes);
        _gradientRule = GradientRows;
        _hessianRule = HessianRows;
        Dimension = classes * x.Columns + (fitIntercept ? classes : 0);
    }

    public int Dimension { get; }

    private int WeightCount => _weights.Length;

    /// <summary>Z = XWᵀ + 1bᵀ into <paramref name="z"/> (n × K row-major).</summary>
    private void Scores(ReadOnlySpan<double> theta, double[] z)
    {
        theta[..WeightCount].CopyTo(_weights);
        Blas.Gemm(1.0, _x, Matrix.Wrap(_weights, _classes, _x.Columns), 0.0, Matrix.Wrap(z, _x.Rows, _classes),
            transposeB: true);
        if (_intercept)
            AddIntercept(theta[WeightCount..], z, 0, _x.Rows);
    }

    /// <summary>Adds b to rows [first, first + count) of the n × K matrix <paramref name="z"/>.</summary>
    private void AddIntercept(ReadOnlySpan<double> b, double[] z, int first, int count)
    {
        for (int i = first; i < first + count; i++)
        {
            var row = z.AsSpan(i * _classes, _classes);
            TensorPrimitives.Add(row, b, row);
        }
    }

    public double ValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        theta[WeightCount..].CopyTo(_intercepts);
        _pass.Run(theta, _scores, _gradientRule, _probabilities, _scale, _weightGradient);
        double loss = TensorPrimitives.Sum(_rowLoss);
        FinishGradient(_probabilities, theta, gradient);
        var w = theta[..WeightCount];
        return _scale * loss + 0.5 * _l2 * TensorPrimitives.Dot(w, w);
    }

    /// <summary>Rows of G = P − Y from rows of Z: adds b, keeps Z in _scores, softmax into _probabilities, each row's
    /// loss (first its log-sum-exp) into _rowLoss.</summary>
    private void GradientRows(int first, int count)
    {
        if (_intercept)
            AddIntercept(_intercepts, _scores, first, count);
        var z = _scores.AsSpan(first * _classes, count * _classes);
        var p = _probabilities.AsSpan(first * _classes, count * _classes);
        z.CopyTo(p);
        SoftmaxKernel.SoftmaxWithLogSumExp<double>(p, _classes, _rowLoss.AsSpan(first, count));
        for (int i = first; i < first + count; i++)
        {
            int at = i * _classes + _classOf[i];
            _rowLoss[i] -= _scores[at]; // the row's loss, lseᵢ − zᵢ,yᵢ ≥ 0, before any sum: no cancellation across rows
            _probabilities[at] -= 1.0;
        }
    }

    /// <summary>gradient = (s·GᵀX + λW, s·1ᵀG), with s·GᵀX already in _weightGradient.</summary>
    private void FinishGradient(double[] g, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        TensorPrimitives.MultiplyAdd(theta[..WeightCount], _l2, _weightGradient, gradient[..WeightCount]);
        if (!_intercept)
            return;
        var gb = gradient[WeightCount..];
        gb.Clear();
        for (int i = 0; i < _x.Rows; i++)
            TensorPrimitives.Add(gb, g.AsSpan(i * _classes, _classes), gb);
        TensorPrimitives.Multiply(gb, _scale, gb);
    }

    public IHessianOperator HessianAt(ReadOnlySpan<double> theta)
    {
        Scores(theta, _probabilities);
        SoftmaxKernel.SoftmaxWithLogSumExp<double>(_probabilities, _classes, _rowLoss);
        return new Hessian(this);
    }

    /// <summary>Rows of R = P∘(U − (P∘U)1) from rows of U = XVᵀ (the direction's intercepts added here).</summary>
    private void HessianRows(int first, int count)
    {
        if (_intercept)
            AddIntercept(_intercepts, _scores, first, count);
        for (int i = first; i < first + count; i++)
        {
            var ui = _scores.AsSpan(i * _classes, _classes);
            var pi = _probabilities.AsSpan(i * _classes, _classes);
            double mean = TensorPrimitives.Dot(pi, ui);
            TensorPrimitives.Subtract(ui, mean, ui);
            TensorPrimitives.Multiply(ui, pi, ui);
        }
    }

    private sealed class Hessian(MultinomialLogisticLoss loss) : IHessianOperator
    {
        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            v[loss.WeightCount..].CopyTo(loss._intercepts);
            loss._pass.Run(v, loss._scores, loss._hessianRule, loss._scores, loss._scale, loss._weightGradient);
            loss.FinishGradient(loss._scores, v, result);
        }
    }
}
